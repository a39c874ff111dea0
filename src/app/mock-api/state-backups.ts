/**
 * `StateBackups`: copies of stored server state that had to be repaired (see `state-repair.ts`),
 * and a report of each repair for the devtools. The copy is the stored text exactly as it was, so
 * it can be read, or put back under `mock-api:state`, by hand.
 *
 * Both are bounded: only the `MAX_BACKUPS` newest copies and reports are kept. The reports stay
 * (in storage, so a reload or another tab sees them too) until the user dismisses them.
 */
/** Followed by the ISO time of the repair: `mock-api:backup:2026-01-31T12:00:00.000Z`. */
export const BACKUP_PREFIX = 'mock-api:backup:';
export const REPAIRS_KEY = 'mock-api:repairs';
export const MAX_BACKUPS = 3;

/** One repair of the stored state, as the devtools show it. */
export interface StateRepairReport {
  /** The key whose text was repaired: `mock-api:state` or `mock-api:settings`. */
  source: string;
  /** When it was repaired, as an ISO time. */
  at: string;
  /** Where the stored text was copied to; `null` when the storage had no room for it. */
  backupKey: string | null;
  /** What was dropped, replaced or seeded again, one sentence each. */
  problems: string[];
}

type ReportsListener = (reports: StateRepairReport[]) => void;

export class StateBackups {
  readonly #storage: Storage;
  readonly #listeners = new Set<ReportsListener>();

  constructor(storage: Storage) {
    this.#storage = storage;
  }

  /** Copies the `raw` text of `source` to a new backup key, records the report and warns. */
  keep(source: string, raw: string, problems: string[], at: Date): StateRepairReport {
    const key = `${BACKUP_PREFIX}${at.toISOString()}`;
    const backupKey = this.#write(key, raw) ? key : null;
    const report = { source, at: at.toISOString(), backupKey, problems };
    this.#prune();
    const reports = [...this.reports(), report].slice(-MAX_BACKUPS);
    this.#write(REPAIRS_KEY, JSON.stringify(reports));
    this.#notify(reports);
    const copy = report.backupKey ? `under ${report.backupKey}` : 'nowhere: the storage is full';
    console.warn(`[mock-api] ${source} was repaired. ${problems.join(' ')} Copy: ${copy}.`);
    return report;
  }

  /** The reports not yet dismissed, oldest first. */
  reports(): StateRepairReport[] {
    const raw = this.#storage.getItem(REPAIRS_KEY);
    try {
      const reports = raw === null ? [] : (JSON.parse(raw) as unknown);
      return Array.isArray(reports) && reports.every(isReport) ? reports : [];
    } catch {
      return [];
    }
  }

  /** Forgets the reports; the copies stay. */
  dismiss(): void {
    this.#storage.removeItem(REPAIRS_KEY);
    this.#notify([]);
  }

  /** Calls `listener` after each change of the reports made in this tab; returns an unsubscribe. */
  onChange(listener: ReportsListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Whether it could write (a full storage refuses). */
  #write(key: string, value: string): boolean {
    try {
      this.#storage.setItem(key, value);
      return true;
    } catch {
      return false;
    }
  }

  /** Removes all but the newest `MAX_BACKUPS` copies (ISO times sort by time). */
  #prune(): void {
    const keys = Array.from({ length: this.#storage.length }, (_, i) => this.#storage.key(i));
    const backups = keys.filter((key): key is string => !!key?.startsWith(BACKUP_PREFIX)).sort();
    for (const key of backups.slice(0, -MAX_BACKUPS)) this.#storage.removeItem(key);
  }

  #notify(reports: StateRepairReport[]): void {
    for (const listener of this.#listeners) listener(reports.map((report) => ({ ...report })));
  }
}

function isReport(value: unknown): value is StateRepairReport {
  const report = value as Partial<StateRepairReport> | null;
  return (
    typeof report?.source === 'string' &&
    typeof report.at === 'string' &&
    (report.backupKey === null || typeof report.backupKey === 'string') &&
    Array.isArray(report.problems) &&
    report.problems.every((problem) => typeof problem === 'string')
  );
}
