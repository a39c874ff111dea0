import { Injectable, computed, inject, signal } from '@angular/core';
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
  isTransientFailure,
  refreshUnavailableError,
  sessionEndReason,
  sessionEndedMessage,
  sessionGoneError,
  unreadableTokensError,
} from './auth-errors';
import { AuthApi } from './auth-api';
import { AuthEvents } from './auth-events';
import { AuthFlowTrace } from './request-context';
import { decodeClaims, expiresAt, isRecord, isUser, userFromClaims } from './token-claims';
import { StoredSession, TokenStorage } from './token-storage';

/** What every caller of `refresh()` gets when the shared refresh succeeds. */
export interface RefreshResult {
  readonly accessToken: string;
  /** One id per refresh call (a counter), shared by everyone who waited for it. */
  readonly refreshId: number;
  /** The refresh was started before sending a request, not after a 401. */
  readonly proactive: boolean;
  /** This caller joined a refresh someone else had started. */
  readonly joined: boolean;
}

/** Why the last session ended, for the login page. Voluntary sign-out leaves none. */
export interface SessionNotice {
  /** A fragment that reads after "Your session has ended: ". */
  readonly reason: string;
  /** "Your session has ended: <reason>. Please sign in again." */
  readonly message: string;
}

/** Longest a caller waits for a refresh before failing as "could not reach the server". */
export const REFRESH_WAIT_LIMIT_MS = 15_000;
/** Longest sign-out waits for the logout (revoke) call. */
export const LOGOUT_TIMEOUT_MS = 3_000;

