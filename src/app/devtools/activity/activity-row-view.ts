import { ActivityEntry, ActivityTag } from './activity-log';

/** A timeline row as the template shows it: every string ready, nothing left to decide. */
export interface ActivityRowView {
  readonly id: number;
  /** `14:03:07` (local time) and its ISO form for `<time datetime>`. */
  readonly time: string;
  readonly isoTime: string;
  /** `GET /api/todos 200`; `…` in place of the status while pending, `–` when cancelled. */
  readonly summary: string;
  /** A word on the status that colour alone would otherwise carry: pending, network error, … */
  readonly note: string | null;
  readonly duration: string;
  /** `name` as recorded (styled by it), `label` as read: `from-other-tab` reads "from other tab". */
  readonly tags: readonly { readonly name: ActivityTag; readonly label: string }[];
  /** `refresh #3` on the refresh call, the 401s that led to it and every request it released. */
  readonly refreshLabel: string | null;
  /** Part of a refresh's story but not the refresh call itself: shown indented. */
  readonly released: boolean;
  readonly outcome: 'pending' | 'ok' | 'failed';
  readonly detail: string | null;
}

export function activityRowView(entry: ActivityEntry): ActivityRowView {
  const isRefresh = entry.tags.includes('refresh');
  return {
    id: entry.id,
    time: clockTime(entry.startedAt),
    isoTime: new Date(entry.startedAt).toISOString(),
    summary: `${entry.method} ${entry.path} ${statusText(entry)}`,
    note: statusNote(entry),
    duration: entry.durationMs === null ? '' : `${entry.durationMs} ms`,
    tags: entry.tags.map((name) => ({ name, label: name.replace(/-/g, ' ') })),
    refreshLabel: entry.refreshId === null ? null : `refresh #${entry.refreshId}`,
    released: entry.refreshId !== null && !isRefresh,
    outcome: outcomeOf(entry),
    detail: entry.detail,
  };
}

function statusText(entry: ActivityEntry): string {
  if (entry.status !== null) return String(entry.status);
  return entry.tags.includes('cancelled') ? '–' : '…';
}

function statusNote(entry: ActivityEntry): string | null {
  if (entry.status === null) return entry.tags.includes('cancelled') ? 'cancelled' : 'pending';
  return entry.status === 0 ? 'network error' : null;
}

function outcomeOf(entry: ActivityEntry): ActivityRowView['outcome'] {
  if (entry.status === null) return entry.tags.includes('cancelled') ? 'failed' : 'pending';
  return entry.status === 0 || entry.status >= 400 ? 'failed' : 'ok';
}

/** `HH:MM:SS` in local time. */
export function clockTime(epochMs: number): string {
  const date = new Date(epochMs);
  return [date.getHours(), date.getMinutes(), date.getSeconds()]
    .map((part) => String(part).padStart(2, '0'))
    .join(':');
}
