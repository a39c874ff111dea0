import { Injectable, computed, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { API_PATHS, RegisterRequest, Role, TokenResponse, User } from '../api-contract';
import { AuthApi } from './auth-api';
import { AuthEvents } from './auth-events';
import { RefreshCoordinator, RefreshResult } from './refresh-coordinator';
import { clockOffsetAtReceipt } from './server-clock';
import { SessionCore } from './session-core';
import { SharedSession } from './shared-session';
import { isRecord, isUser, userFromClaims } from './token-claims';
import { TokenStorage } from './token-storage';

/**
 * The session, as the app sees it: the token pair and the user (read-only signals), sign-in,
 * register and sign-out, the single-flight `refresh()`, and the session notice. Every method that
 * talks to the server returns a Promise that rejects with the original `HttpErrorResponse`. It
 * never navigates or shows UI: it emits on `AuthEvents` instead.
 *
 * Behind it: `SessionCore` (the state, expiry in server time, and `end`, the one way a session
 * ends), `RefreshCoordinator` (single flight, wait limit, the cross-tab lock) and `SharedSession`
 * (the other tabs, in localStorage mode: one session for all). Session-storage and memory modes
 * keep one session per tab.
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  readonly #core = inject(SessionCore);
  readonly #refresh = inject(RefreshCoordinator);
  readonly #shared = inject(SharedSession);
  readonly #api = inject(AuthApi);
  readonly #storage = inject(TokenStorage);
  readonly #events = inject(AuthEvents);
  readonly #session = this.#core.session;

  readonly user = computed(() => this.#session()?.user ?? null);
  readonly isSignedIn = computed(() => this.#session() !== null);
  readonly isAdmin = computed(() => this.hasRole('admin'));
  readonly accessToken = computed(() => this.#session()?.accessToken ?? null);
  readonly refreshToken = computed(() => this.#session()?.refreshToken ?? null);
  /** The refresh token rotated out by the last refresh (for the devtools replay demo). */
  readonly previousRefreshToken = computed(() => this.#session()?.previousRefreshToken ?? null);
  /** Expiry times in ms since the epoch (the server's clock), or null when signed out. */
  readonly accessExpiresAt = this.#core.accessExpiresAt;
  readonly refreshExpiresAt = this.#core.refreshExpiresAt;
  /**
   * The server's clock minus this browser's, in ms, as measured when the current pair arrived;
   * 0 when signed out or when the difference is mere network delay (see `server-clock.ts`).
   */
  readonly clockOffsetMs = this.#core.clockOffsetMs;
  readonly refreshInProgress = this.#refresh.inProgress;
  readonly sessionNotice = this.#core.notice.asReadonly();
  /**
   * False where the browser has no Web Locks: refreshes are then single-flight within each tab
   * only, so two tabs refreshing at once can still trip reuse detection (single-tab-safe).
   */
  readonly crossTabLocking = this.#refresh.crossTabLocking;

  /**
   * Changes whenever a session starts or ends (sign-in here or adopted from another tab, sign-out,
   * start-up): a request compares it to tell whether it still belongs to the current session.
   */
  sessionEpoch(): number {
    return this.#core.generation();
  }

  /** The id of the refresh running now, the one `refresh()` would join; null when none runs. */
  get runningRefreshId(): number | null {
    return this.#refresh.runningRefreshId();
  }

  hasRole(role: Role): boolean {
    return this.user()?.roles.includes(role) ?? false;
  }

  /** Now on the server's clock, in ms since the epoch: every expiry is judged against this. */
  serverNow(): number {
    return this.#core.serverNow();
  }

  /** Signed out, or the access token expires within `seconds` (or has), in server time. */
  accessTokenExpiresWithin(seconds: number): boolean {
    return this.#core.accessTokenExpiresWithin(seconds);
  }

  /**
   * The refresh token's `exp` has passed in server time, as far as this tab can tell. Only a hint:
   * the session still ends only when the server refuses the token (or another tab saw it end).
   */
  refreshTokenLooksExpired(): boolean {
    return this.#core.refreshTokenLooksExpired();
  }

  /** Rejects with the server's `HttpErrorResponse` (401 `invalid_credentials`, 429, …). */
  async signIn(username: string, password: string): Promise<User> {
    const response = await firstValueFrom(this.#api.login({ username, password }));
    return this.#startSession(response, API_PATHS.login);
  }

  /** Creates the account and signs in. Rejects with the `HttpErrorResponse` (409, 400, …). */
  async register(request: RegisterRequest): Promise<User> {
    const response: unknown = await firstValueFrom(this.#api.register(request));
    if (isRecord(response) && typeof response['accessToken'] === 'string') {
      return this.#startSession(response as unknown as TokenResponse, API_PATHS.register);
    }
    return this.signIn(request.username, request.password);
  }

  /**
   * Ends the session at once (signals, storage, `signedOut` event), then revokes the refresh
   * token on the server, waiting at most 3 s. Never rejects.
   */
  signOut(): Promise<void> {
    this.#core.notice.set(null); // also when already signed out: a stale notice goes too
    return this.#core.end({
      storage: { mark: { kind: 'signedOut' } },
      notice: null,
      announce: { type: 'signedOut' },
      revoke: true,
    });
  }

  /**
   * Renews the token pair. Single-flight: every call while a refresh runs shares its one HTTP
   * call and gets its result or its error. A refusal ends the session (`sessionExpired`) and
   * rejects with the server's error; a transient failure keeps the session and rejects with a
   * `refresh_unavailable` error. Nobody waits longer than `REFRESH_WAIT_LIMIT_MS`. When another
   * tab has refreshed meanwhile, its tokens are used without a call (`fromOtherTab`).
   */
  refresh(options: { proactive?: boolean } = {}): Promise<RefreshResult> {
    return this.#refresh.refresh(options);
  }

  /**
   * Devtools demo: sends the rotated-out refresh token again. A server with reuse detection
   * revokes the session, and the store ends it with the server's reason.
   */
  async replayPreviousRefreshToken(): Promise<void> {
    const previous = this.previousRefreshToken();
    if (!previous) throw new Error('There is no previous refresh token to replay.');
    await this.#refresh.replay(previous);
  }

  /**
   * Ends the session because the server will not accept it (e.g. a 401 on a retried request):
   * clears it, keeps `reason` as the session notice, emits `sessionExpired` once, and revokes the
   * refresh token in the background. Does nothing when already signed out.
   */
  endSession(reason: string): void {
    void this.#core.expire(reason, { revoke: true });
  }

  clearSessionNotice(): void {
    this.#core.notice.set(null);
  }

  /**
   * Brings this tab in line with the shared session in localStorage after another tab changed it
   * (see `SharedSession`), as `TabSync` does on the other tabs' news and `SessionRecheck` on waking.
   */
  syncWithStorage(): void {
    this.#shared.reconcile(null);
  }

  /** Replaces the user with a fresher copy from the server (e.g. `GET`/`PATCH api/users/me`). */
  setUser(user: User): void {
    const session = this.#session();
    if (!session || !isUser(user)) return;
    this.#session.set({ ...session, user });
    this.#storage.writeUser(session, user);
  }

  #startSession(response: TokenResponse, url: string): User {
    const claims = this.#core.readableClaims(response, url);
    const clockOffsetMs = clockOffsetAtReceipt(claims.iat, Date.now());
    const previous = this.#session();
    if (previous) void this.#core.revoke(previous.refreshToken);
    this.#core.forget();
    const user = isUser(response.user) ? response.user : userFromClaims(claims);
    this.#core.notice.set(null);
    this.#core.store(
      {
        accessToken: response.accessToken,
        refreshToken: response.refreshToken,
        user,
        previousRefreshToken: null,
        clockOffsetMs,
      },
      'signedIn',
    );
    this.#events.emit({ type: 'signedIn', user });
    return user;
  }
}
