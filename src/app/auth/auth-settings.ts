import { Injectable, computed, signal } from '@angular/core';

/** Where `TokenStorage` keeps the session: survives restarts, survives reloads, or neither. */
export type StorageMode = 'local' | 'session' | 'memory';

export const STORAGE_MODES: readonly StorageMode[] = ['local', 'session', 'memory'];

export interface AuthSettingsValue {
  /** Refresh before sending when the access token expires within `leewaySeconds`. */
  readonly proactiveRefresh: boolean;
  readonly leewaySeconds: number;
  readonly storageMode: StorageMode;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettingsValue = {
  proactiveRefresh: true,
  leewaySeconds: 5,
  storageMode: 'local',
};

export const AUTH_SETTINGS_KEY = 'auth:settings';
export const MAX_LEEWAY_SECONDS = 600;

/**
 * The client-side auth switches learners can flip at run time, persisted in localStorage
 * (`auth:settings`) and so shared by all tabs (`TabSync` calls `reload()` when another tab changes
 * them). Unreadable or invalid stored values fall back to the defaults, field by field.
 *
 * To change `storageMode`, call `TokenStorage.setMode()`: it moves the current session into the
 * new storage and then records the choice here.
 */
@Injectable({ providedIn: 'root' })
export class AuthSettings {
  readonly #value = signal<AuthSettingsValue>(readSettings());

  readonly proactiveRefresh = computed(() => this.#value().proactiveRefresh);
  readonly leewaySeconds = computed(() => this.#value().leewaySeconds);
  readonly storageMode = computed(() => this.#value().storageMode);
  readonly value = this.#value.asReadonly();

  setProactiveRefresh(enabled: boolean): void {
    this.#update({ proactiveRefresh: enabled });
  }

  /** Whole seconds, clamped to 0…600; a non-finite number is ignored. */
  setLeewaySeconds(seconds: number): void {
    if (Number.isFinite(seconds)) this.#update({ leewaySeconds: clampLeeway(seconds) });
  }

  /** Records the mode only. Use `TokenStorage.setMode()`, which also moves the session. */
  recordStorageMode(mode: StorageMode): void {
    if (STORAGE_MODES.includes(mode)) this.#update({ storageMode: mode });
  }

  /** Re-reads the stored settings (another tab changed them); the stored values are not rewritten. */
  reload(): void {
    this.#value.set(readSettings());
  }

  /** Proactive refresh and leeway back to their defaults; the storage mode is kept. */
  reset(): void {
    const { proactiveRefresh, leewaySeconds } = DEFAULT_AUTH_SETTINGS;
    this.#update({ proactiveRefresh, leewaySeconds });
  }

  #update(patch: Partial<AuthSettingsValue>): void {
    const next = { ...this.#value(), ...patch };
    this.#value.set(next);
    writeSettings(next);
  }
}

function clampLeeway(seconds: number): number {
  return Math.min(MAX_LEEWAY_SECONDS, Math.max(0, Math.round(seconds)));
}

function readSettings(): AuthSettingsValue {
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(AUTH_SETTINGS_KEY) ?? '{}');
    if (parsed && typeof parsed === 'object') stored = parsed as Record<string, unknown>;
  } catch {
    // Broken JSON or no storage access: the defaults apply.
  }
  const { proactiveRefresh, leewaySeconds, storageMode } = stored;
  return {
    proactiveRefresh:
      typeof proactiveRefresh === 'boolean'
        ? proactiveRefresh
        : DEFAULT_AUTH_SETTINGS.proactiveRefresh,
    leewaySeconds:
      typeof leewaySeconds === 'number' && Number.isFinite(leewaySeconds)
        ? clampLeeway(leewaySeconds)
        : DEFAULT_AUTH_SETTINGS.leewaySeconds,
    storageMode: STORAGE_MODES.includes(storageMode as StorageMode)
      ? (storageMode as StorageMode)
      : DEFAULT_AUTH_SETTINGS.storageMode,
  };
}

function writeSettings(value: AuthSettingsValue): void {
  try {
    localStorage.setItem(AUTH_SETTINGS_KEY, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the setting still applies until the page is reloaded.
  }
}
