/**
 * The server's persisted state and settings in the browser's storage, under the `mock-api:` prefix
 * (the client app keeps its own `auth:` keys; the two never touch).
 *
 * Every request reads the stored state afresh, so all tabs of the app talk to one server. Every
 * change is a read-modify-write under one lock (see `server-lock.ts`), so parallel requests, in
 * one tab or several, never lose a write. Missing state is seeded. Damaged state is repaired part
 * by part (`state-repair.ts`), damaged settings one field at a time (`repairSettings`): only what
 * is bad is dropped or replaced, after a copy of the stored text is kept and a report written for
 * the devtools (`state-backups.ts`), never an error for the app.
 */
import { parseJsonRecords } from './json-records';
import type { LockFn } from './server-lock';
import {
  DEFAULT_SERVER_SETTINGS,
  repairSettings,
  type ServerSettings,
  type SettingsRepair,
} from './server-settings';
import { StateBackups } from './state-backups';
import { isServerState } from './state-checks';
import { repairState } from './state-repair';
import type { ServerState } from './server-state';

export const STORAGE_PREFIX = 'mock-api:';
export const STATE_KEY = `${STORAGE_PREFIX}state`;
export const SETTINGS_KEY = `${STORAGE_PREFIX}settings`;
/** One lock for both keys: a settings change and a state change never interleave. */
export const LOCK_NAME = `${STORAGE_PREFIX}state`;

export interface ServerDbOptions {
  storage: Storage;
  lock: LockFn;
  /** Builds the seed state (hashes passwords, makes a signing key). */
  seed: () => Promise<ServerState>;
  /** The clock that dates backups, in epoch milliseconds. Default: `Date.now`. */
  now?: () => number;
}

type SettingsListener = (settings: ServerSettings) => void;

interface Loaded<T> {
  raw: string | null;
  value: T | null;
}

export class ServerDb {
  readonly #storage: Storage;
  readonly #lock: LockFn;
  readonly #seed: () => Promise<ServerState>;
  readonly #now: () => number;
  readonly #settingsListeners = new Set<SettingsListener>();
  /** The damaged settings text last sent for repair, so it is not sent again per request. */
  #repairingSettings: string | null = null;

  /** The copies of damaged state and the reports of their repairs. */
  readonly backups: StateBackups;

  constructor(options: ServerDbOptions) {
    this.#storage = options.storage;
    this.#lock = options.lock;
    this.#seed = options.seed;
    this.#now = options.now ?? Date.now;
    this.backups = new StateBackups(options.storage);
  }

  /** The current state, read fresh from storage; seeds or repairs it first when needed. */
  async read(): Promise<ServerState> {
    return this.#load().value ?? this.update((state) => state);
  }

  /**
   * Runs `change` on a fresh copy of the state while holding the lock, then stores the copy.
   * When `change` throws, none of its changes is stored (a seeding or repair it needed first is).
   * Never call `read` or `update` inside `change`.
   */
  update<T>(change: (state: ServerState) => T | Promise<T>): Promise<T> {
    return this.#lock(LOCK_NAME, async () => {
      const loaded = this.#load();
      const { raw, state } = loaded.value
        ? { raw: loaded.raw, state: loaded.value }
        : await this.#repair(loaded.raw);
      const result = await change(state);
      this.#store(STATE_KEY, state, raw);
      return result;
    });
  }

  /** The current settings: the stored ones, with the default for each one missing or refused. */
  readSettings(): ServerSettings {
    const { raw, settings, problems } = this.#loadSettings();
    if (problems.length > 0 && raw !== this.#repairingSettings) {
      this.#repairingSettings = raw;
      void this.updateSettings(() => undefined);
    }
    return settings;
  }

  /** Like `update`, for the settings. Listeners hear about every stored change. */
  updateSettings<T>(change: (settings: ServerSettings) => T): Promise<T> {
    return this.#lock(LOCK_NAME, async () => {
      const { raw, settings, problems } = this.#loadSettings();
      if (raw !== null && problems.length > 0)
        this.backups.keep(SETTINGS_KEY, raw, problems, new Date(this.#now()));
      const result = change(settings);
      if (this.#store(SETTINGS_KEY, settings, raw)) this.#notify(settings);
      return result;
    });
  }

  /** Back to a fresh install: the state is seeded again on the next request, settings default. */
  reset(): Promise<void> {
    return this.#lock(LOCK_NAME, async () => {
      this.#storage.removeItem(STATE_KEY);
      this.#storage.removeItem(SETTINGS_KEY);
      this.#notify({ ...DEFAULT_SERVER_SETTINGS });
    });
  }

  /** Calls `listener` after each settings change made in this tab; returns an unsubscribe. */
  onSettingsChange(listener: SettingsListener): () => void {
    this.#settingsListeners.add(listener);
    return () => this.#settingsListeners.delete(listener);
  }

  #load(): Loaded<ServerState> {
    const raw = this.#storage.getItem(STATE_KEY);
    const parsed = parseJson(raw);
    return { raw, value: isServerState(parsed) ? parsed : null };
  }

  #loadSettings(): SettingsRepair & { raw: string | null } {
    const raw = this.#storage.getItem(SETTINGS_KEY);
    return { raw, ...repairSettings(raw === null ? undefined : parseJson(raw)) };
  }

  /**
   * Seeds a missing state, or repairs a damaged one after keeping a copy of the stored text, and
   * stores the result at once: a repair is copied and reported once, whatever comes next.
   */
  async #repair(raw: string | null): Promise<{ raw: string; state: ServerState }> {
    const repair =
      raw === null
        ? { state: await this.#seed(), problems: [] }
        : await repairState(raw, this.#seed);
    if (raw !== null && repair.problems.length > 0)
      this.backups.keep(STATE_KEY, raw, repair.problems, new Date(this.#now()));
    const repaired = JSON.stringify(repair.state);
    this.#storage.setItem(STATE_KEY, repaired);
    return { raw: repaired, state: repair.state };
  }

  /** Writes `value` unless it is what is stored already; answers whether it wrote. */
  #store(key: string, value: unknown, storedRaw: string | null): boolean {
    const raw = JSON.stringify(value);
    if (raw === storedRaw) return false;
    this.#storage.setItem(key, raw);
    return true;
  }

  #notify(settings: ServerSettings): void {
    for (const listener of this.#settingsListeners) listener({ ...settings });
  }
}

/** Parses into records without prototypes, so a key like a username `__proto__` stays a key. */
function parseJson(raw: string | null): unknown {
  if (raw === null) return null;
  try {
    return parseJsonRecords(raw);
  } catch {
    return null;
  }
}
