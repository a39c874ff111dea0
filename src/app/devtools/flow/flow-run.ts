import { ActivityEntry } from '../activity/activity-log';
import { endOf } from './flow-words';

/** A quiet spell this long (nothing running) ends a run; the next request starts a new one. */
export const RUN_GAP_MS = 1_000;
/** The diagram draws at most this many requests, the newest. */
export const MAX_RUN_ENTRIES = 60;

/**
 * The latest run of the timeline's rows (given newest first, as `ActivityLog.rows()`), oldest
 * first: the requests since the last quiet spell of `RUN_GAP_MS`, at most `MAX_RUN_ENTRIES`.
 * Requests that overlap, such as the 401s, the refresh and the retries of one burst, always end
 * up in the same run.
 */
export function latestRun(
  rowsNewestFirst: readonly ActivityEntry[],
  gapMs = RUN_GAP_MS,
  maxEntries = MAX_RUN_ENTRIES,
): ActivityEntry[] {
  const oldestFirst = [...rowsNewestFirst].sort((a, b) => a.startedAt - b.startedAt || a.id - b.id);
  let start = 0;
  let busyUntil = -Infinity;
  oldestFirst.forEach((entry, index) => {
    if (index > 0 && entry.startedAt - busyUntil > gapMs) start = index;
    busyUntil = Math.max(busyUntil, endOf(entry) ?? Infinity);
  });
  return oldestFirst.slice(Math.max(start, oldestFirst.length - maxEntries));
}
