import { InjectionToken, Injectable, computed, inject, signal } from '@angular/core';
import { JwtHelperService } from '@auth0/angular-jwt';
import { catchError, defaultIfEmpty, firstValueFrom, of, timeout } from 'rxjs';

import {
  API_PATHS,
  RegisterRequest,
  Role,
  TokenClaims,
  TokenResponse,
  User,
} from '../api-contract';
import {
  SESSION_END_REASONS,
  isTransientFailure,
  refreshUnavailableError,
  sessionEndReason,
  sessionChangedError,
  sessionGoneError,
  unreadableTokensError,
} from './auth-errors';
import { AuthApi } from './auth-api';
import { AuthEvents } from './auth-events';
import { StorageMode } from './auth-settings';
import { AuthFlowTrace } from './request-context';
import {
  COPIED_TAB,
  SESSION_MOVED_TO_OTHER_TAB,
  SIGNED_OUT_IN_OTHER_TAB,
  SessionNotice,
  sessionEndedNotice,
} from './session-notices';
import { clockOffsetAtReceipt, usableOffset } from './server-clock';
import { decodeClaims, expiresAt, isRecord, isUser, userFromClaims } from './token-claims';
import { SessionEndKind } from './session-end-mark';
import { StoredSession, TokenStorage } from './token-storage';
import {
  REFRESH_FENCE,
  REFRESH_LOCK_NAME,
  WEB_LOCKS,
  isLockWaitAbort,
  waitAtMost,
} from './web-locks';

/** What every caller of `refresh()` gets when the shared refresh succeeds. */
export interface RefreshResult {
  readonly accessToken: string;
  /** One id per refresh call (a counter), shared by everyone who waited for it. */
  readonly refreshId: number;
  /** The refresh was started before sending a request, not after a 401. */
  readonly proactive: boolean;
  /** This caller joined a refresh someone else had started. */
  readonly joined: boolean;
  /** Another tab had already refreshed: this tab took its tokens and made no refresh call. */
  readonly fromOtherTab: boolean;
}

/** What the one shared run of a refresh gives every caller (each adds its own `joined`). */
type SharedRefresh = Omit<RefreshResult, 'joined'>;

/**
 * Longest a caller waits for a refresh before failing as "could not reach the server", and the
 * hard limit of a refresh that never answers: then it is no longer the refresh to join, its lock
 * is released, and the next request starts a new one.
 */
export const REFRESH_WAIT_LIMIT_MS = 15_000;
/** The wait limit in force: `REFRESH_WAIT_LIMIT_MS`, shorter in specs that wait it out. */
export const REFRESH_WAIT_LIMIT = new InjectionToken<number>('REFRESH_WAIT_LIMIT', {
  providedIn: 'root',
  factory: () => REFRESH_WAIT_LIMIT_MS,
});
/** Longest sign-out waits for the logout (revoke) call. */
export const LOGOUT_TIMEOUT_MS = 3_000;

