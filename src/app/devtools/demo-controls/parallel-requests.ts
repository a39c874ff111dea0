import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';

import { BurstKind, describeBurst, fireParallelRequests } from './burst';
import { MAX_BURST, MIN_BURST, parseRequestCount } from './setting-input';

/**
 * "Fire parallel requests": N protected GETs at once, to watch one refresh serve them all, or N
 * POSTs that each add a todo, to watch the server keep every parallel write (from two tabs too).
 * The result line (`data-testid="burst-result"`) says how many succeeded and how long it took.
 */
@Component({
  selector: 'app-parallel-requests',
  template: `
    <form class="burst-form" novalidate (submit)="fire($event)">
      <div>
        <label class="form-label small mb-0" for="devtools-burst-count">Number of requests</label>
        <input
          id="devtools-burst-count"
          type="number"
          step="1"
          class="form-control form-control-sm"
          [min]="min"
          [max]="max"
          [value]="count()"
          [class.is-invalid]="error()"
          [attr.aria-invalid]="error() ? true : null"
          [attr.aria-describedby]="error() ? 'devtools-burst-error' : null"
          (input)="edit($event)"
        />
      </div>
      <div>
        <label class="form-label small mb-0" for="devtools-burst-kind">Each request</label>
        <select
          id="devtools-burst-kind"
          class="form-select form-select-sm"
          (change)="choose($event)"
        >
          <option value="read" [selected]="kind() === 'read'">GET api/todos (reads)</option>
          <option value="create" [selected]="kind() === 'create'">
            POST api/todos (adds a todo)
          </option>
        </select>
      </div>
      <button type="submit" class="btn btn-sm btn-primary" [disabled]="running()">
        Fire parallel requests
      </button>
    </form>
    @if (error()) {
      <div id="devtools-burst-error" class="invalid-feedback d-block">{{ error() }}</div>
    }
    <p class="small mb-0 mt-1" role="status" data-testid="burst-result">{{ result() }}</p>
  `,
  styles: `
    .burst-form {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0.5rem;
    }
    input {
      width: 7rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ParallelRequests {
  readonly #http = inject(HttpClient);

  protected readonly min = MIN_BURST;
  protected readonly max = MAX_BURST;
  protected readonly count = signal('10');
  protected readonly kind = signal<BurstKind>('read');
  protected readonly error = signal<string | null>(null);
  protected readonly running = signal(false);
  protected readonly result = signal('');

  protected edit(event: Event): void {
    this.count.set((event.target as HTMLInputElement).value);
    this.error.set(null);
  }

  protected choose(event: Event): void {
    this.kind.set((event.target as HTMLSelectElement).value === 'create' ? 'create' : 'read');
  }

  protected async fire(event: Event): Promise<void> {
    event.preventDefault();
    const parsed = parseRequestCount(this.count());
    if ('error' in parsed) {
      this.error.set(parsed.error);
      return;
    }
    this.running.set(true);
    this.result.set(`Firing ${parsed.value} requests…`);
    try {
      this.result.set(
        describeBurst(await fireParallelRequests(this.#http, parsed.value, undefined, this.kind())),
      );
    } finally {
      this.running.set(false);
    }
  }
}
