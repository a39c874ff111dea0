/**
 * The demo knobs of the in-browser server, for the teaching panels. Not HTTP endpoints: a real
 * deployment sets lifetimes and latency in its configuration and revokes through its admin tools.
 *
 * Setters refuse values out of range by rejecting with an `InvalidSettingError` (its `setting`
 * names the field, its `message` can be shown beside it). Settings persist with the server state,
 * and `settings()` follows changes from this tab's server and from other tabs; so does
 * `repairs()`, the reports of damaged stored state the server repaired (see `state-backups.ts`).
 */
import { DestroyRef, inject, Injectable, signal } from '@angular/core';

import { SERVER_CONTEXT } from './server-context-token';
import { SETTINGS_KEY } from './server-db';
import {
  checkSetting,
  InvalidSettingError,
  type NumericSetting,
  REFRESH_FAILURE_MODES,
  type RefreshFailureMode,
  type ServerSettings,
} from './server-settings';
import { REPAIRS_KEY, type StateRepairReport } from './state-backups';

@Injectable({ providedIn: 'root' })
export class DemoServerControls {
  readonly #ctx = inject(SERVER_CONTEXT);
  readonly #settings = signal<ServerSettings>(this.#ctx.store.settingsNow());

  /** The current settings (lifetimes in seconds, latency in milliseconds). */
  readonly settings = this.#settings.asReadonly();

  readonly #repairs = signal<StateRepairReport[]>(this.#ctx.store.backups.reports());

  /** What the server dropped or replaced in damaged stored state, and where the copy is. */
  readonly repairs = this.#repairs.asReadonly();

  constructor() {
    const { store } = this.#ctx;
    const stopSettings = store.onSettingsChange((settings) => this.#settings.set(settings));
    const stopRepairs = store.backups.onChange((reports) => this.#repairs.set(reports));
    const onStorage = (event: StorageEvent) => {
      if (event.key === null || event.key === SETTINGS_KEY) this.#settings.set(store.settingsNow());
      if (event.key === null || event.key === REPAIRS_KEY)
        this.#repairs.set(store.backups.reports());
    };
    globalThis.addEventListener?.('storage', onStorage);
    inject(DestroyRef).onDestroy(() => {
      stopSettings();
      stopRepairs();
      globalThis.removeEventListener?.('storage', onStorage);
    });
  }

  /** Forgets the repair reports (in every tab); the copies of the stored text stay. */
  async dismissRepairs(): Promise<void> {
    this.#ctx.store.backups.dismiss();
  }

  /** 5–3600 s; applies to access tokens issued from now on. */
  setAccessTokenLifetime(seconds: number): Promise<void> {
    return this.#set('accessTokenLifetime', seconds);
  }

  /** 10–604800 s (7 days); applies to refresh tokens issued from now on. */
  setRefreshTokenLifetime(seconds: number): Promise<void> {
    return this.#set('refreshTokenLifetime', seconds);
  }

  /** 10–2592000 s (30 days), counted from each session's sign-in; applies to existing sessions. */
  setSessionLifetime(seconds: number): Promise<void> {
    return this.#set('sessionLifetime', seconds);
  }

  /** 0–5000 ms round trip, applied to every response. */
  setLatency(ms: number): Promise<void> {
    return this.#set('latency', ms);
  }

  /** 0–60 s; 0 turns the grace off (every replay of a rotated token revokes its session). */
  setReuseGrace(seconds: number): Promise<void> {
    return this.#set('reuseGrace', seconds);
  }

  /** −3600–3600 s added to the server's clock (negative: behind), for the clock-skew demo. */
  setClockOffset(seconds: number): Promise<void> {
    return this.#set('clockOffset', seconds);
  }

  /**
   * On: every protected request also checks the access token's session, so ending a session
   * stops its access token at once. Off: access tokens work until they expire (stateless).
   */
  async setCheckSessionOnRequests(on: boolean): Promise<void> {
    if (typeof on !== 'boolean') {
      throw new InvalidSettingError('checkSessionOnRequests', 'The session check is on or off.');
    }
    await this.#ctx.store.updateSettings({ checkSessionOnRequests: on });
  }

  /** Makes the next `POST api/auth/refresh` fail this way (once); `'none'` cancels. */
  async failNextRefresh(mode: RefreshFailureMode): Promise<void> {
    if (!REFRESH_FAILURE_MODES.includes(mode)) {
      const modes = REFRESH_FAILURE_MODES.join(', ');
      throw new InvalidSettingError('failNextRefresh', `Refresh failure must be one of ${modes}.`);
    }
    await this.#ctx.store.updateSettings({ failNextRefresh: mode });
  }

  /** Refuses every access token the user holds now; their next call gets 401, a refresh works. */
  async revokeAccessTokens(userId: string): Promise<void> {
    if (!(await this.#ctx.store.revokeAccessTokens(userId, this.#ctx.now()))) {
      throw new Error(`There is no user with id "${userId}".`);
    }
  }

  /**
   * Ends a session (the `sid` claim): its refresh token is refused from now on, and so are its
   * access tokens while the session check is on (`setCheckSessionOnRequests`). Idempotent.
   */
  async revokeSession(sid: string): Promise<void> {
    if (!(await this.#ctx.store.endSession(sid, 'revoked', this.#ctx.now()))) {
      throw new Error(`There is no session with id "${sid}".`);
    }
  }

  /** Back to a fresh install: seed users and todos, a new signing key, default settings. */
  reset(): Promise<void> {
    return this.#ctx.store.reset();
  }

  async #set(setting: NumericSetting, value: number): Promise<void> {
    const problem = checkSetting(setting, value);
    if (problem) throw new InvalidSettingError(setting, problem);
    await this.#ctx.store.updateSettings({ [setting]: value });
  }
}
