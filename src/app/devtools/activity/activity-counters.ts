import { ChangeDetectionStrategy, Component, inject } from '@angular/core';

import { ActivityLog } from './activity-log';

/** The four numbers of the HTTP activity panel, each with a test id the e2e specs read. */
@Component({
  selector: 'app-activity-counters',
  template: `
    <dl class="counters mb-2">
      <div>
        <dt>Requests</dt>
        <dd data-testid="counter-requests">{{ counters().requests }}</dd>
      </div>
      <div>
        <dt>401 responses</dt>
        <dd data-testid="counter-401">{{ counters().unauthorized }}</dd>
      </div>
      <div>
        <dt>Refresh calls</dt>
        <dd data-testid="counter-refresh">{{ counters().refreshes }}</dd>
      </div>
      <div>
        <dt>Retries</dt>
        <dd data-testid="counter-retries">{{ counters().retries }}</dd>
      </div>
    </dl>
  `,
  styles: `
    .counters {
      display: grid;
      grid-template-columns: repeat(4, minmax(0, 1fr));
      gap: 0.25rem;
      text-align: center;
    }
    .counters > div {
      border: 1px solid var(--bs-border-color);
      border-radius: var(--bs-border-radius);
      padding: 0.25rem;
      background: var(--bs-body-bg);
    }
    dt {
      font-weight: normal;
      font-size: 0.75rem;
    }
    dd {
      margin: 0;
      font-size: 1.25rem;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActivityCounters {
  protected readonly counters = inject(ActivityLog).counters;
}
