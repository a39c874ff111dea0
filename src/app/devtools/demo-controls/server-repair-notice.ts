import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';

import { DemoServerControls } from '../../mock-api/demo-server-controls';

/**
 * The notice that the server found its stored state or settings damaged and repaired them: what it
 * dropped, replaced or seeded again, and the localStorage key that holds a copy of the text. Shown
 * in the Server group of the demo controls until dismissed, which dismisses it in every tab.
 */
@Component({
  selector: 'app-server-repair-notice',
  template: `
    <div role="status">
      @if (shown()) {
        <section
          class="alert alert-warning small py-2 px-2 mb-2"
          aria-labelledby="devtools-repair-title"
        >
          <h5 id="devtools-repair-title" class="repair-title">
            The server's stored data was damaged and has been repaired
          </h5>
          @for (repair of repairs(); track repair.at) {
            <ul class="mb-1 ps-3">
              @for (problem of repair.problems; track $index) {
                <li>{{ problem }}</li>
              }
            </ul>
            <p class="mb-1">
              @if (repair.backupKey; as key) {
                A copy of what was stored under <code>{{ repair.source }}</code> is in localStorage
                under <code>{{ key }}</code>.
              } @else {
                No copy of <code>{{ repair.source }}</code> could be kept: the storage is full.
              }
            </p>
          }
          <button type="button" class="btn btn-sm btn-outline-secondary" (click)="dismiss()">
            Dismiss
          </button>
        </section>
      }
    </div>
  `,
  styles: `
    .repair-title {
      font-size: 0.8125rem;
      font-weight: 700;
      margin-bottom: 0.25rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ServerRepairNotice {
  readonly #controls = inject(DemoServerControls);

  protected readonly repairs = this.#controls.repairs;
  protected readonly shown = computed(() => this.repairs().length > 0);

  protected dismiss(): void {
    void this.#controls.dismissRepairs();
  }
}
