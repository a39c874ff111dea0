import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';

import { DemoServerControls } from '../../mock-api/demo-server-controls';
import { RefreshFailureMode } from '../../mock-api/server-settings';

/** The choices, in words, and what the client does with each. */
export const REFRESH_FAILURE_OPTIONS: readonly {
  readonly mode: RefreshFailureMode;
  readonly label: string;
  readonly effect: string;
}[] = [
  { mode: 'none', label: 'none', effect: 'The next refresh works normally.' },
  {
    mode: 'server-error',
    label: 'server error',
    effect: 'The next refresh gets a 500: the request fails, you stay signed in.',
  },
  {
    mode: 'network-error',
    label: 'network error',
    effect: 'The next refresh gets no answer (status 0): the request fails, you stay signed in.',
  },
  {
    mode: 'hang',
    label: 'hangs (never answers)',
    effect:
      'The next refresh is never answered: after 15 s its requests fail and you stay signed ' +
      'in; the next request starts a new refresh.',
  },
  {
    mode: 'invalid-grant',
    label: 'invalid grant',
    effect: 'The server refuses the next refresh token: the session ends.',
  },
];

/**
 * "Next refresh fails with": arms a one-shot failure of the server's next `POST api/auth/refresh`.
 * The select follows the server, so it returns to "none" once the failure has been used.
 */
@Component({
  selector: 'app-refresh-failure-control',
  template: `
    <label class="form-label small mb-0" for="devtools-fail-next">Next refresh fails with</label>
    <select
      id="devtools-fail-next"
      class="form-select form-select-sm"
      aria-describedby="devtools-fail-next-hint"
      (change)="choose($event)"
    >
      @for (option of options; track option.mode) {
        <option [value]="option.mode" [selected]="option.mode === mode()">
          {{ option.label }}
        </option>
      }
    </select>
    <div id="devtools-fail-next-hint" class="form-text mt-0">
      {{ effect() }} Used once, by whichever refresh comes next.
    </div>
    <div class="small text-danger-emphasis" role="status">{{ status() }}</div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RefreshFailureControl {
  readonly #controls = inject(DemoServerControls);

  protected readonly options = REFRESH_FAILURE_OPTIONS;
  protected readonly mode = computed(() => this.#controls.settings().failNextRefresh);
  protected readonly effect = computed(
    () => this.options.find((option) => option.mode === this.mode())?.effect ?? '',
  );
  protected readonly status = signal('');

  protected async choose(event: Event): Promise<void> {
    const mode = (event.target as HTMLSelectElement).value as RefreshFailureMode;
    try {
      this.status.set('');
      await this.#controls.failNextRefresh(mode);
    } catch (error) {
      this.status.set(error instanceof Error ? error.message : String(error));
    }
  }
}