/**
 * Owns the session: the token pair (private signals behind read-only views), the user, the single
 * in-flight refresh and the session notice. Every method that talks to the server returns a
 * Promise that rejects with the original `HttpErrorResponse`. It never navigates or shows UI:
 * it emits on `AuthEvents` instead.
 *
 * Several tabs (localStorage mode, one session for all): the refresh runs under the Web Lock
 * `auth:refresh` and re-reads storage first, so only one tab ever presents a refresh token;
 * `syncWithStorage()` (called by `TabSync` on `storage` events) takes over another tab's rotation,
 * sign-in or sign-out at once. Session-storage and memory modes keep one session per tab.
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  readonly #api = inject(AuthApi);
  readonly #storage = inject(TokenStorage);
  readonly #events = inject(AuthEvents);
  readonly #jwt = inject(JwtHelperService);
  readonly #locks = inject(WEB_LOCKS);
  readonly #fence = inject(REFRESH_FENCE);
  readonly #waitLimit = inject(REFRESH_WAIT_LIMIT);

  readonly #session = signal<StoredSession | null>(null);
  readonly #notice = signal<SessionNotice | null>(null);
  readonly #refreshing = signal(false);
  readonly #lastRefreshId = signal<number | null>(null);
  readonly #fromOtherTab = signal(false);
  /** The refresh running now: its id and the promise every caller shares. */
  #inFlight: { readonly refreshId: number; readonly run: Promise<SharedRefresh> } | null = null;
  #refreshCounter = 0;
  /** Refreshes given up at the wait limit: a late answer of theirs belongs to no one. */
  readonly #abandoned = new Set<number>();
  /** Bumped whenever a session starts or ends, so a late refresh answer cannot revive one. */
  #generation = 0;

  readonly user = computed(() => this.#session()?.user ?? null);
  readonly isSignedIn = computed(() => this.#session() !== null);
  readonly isAdmin = computed(() => this.hasRole('admin'));
  readonly accessToken = computed(() => this.#session()?.accessToken ?? null);
  readonly refreshToken = computed(() => this.#session()?.refreshToken ?? null);
  /** The refresh token rotated out by the last refresh (for the devtools replay demo). */
  readonly previousRefreshToken = computed(() => this.#session()?.previousRefreshToken ?? null);
  /** Expiry times in ms since the epoch, or null when signed out. */
  readonly accessExpiresAt = computed(() => expiresAt(this.#jwt, this.accessToken()));
  readonly refreshExpiresAt = computed(() => expiresAt(this.#jwt, this.refreshToken()));
  /**
   * The server's clock minus this browser's, in ms, as measured when the current pair arrived;
   * 0 when signed out or when the difference is mere network delay (see `server-clock.ts`).
   */
  readonly clockOffsetMs = computed(() => usableOffset(this.#session()?.clockOffsetMs));
  readonly refreshInProgress = this.#refreshing.asReadonly();
  /** The id of the refresh that produced the current tokens; null right after sign-in. */
  readonly lastRefreshId = this.#lastRefreshId.asReadonly();

  /**
   * Changes whenever a session starts or ends (sign-in here or adopted from another tab, sign-out,
   * start-up): a request compares it to tell whether it still belongs to the current session.
   */
  sessionEpoch(): number {
    return this.#generation;
  }

  /** The id of the refresh running now, the one `refresh()` would join; null when none runs. */
  get runningRefreshId(): number | null {
    return this.#inFlight?.refreshId ?? null;
  }
  readonly sessionNotice = this.#notice.asReadonly();
  /** The current tokens came from another tab (its refresh or sign-in), not from this tab. */
  readonly tokensFromOtherTab = this.#fromOtherTab.asReadonly();
  /**
   * False where the browser has no Web Locks: refreshes are then single-flight within each tab
   * only, so two tabs refreshing at once can still trip reuse detection (single-tab-safe).
   */
  readonly crossTabLocking = this.#locks !== null;

  hasRole(role: Role): boolean {
    return this.user()?.roles.includes(role) ?? false;
  }

  /** Now on the server's clock, in ms since the epoch: every expiry is judged against this. */
  serverNow(): number {
    return Date.now() + this.clockOffsetMs();
  }

  /**
   * True when signed out or when the access token expires within `seconds` (or already has), in
   * server time.
   */
  accessTokenExpiresWithin(seconds: number): boolean {
    const expires = this.accessExpiresAt();
    return expires === null || expires - seconds * 1000 <= this.serverNow();
  }

  /**
   * The refresh token's `exp` has passed in server time, as far as this tab can tell. Only a hint:
   * the session still ends only when the server refuses the token (or another tab saw it end).
   */
  refreshTokenLooksExpired(): boolean {
    const expires = this.refreshExpiresAt();
    return expires !== null && expires <= this.serverNow();
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
  async signOut(): Promise<void> {
    const session = this.#session();
    this.#notice.set(null);
    if (!session) return;
    this.#clear({ kind: 'signedOut' });
    this.#events.emit({ type: 'signedOut' });
    this.#passLockOn();
    await this.#revoke(session.refreshToken);
  }

  /**
   * Renews the token pair. Single-flight: every call while a refresh runs shares its one HTTP
   * call and gets its result or its error. A refusal ends the session (`sessionExpired`) and
   * rejects with the server's error; a transient failure keeps the session and rejects with a
   * `refresh_unavailable` error. Nobody waits longer than `REFRESH_WAIT_LIMIT_MS`. When another
   * tab has refreshed meanwhile, its tokens are used without a call (`fromOtherTab`).
   */
  refresh(options: { proactive?: boolean } = {}): Promise<RefreshResult> {
    if (!this.#inFlight && !this.#session()) return Promise.reject(sessionGoneError());
    const joined = this.#inFlight !== null;
    const run = this.#inFlight?.run ?? this.#startRefresh(options.proactive ?? false);
    return withWaitLimit(run, this.#waitLimit).then((result) => ({ ...result, joined }));
  }

  /**
   * Devtools demo: sends the rotated-out refresh token again. A server with reuse detection
   * revokes the session, and the store ends it with the server's reason.
   */
  async replayPreviousRefreshToken(): Promise<void> {
    const previous = this.previousRefreshToken();
    if (!previous) throw new Error('There is no previous refresh token to replay.');
    const refreshId = ++this.#refreshCounter;
    const trace: AuthFlowTrace = { tags: ['refresh'], refreshId };
    await this.#runRefresh(refreshId, false, () =>
      firstValueFrom(this.#api.refresh(previous, trace)),
    );
  }

  /**
   * Ends the session because the server will not accept it (e.g. a 401 on a retried request):
   * clears it, keeps `reason` as the session notice, emits `sessionExpired` once, and revokes the
   * refresh token in the background. Does nothing when already signed out.
   */
  endSession(reason: string): void {
    const session = this.#session();
    if (!session) return;
    this.#expire(reason);
    this.#passLockOn();
    void this.#revoke(session.refreshToken);
  }

  clearSessionNotice(): void {
    this.#notice.set(null);
  }

  /**
   * Start-up: adopts the session in `TokenStorage` (which drops garbage and dead sessions).
   * Returns whether one was found. Used by `restoreSession`.
   */
  resumeStoredSession(): boolean {
    this.#newGeneration();
    const stored = this.#storage.read();
    const claims = stored && decodeClaims(this.#jwt, stored.accessToken, 'access');
    this.#fromOtherTab.set(false);
    if (!stored || !claims) {
      this.#session.set(null);
      return false;
    }
    this.#session.set({ ...stored, user: stored.user ?? userFromClaims(claims) });
    return true;
  }

  /**
   * Start-up of a duplicated tab in session-storage mode (see `TabIdentity`): the copied tokens
   * are the original tab's, so they are dropped without a revoke and the login page says why.
   * Using them as well would make the second rotation look like reuse and end both tabs' session.
   */
  leaveCopiedSession(): void {
    this.#clear();
    this.#notice.set(COPIED_TAB);
  }

  /**
   * Brings this tab in line with the shared session in localStorage after another tab changed it:
   * takes over a rotation or another tab's sign-in, or ends this tab's session when the shared one
   * has ended (with the notice that says why). `TabSync` calls it on `storage` events; the refresh
   * calls it inside the lock. Per-tab storage modes have nothing to sync.
   */
  syncWithStorage(): void {
    this.#reconcile(null);
  }

  /**
   * Another tab switched the storage mode (`TabSync`). Leaving localStorage, that tab took the
   * shared session along, so this tab is signed out. Into localStorage, a shared session that is
   * already there wins over this tab's own (which is revoked); otherwise this tab's becomes shared.
   */
  followStorageMode(mode: StorageMode): void {
    const from = this.#storage.mode();
    if (from === mode) return;
    const own = this.#session();
    this.#storage.followMode(mode);
    if (from === 'local') {
      if (own) this.#endedInOtherTab('moved', null);
      return;
    }
    if (mode !== 'local') return;
    const shared = this.#storage.read();
    if (own && shared && shared.refreshToken !== own.refreshToken) {
      void this.#revoke(own.refreshToken);
    }
    this.syncWithStorage();
  }

  /** Replaces the user with a fresher copy from the server (e.g. `GET`/`PATCH api/users/me`). */
  setUser(user: User): void {
    const session = this.#session();
    if (!session || !isUser(user)) return;
    this.#session.set({ ...session, user });
    this.#storage.writeUser(session, user);
  }

  #startRefresh(proactive: boolean): Promise<SharedRefresh> {
    const refreshId = ++this.#refreshCounter;
    const trace: AuthFlowTrace = {
      tags: proactive ? ['refresh', 'proactive'] : ['refresh'],
      refreshId,
    };
    // The session this tab is about to renew, and its generation, seen before waiting for the lock.
    const renewing = this.#session() as StoredSession;
    const generation = this.#generation;
    // A refresh that never answers is given up at the wait limit: its lock is released (the task
    // ends) and it stops being the one to join (`done`), so the next request starts a new one.
    const giveUp = () => {
      this.#abandoned.add(refreshId);
      this.#events.emit({ type: 'refreshFailed', refreshId, transient: true });
    };
    const run = this.#underRefreshLock(refreshId, () =>
      withWaitLimit(
        this.#renew(refreshId, proactive, trace, renewing, generation),
        this.#waitLimit,
        giveUp,
      ),
    );
    const inFlight = { refreshId, run };
    this.#inFlight = inFlight;
    this.#refreshing.set(true);
    const limit = setTimeout(() => done(), this.#waitLimit);
    const done = () => {
      clearTimeout(limit);
      if (this.#inFlight !== inFlight) return;
      this.#inFlight = null;
      this.#refreshing.set(false);
    };
    run.then(done, done);
    return run;
  }

  /**
   * Runs the refresh under the cross-tab lock `auth:refresh` in localStorage mode (the one shared
   * mode), so the new pair is stored before another tab may look, and behind the storage fence,
   * so this tab sees what the previous holder stored. Where Web Locks are missing, or the session
   * is per tab, the in-tab single flight is all the coordination there is.
   */
  #underRefreshLock(refreshId: number, task: () => Promise<SharedRefresh>): Promise<SharedRefresh> {
    const locks = this.#locks;
    if (!locks || this.#storage.mode() !== 'local') return task();
    return locks
      .request(REFRESH_LOCK_NAME, waitAtMost(this.#waitLimit), () => this.#fence.run(task))
      .catch((error: unknown) => {
        if (!isLockWaitAbort(error)) throw error;
        this.#events.emit({ type: 'refreshFailed', refreshId, transient: true });
        throw refreshUnavailableError(null);
      });
  }

  /**
   * After ending the shared session outside a refresh: takes the refresh lock once, so the storage
   * fence makes the end visible to every tab that takes the lock after this one.
   */
  #passLockOn(): void {
    if (!this.#locks || this.#storage.mode() !== 'local') return;
    const pass = () => this.#fence.run(() => Promise.resolve());
    this.#locks.request(REFRESH_LOCK_NAME, waitAtMost(this.#waitLimit), pass).catch(() => {
      // Gave up waiting: the storage event still reaches the other tabs.
    });
  }

  /**
   * The refresh itself, inside the lock. It re-reads storage first: when another tab has rotated
   * the tokens meanwhile (the stored pair is not the one this tab was about to renew) and the
   * stored access token has not expired, it uses those and makes no call, because presenting the
   * old refresh token again would be reuse and end the session for every tab. (Not expired rather
   * than outside the proactive leeway: with a lifetime as short as the leeway, a token another tab
   * just got would never count as fresh, and every tab would refresh once more.)
   */
  async #renew(
    refreshId: number,
    proactive: boolean,
    trace: AuthFlowTrace,
    renewing: StoredSession,
    generation: number,
  ): Promise<SharedRefresh> {
    this.#reconcile(refreshId);
    const current = this.#session();
    if (!current) throw sessionGoneError();
    if (generation !== this.#generation) {
      // A new session started (here or in another tab) while this refresh waited. Its token is
      // not for requests of the old one: they fail, and the new session's notice explains why.
      throw sessionChangedError();
    }
    const changed =
      current.refreshToken !== renewing.refreshToken ||
      current.accessToken !== renewing.accessToken;
    if (changed && !this.accessTokenExpiresWithin(0)) {
      this.#lastRefreshId.set(refreshId);
      return { accessToken: current.accessToken, refreshId, proactive, fromOtherTab: true };
    }
    return this.#runRefresh(refreshId, proactive, () =>
      firstValueFrom(this.#api.refresh(current.refreshToken, trace)),
    );
  }

  async #runRefresh(
    refreshId: number,
    proactive: boolean,
    send: () => Promise<TokenResponse>,
  ): Promise<SharedRefresh> {
    const generation = this.#generation;
    let response: TokenResponse;
    let clockOffsetMs: number;
    try {
      response = await send();
      clockOffsetMs = this.#offsetAtReceipt(response, API_PATHS.refresh);
    } catch (error) {
      if (this.#abandoned.delete(refreshId)) throw refreshUnavailableError(error);
      throw this.#refreshFailed(error, refreshId, generation);
    }
    // Not revoked either: within the reuse grace it is the same pair a newer refresh received.
    if (this.#abandoned.delete(refreshId)) throw refreshUnavailableError(null);
    if (generation !== this.#generation) {
      // The session ended or was replaced meanwhile: the renewed pair belongs to no one, and no
      // request of the old session may be sent with the new session's token.
      void this.#revoke(response.refreshToken);
      throw this.#session() ? sessionChangedError() : sessionGoneError();
    }
    const previous = this.#session();
    this.#lastRefreshId.set(refreshId);
    this.#fromOtherTab.set(false);
    this.#setSession({
      accessToken: response.accessToken,
      refreshToken: response.refreshToken,
      user: isUser(response.user) ? response.user : (previous?.user ?? null),
      previousRefreshToken: previous?.refreshToken ?? null,
      clockOffsetMs,
    });
    this.#events.emit({ type: 'tokenRefreshed', refreshId, proactive });
    return { accessToken: response.accessToken, refreshId, proactive, fromOtherTab: false };
  }

  /** Reports a failed refresh and returns the error its waiters should get. */
  #refreshFailed(error: unknown, refreshId: number, generation: number): unknown {
    if (generation !== this.#generation) return sessionGoneError();
    const transient = isTransientFailure(error);
    this.#events.emit({ type: 'refreshFailed', refreshId, transient });
    if (transient) return refreshUnavailableError(error);
    this.#expire(sessionEndReason(error));
    return error;
  }

  #startSession(response: TokenResponse, url: string): User {
    const claims = this.#readableClaims(response, url);
    const clockOffsetMs = clockOffsetAtReceipt(claims.iat, Date.now());
    const previous = this.#session();
    if (previous) void this.#revoke(previous.refreshToken);
    this.#newGeneration();
    const user = isUser(response.user) ? response.user : userFromClaims(claims);
    this.#lastRefreshId.set(null);
    this.#fromOtherTab.set(false);
    this.#notice.set(null);
    this.#setSession({
      accessToken: response.accessToken,
      refreshToken: response.refreshToken,
      user,
      previousRefreshToken: null,
      clockOffsetMs,
    });
    this.#events.emit({ type: 'signedIn', user });
    return user;
  }

  /** How far the server's clock is from this browser's, from a pair that has just arrived. */
  #offsetAtReceipt(response: TokenResponse, url: string): number {
    return clockOffsetAtReceipt(this.#readableClaims(response, url).iat, Date.now());
  }

  /** The access-token claims of a login or refresh answer; throws when a token is unreadable. */
  #readableClaims(response: TokenResponse, url: string): TokenClaims {
    const claims = isRecord(response) && decodeClaims(this.#jwt, response.accessToken, 'access');
    if (!claims || !decodeClaims(this.#jwt, response.refreshToken, 'refresh')) {
      throw unreadableTokensError(url);
    }
    return claims;
  }

  #setSession(session: StoredSession): void {
    this.#session.set(session);
    this.#storage.write(session);
  }

  #expire(reason: string): void {
    if (!this.#session()) return;
    this.#clear({ kind: 'expired', reason });
    this.#notice.set(sessionEndedNotice(reason));
    this.#events.emit({ type: 'sessionExpired', reason });
  }

  /** Ends the session here; `end` (localStorage mode) tells the other tabs how it ended. */
  #clear(end?: { kind: SessionEndKind; reason?: string }): void {
    const ending = this.#session();
    this.#forget();
    this.#storage.clear(end, ending ?? undefined);
  }

  /** Signed out in this tab's signals only (storage is left alone). */
  #forget(): void {
    this.#newGeneration();
    this.#session.set(null);
    this.#lastRefreshId.set(null);
    this.#fromOtherTab.set(false);
  }

  /**
   * A session starts or ends: a refresh still running belongs to the old one, so it is no longer
   * the refresh to join (the new session's requests must not queue behind it), and its answer
   * cannot revive anything (`#generation`).
   */
  #newGeneration(): void {
    this.#generation++;
    this.#inFlight = null;
    this.#refreshing.set(false);
  }

  /** See `syncWithStorage`; `refreshId` is this tab's refresh that is re-reading, if any. */
  #reconcile(refreshId: number | null): void {
    if (this.#storage.mode() !== 'local') return;
    const stored = this.#storage.read();
    const current = this.#session();
    if (!stored) {
      if (current) this.#sharedSessionGone(current);
    } else if (!current || this.#storage.sessionId(current) !== this.#storage.sessionId(stored)) {
      this.#adoptSignIn(stored);
    } else {
      this.#adoptRotation(current, stored, refreshId);
    }
  }

  /** Another tab rotated the shared session's tokens (or renamed its user). */
  #adoptRotation(current: StoredSession, stored: StoredSession, refreshId: number | null): void {
    const user = stored.user ?? current.user;
    if (
      stored.accessToken === current.accessToken &&
      stored.refreshToken === current.refreshToken
    ) {
      if (JSON.stringify(user) !== JSON.stringify(current.user)) {
        this.#session.set({ ...current, user });
      }
      return;
    }
    this.#session.set({ ...stored, user });
    this.#lastRefreshId.set(refreshId);
    this.#fromOtherTab.set(true);
    this.#events.emit({ type: 'tokensAdopted', refreshId });
  }

  /** Another tab signed in (or this one was signed out and the shared session is new to it). */
  #adoptSignIn(stored: StoredSession): void {
    const claims = decodeClaims(this.#jwt, stored.accessToken, 'access');
    if (!claims) return;
    const user = stored.user ?? userFromClaims(claims);
    const before = this.#session()?.user;
    this.#forget();
    this.#notice.set(null);
    this.#fromOtherTab.set(true);
    this.#session.set({ ...stored, user });
    // A session of another user replaced this tab's in one step: it learnt of the switch late.
    const previousUser = before && before.id !== user.id ? { previousUser: before } : {};
    this.#events.emit({ type: 'signedIn', user, fromOtherTab: true, ...previousUser });
  }

  /**
   * The shared session is no longer in storage. With a `SessionEndMark` another tab ended it;
   * without one, either its refresh token ran out (judged in server time; then it ends here as
   * expired) or storage was cleared some other way (treated as a sign-out elsewhere).
   */
  #sharedSessionGone(current: StoredSession): void {
    const mark = this.#storage.endOf(this.#storage.sessionId(current));
    if (!mark && this.refreshTokenLooksExpired()) {
      this.endSession(SESSION_END_REASONS.refreshExpired);
      return;
    }
    this.#endedInOtherTab(mark?.kind ?? 'signedOut', mark?.reason ?? null);
  }

  /**
   * The shared session ended in another tab: signed out here too (no revoke, no storage change:
   * that tab did both), with the notice that says how.
   */
  #endedInOtherTab(kind: SessionEndKind, reason: string | null): void {
    this.#forget();
    if (kind === 'expired') {
      const why = reason ?? SESSION_END_REASONS.refused;
      this.#notice.set(sessionEndedNotice(why));
      this.#events.emit({ type: 'sessionExpired', reason: why, fromOtherTab: true });
      return;
    }
    this.#notice.set(kind === 'moved' ? SESSION_MOVED_TO_OTHER_TAB : SIGNED_OUT_IN_OTHER_TAB);
    this.#events.emit({ type: 'signedOut', fromOtherTab: true });
  }

  /** Best-effort revoke: resolves after the logout call answers, fails, or times out. */
  async #revoke(refreshToken: string): Promise<void> {
    await firstValueFrom(
      this.#api.logout(refreshToken).pipe(
        timeout(LOGOUT_TIMEOUT_MS),
        catchError(() => of(null)),
        defaultIfEmpty(null),
      ),
    );
  }
}

/**
 * `promise`, or a `refresh_unavailable` error once `ms` have passed without an answer (then
 * `onGiveUp` is called).
 */
function withWaitLimit<T>(promise: Promise<T>, ms: number, onGiveUp?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onGiveUp?.();
      reject(refreshUnavailableError(null));
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
