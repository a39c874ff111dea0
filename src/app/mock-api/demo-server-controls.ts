/**
 * The demo knobs of the in-browser server, for the teaching panels. Not HTTP endpoints: a real
 * deployment sets lifetimes and latency in its configuration and revokes through its admin tools.
 *
 * Setters refuse values out of range by rejecting with an `InvalidSettingError` (its `setting`
 * names the field, its `message` can be shown beside it). Settings persist with the server state,
 * and `settings()` follows changes from this tab's server and from other tabs.
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
import { endSession, revokeAccessTokens } from './sessions';

@Injectable({ providedIn: 'root' })
export class DemoServerControls {
  readonly #ctx = inject(SERVER_CONTEXT);
  readonly #settings = signal<ServerSettings>(this.#ctx.db.readSettings());

  /** The current settings (lifetimes in seconds, latency in milliseconds). */
  readonly settings = this.#settings.asReadonly();

  constructor() {
    const stopListening = this.#ctx.db.onSettingsChange((settings) => this.#settings.set(settings));
    const onStorage = (event: StorageEvent) => {
      if (event.key === null || event.key === SETTINGS_KEY) {
        this.#settings.set(this.#ctx.db.readSettings());
      }
    };
    globalThis.addEventListener?.('storage', onStorage);
    inject(DestroyRef).onDestroy(() => {
      stopListening();
      globalThis.removeEventListener?.('storage', onStorage);
    });
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

  /** Makes the next `POST api/auth/refresh` fail this way (once); `'none'` cancels. */
  async failNextRefresh(mode: RefreshFailureMode): Promise<void> {
    if (!REFRESH_FAILURE_MODES.includes(mode)) {
      const modes = REFRESH_FAILURE_MODES.join(', ');
      throw new InvalidSettingError('failNextRefresh', `Refresh failure must be one of ${modes}.`);
    }
    await this.#ctx.db.updateSettings((settings) => {
      settings.failNextRefresh = mode;
    });
  }

  /** Refuses every access token the user holds now; their next call gets 401, a refresh works. */
  async revokeAccessTokens(userId: string): Promise<void> {
    await this.#ctx.db.update((state) => {
      const user = state.users.find((candidate) => candidate.id === userId);
      if (!user) throw new Error(`There is no user with id "${userId}".`);
      revokeAccessTokens(user, this.#ctx.now());
    });
  }

  /** Ends a session (the `sid` claim); its refresh token is refused from now on. Idempotent. */
  async revokeSession(sid: string): Promise<void> {
    await this.#ctx.db.update((state) => {
      const session = state.sessions.find((candidate) => candidate.sid === sid);
      if (!session) throw new Error(`There is no session with id "${sid}".`);
      endSession(state, session, 'revoked', this.#ctx.now());
    });
  }

  /** Back to a fresh install: seed users and todos, a new signing key, default settings. */
  reset(): Promise<void> {
    return this.#ctx.db.reset();
  }

  async #set(setting: NumericSetting, value: number): Promise<void> {
    const problem = checkSetting(setting, value);
    if (problem) throw new InvalidSettingError(setting, problem);
    await this.#ctx.db.updateSettings((settings) => {
      settings[setting] = value;
    });
  }
}
