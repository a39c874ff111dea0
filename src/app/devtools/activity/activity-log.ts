import { Injectable, computed, signal } from '@angular/core';

/**
 * A tag on a timeline row. The auth flow's own are listed; other sources (for example the
 * multi-tab sync) may add theirs, so any string is accepted.
 */
export type ActivityTag =
  'bearer' | '401' | 'queued' | 'refresh' | 'retried' | 'proactive' | 'cancelled' | (string & {});

/** One request on the HTTP activity timeline. */
export interface ActivityEntry {
  readonly id: number;
  /** When the request was sent, in ms since the epoch. */
  readonly startedAt: number;
  readonly method: string;
  /** The path relative to the app's base, e.g. `/api/todos` (a full URL for other origins). */
  readonly path: string;
  /** The HTTP status; 0 for a network error; null while pending or when cancelled. */
  readonly status: number | null;
  /** Null while pending. */
  readonly durationMs: number | null;
  readonly tags: readonly ActivityTag[];
  /**
   * The refresh this request belongs to: the refresh call itself, a request it released, or a
   * 401 that started or joined it.
   */
  readonly refreshId: number | null;
  /** One sentence about a failure (the server's message), else null. */
  readonly detail: string | null;
}

/** What is known when a request is sent. */
export type ActivityStart = Pick<ActivityEntry, 'startedAt' | 'method' | 'path' | 'refreshId'> & {
  readonly tags?: readonly ActivityTag[];
};

/** What is known when it ends. `tags` are added to the row's tags. */
export interface ActivityOutcome {
  readonly status: number | null;
  readonly finishedAt: number;
  readonly detail?: string | null;
  readonly tags?: readonly ActivityTag[];
}

export interface ActivityCounters {
  readonly requests: number;
  readonly unauthorized: number;
  readonly refreshes: number;
  readonly retries: number;
}

export const MAX_ACTIVITY_ROWS = 200;

const NO_COUNTS: ActivityCounters = { requests: 0, unauthorized: 0, refreshes: 0, retries: 0 };

/**
 * The HTTP activity timeline: the last 200 requests, newest first, and the counters since the
 * last `clear()`. Fed by `activityInterceptor`; read by the devtools panels. The counters are
 * derived from the rows plus a tally of the rows that fell off the end, so they keep counting
 * past the 200-row cap.
 */
@Injectable({ providedIn: 'root' })
export class ActivityLog {
  readonly #rows = signal<readonly ActivityEntry[]>([]);
  /** Counts of the rows dropped by the cap (and of their late outcomes). */
  readonly #dropped = signal<ActivityCounters>(NO_COUNTS);
  #nextId = 1;
  /** Rows with a smaller id were cleared: their late outcomes are ignored. */
  #firstLiveId = 1;

  /** Newest first, at most `MAX_ACTIVITY_ROWS`. */
  readonly rows = this.#rows.asReadonly();
  readonly counters = computed(() => add(this.#dropped(), countRows(this.#rows())));

  /** Adds a pending row and returns its id, for `finish()`. */
  start(request: ActivityStart): number {
    const entry: ActivityEntry = {
      ...request,
      id: this.#nextId++,
      tags: [...(request.tags ?? [])],
      status: null,
      durationMs: null,
      detail: null,
    };
    const rows = [entry, ...this.#rows()];
    const dropped = rows.splice(MAX_ACTIVITY_ROWS);
    if (dropped.length) this.#dropped.update((counts) => add(counts, countRows(dropped)));
    this.#rows.set(rows);
    return entry.id;
  }

  /** Records how the request `id` ended (a 401 also gets the `401` tag). */
  finish(id: number, outcome: ActivityOutcome): void {
    if (id < this.#firstLiveId) return;
    const row = this.#rows().find((candidate) => candidate.id === id);
    if (!row) {
      if (outcome.status === 401)
        this.#dropped.update((c) => ({ ...c, unauthorized: c.unauthorized + 1 }));
      return;
    }
    const extraTags = [...(outcome.tags ?? []), ...(outcome.status === 401 ? ['401'] : [])];
    const finished: ActivityEntry = {
      ...row,
      status: outcome.status,
      durationMs: Math.max(0, outcome.finishedAt - row.startedAt),
      detail: outcome.detail ?? null,
      tags: [...new Set([...row.tags, ...extraTags])],
    };
    this.#rows.update((rows) =>
      rows.map((candidate) => (candidate === row ? finished : candidate)),
    );
  }

  /** Files the finished row `id` (a 401) under refresh `refreshId`, the refresh it led to. */
  fileUnderRefresh(id: number, refreshId: number): void {
    if (id < this.#firstLiveId) return;
    this.#rows.update((rows) =>
      rows.map((row) => (row.id === id && row.refreshId === null ? { ...row, refreshId } : row)),
    );
  }

  /** Empties the timeline and resets the counters. Requests still running are forgotten. */
  clear(): void {
    this.#firstLiveId = this.#nextId;
    this.#rows.set([]);
    this.#dropped.set(NO_COUNTS);
  }
}

function countRows(rows: readonly ActivityEntry[]): ActivityCounters {
  const counts = { ...NO_COUNTS, requests: rows.length };
  for (const row of rows) {
    if (row.status === 401) counts.unauthorized++;
    if (row.tags.includes('refresh')) counts.refreshes++;
    if (row.tags.includes('retried')) counts.retries++;
  }
  return counts;
}

function add(a: ActivityCounters, b: ActivityCounters): ActivityCounters {
  return {
    requests: a.requests + b.requests,
    unauthorized: a.unauthorized + b.unauthorized,
    refreshes: a.refreshes + b.refreshes,
    retries: a.retries + b.retries,
  };
}