/**
 * Owns the session: the token pair (private signals behind read-only views), the user, the single
 * in-flight refresh and the session notice. Every method that talks to the server returns a
 * Promise that rejects with the original `HttpErrorResponse`. It never navigates or shows UI:
 * it emits on `AuthEvents` instead.
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  readonly #api = inject(AuthApi);
  readonly #storage = inject(TokenStorage);
  readonly #events = inject(AuthEvents);
  readonly #jwt = inject(JwtHelperService);

  readonly #session = signal<StoredSession | null>(null);
  readonly #notice = signal<SessionNotice | null>(null);
  readonly #refreshing = signal(false);
  readonly #lastRefreshId = signal<number | null>(null);
  #inFlight: Promise<Omit<RefreshResult, 'joined'>> | null = null;
  #refreshCounter = 0;
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
  readonly refreshInProgress = this.#refreshing.asReadonly();
  /** The id of the refresh that produced the current tokens; null right after sign-in. */
  readonly lastRefreshId = this.#lastRefreshId.asReadonly();
  readonly sessionNotice = this.#notice.asReadonly();

  hasRole(role: Role): boolean {
    return this.user()?.roles.includes(role) ?? false;
  }

  /** True when signed out or when the access token expires within `seconds` (or already has). */
  accessTokenExpiresWithin(seconds: number): boolean {
    const token = this.accessToken();
    return !token || this.#jwt.isTokenExpired(token, seconds);
  }

  /** Rejects with the server's `HttpErrorResponse` (401 `invalid_credentials`, 429, …). */
  async signIn(username: string, password: string): Promise<User> {
    const response = await firstValueFrom(this.#api.login({ username, password }));
    return this.#startSession(response, API_PATHS.login);
  }

  /** Creates the account and signs in. Rejects with the `HttpErrorResponse` (409, 400, …). */
  async register(request: RegisterRequest): Promise<User> {
    const response = await firstValueFrom(this.#api.register(request));
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
    this.#clear();
    this.#events.emit({ type: 'signedOut' });
    await this.#revoke(session.refreshToken);
  }

  /**
   * Renews the token pair. Single-flight: every call while a refresh runs shares its one HTTP
   * call and gets its result or its error. A refusal ends the session (`sessionExpired`) and
   * rejects with the server's error; a transient failure keeps the session and rejects with a
   * `refresh_unavailable` error. Nobody waits longer than `REFRESH_WAIT_LIMIT_MS`.
   */
  refresh(options: { proactive?: boolean } = {}): Promise<RefreshResult> {
    if (!this.#inFlight && !this.#session()) return Promise.reject(sessionGoneError());
    const joined = this.#inFlight !== null;
    const run = this.#inFlight ?? this.#startRefresh(options.proactive ?? false);
    return withWaitLimit(run, REFRESH_WAIT_LIMIT_MS).then((result) => ({ ...result, joined }));
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
    this.#generation++;
    const stored = this.#storage.read();
    const claims = stored && decodeClaims(this.#jwt, stored.accessToken, 'access');
    if (!stored || !claims) {
      this.#session.set(null);
      return false;
    }
    this.#session.set({ ...stored, user: stored.user ?? userFromClaims(claims) });
    return true;
  }

  /** Replaces the user with a fresher copy from the server (e.g. `GET`/`PATCH api/users/me`). */
  setUser(user: User): void {
    const session = this.#session();
    if (session && isUser(user)) this.#setSession({ ...session, user });
  }

  #startRefresh(proactive: boolean): Promise<Omit<RefreshResult, 'joined'>> {
    const refreshId = ++this.#refreshCounter;
    const trace: AuthFlowTrace = {
      tags: proactive ? ['refresh', 'proactive'] : ['refresh'],
      refreshId,
    };
    const run = this.#runRefresh(refreshId, proactive, () => this.#performRefresh(trace));
    this.#inFlight = run;
    this.#refreshing.set(true);
    const done = () => {
      if (this.#inFlight !== run) return;
      this.#inFlight = null;
      this.#refreshing.set(false);
    };
    run.then(done, done);
    return run;
  }

  /** The one HTTP refresh (a later issue wraps this in a cross-tab lock that re-reads storage). */
  async #performRefresh(trace: AuthFlowTrace): Promise<TokenResponse> {
    const refreshToken = this.refreshToken();
    if (!refreshToken) throw sessionGoneError();
    return firstValueFrom(this.#api.refresh(refreshToken, trace));
  }

  async #runRefresh(
    refreshId: number,
    proactive: boolean,
    send: () => Promise<TokenResponse>,
  ): Promise<Omit<RefreshResult, 'joined'>> {
    const generation = this.#generation;
    let response: TokenResponse;
    try {
      response = await send();
      this.#readableClaims(response, API_PATHS.refresh);
    } catch (error) {
      throw this.#refreshFailed(error, refreshId, generation);
    }
    if (generation !== this.#generation) {
      void this.#revoke(response.refreshToken);
      throw sessionGoneError();
    }
    const previous = this.#session();
    this.#lastRefreshId.set(refreshId);
    this.#setSession({
      accessToken: response.accessToken,
      refreshToken: response.refreshToken,
      user: isUser(response.user) ? response.user : (previous?.user ?? null),
      previousRefreshToken: previous?.refreshToken ?? null,
    });
    this.#events.emit({ type: 'tokenRefreshed', refreshId, proactive });
    return { accessToken: response.accessToken, refreshId, proactive };
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
    const previous = this.#session();
    if (previous) void this.#revoke(previous.refreshToken);
    this.#generation++;
    const user = isUser(response.user) ? response.user : userFromClaims(claims);
    this.#lastRefreshId.set(null);
    this.#notice.set(null);
    this.#setSession({
      accessToken: response.accessToken,
      refreshToken: response.refreshToken,
      user,
      previousRefreshToken: null,
    });
    this.#events.emit({ type: 'signedIn', user });
    return user;
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
    this.#clear();
    this.#notice.set({ reason, message: sessionEndedMessage(reason) });
    this.#events.emit({ type: 'sessionExpired', reason });
  }

  #clear(): void {
    this.#generation++;
    this.#session.set(null);
    this.#lastRefreshId.set(null);
    this.#storage.clear();
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

/** `promise`, or a `refresh_unavailable` error once `ms` have passed without an answer. */
function withWaitLimit<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(refreshUnavailableError(null)), ms);
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
