import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';

import { ActivityCounters } from './activity-counters';
import { ActivityLog } from './activity-log';
import { activityRowView } from './activity-row-view';
import { DevtoolsNote } from '../devtools-note';

/**
 * The HTTP activity panel: counters, **Clear**, and every request newest first. A refresh, the
 * 401s that led to it and the requests it released share a `refresh #N` badge; all but the
 * refresh call are indented.
 */
@Component({
  selector: 'app-activity-timeline',
  imports: [ActivityCounters, DevtoolsNote],
  templateUrl: './activity-timeline.html',
  styleUrl: './activity-timeline.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActivityTimeline {
  readonly #log = inject(ActivityLog);

  protected readonly rows = computed(() => this.#log.rows().map(activityRowView));
  protected readonly empty = computed(() => this.rows().length === 0);

  protected clear(): void {
    this.#log.clear();
  }
}
