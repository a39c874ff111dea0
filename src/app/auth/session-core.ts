import { Injectable, computed, inject, signal } from '@angular/core';
import { JwtHelperService } from '@auth0/angular-jwt';
import { catchError, defaultIfEmpty, firstValueFrom, of, timeout } from 'rxjs';

import { TokenClaims, TokenResponse } from '../api-contract';
import { unreadableTokensError } from './auth-errors';
import { AuthApi } from './auth-api';
import { AuthEvent, AuthEvents } from './auth-events';
import { REFRESH_WAIT_LIMIT } from './refresh-wait-limit';
import { usableOffset } from './server-clock';
import { SessionEndKind } from './session-end-mark';
import { SessionNotice, sessionEndedNotice } from './session-notices';
import { TAB_CHANNEL, TabMessage } from './tab-channel';
import { decodeClaims, expiresAt, isRecord } from './token-claims';
import { StoredSession, TokenStorage } from './token-storage';
import { REFRESH_FENCE, REFRESH_LOCK_NAME, WEB_LOCKS, waitAtMost } from './web-locks';

/** Longest sign-out waits for the logout (revoke) call. */
export const LOGOUT_TIMEOUT_MS = 3_000;

/** How a session ends: the options of `SessionCore.end`, the one function that ends one. */
export interface SessionEnd {
  /**
   * Storage: `mark` removes the pair and, in localStorage mode, records for the other tabs how
   * the session ended; `'leave'` leaves storage alone (another tab ended it and did both).
   */
  readonly storage: { readonly mark: { kind: SessionEndKind; reason?: string } } | 'leave';
  /** What the login page says next; null for nothing. */
  readonly notice: SessionNotice | null;
  /** What to announce on `AuthEvents`. */
  readonly announce: AuthEvent;
  /**
   * Revoke the refresh token on the server (best effort, at most `LOGOUT_TIMEOUT_MS`) and pass
   * the refresh lock on, so every tab that takes it next sees the end. Not for a session the
   * server has refused already, nor for one another tab ended.
   */
  readonly revoke: boolean;
}

/**
 * The session itself, shared by the parts of the client core: `AuthStore` (sign-in, sign-out,
 * the app's API), `RefreshCoordinator` (single flight, wait limit, lock) and `SharedSession`
 * (the other tabs). It holds the token pair with its user and clock offset, the notice, the
 * generation that tells sessions apart, expiry in server time, and `end`, the one way a session
 * ends. Internal to `auth/`: the app talks to `AuthStore`.
 */
@Injectable({ providedIn: 'root' })
export class SessionCore {
  readonly #api = inject(AuthApi);
  readonly #storage = inject(TokenStorage);
  readonly #events = inject(AuthEvents);
  readonly #jwt = inject(JwtHelperService);
  readonly #locks = inject(WEB_LOCKS);
  readonly #fence = inject(REFRESH_FENCE);
  readonly #waitLimit = inject(REFRESH_WAIT_LIMIT);
  readonly #channel = inject(TAB_CHANNEL);

  readonly session = signal<StoredSession | null>(null);
  readonly notice = signal<SessionNotice | null>(null);
  /**
   * Bumped whenever a session starts or ends (sign-in here or adopted, sign-out, start-up): a
   * request or a refresh compares it to tell whether it still belongs to the current session.
   */
  readonly generation = signal(0);

  readonly accessExpiresAt = computed(() =>
    expiresAt(this.#jwt, this.session()?.accessToken ?? null),
  );
  readonly refreshExpiresAt = computed(() =>
    expiresAt(this.#jwt, this.session()?.refreshToken ?? null),
  );
  /** The server's clock minus this browser's, in ms (see `server-clock.ts`); 0 signed out. */
  readonly clockOffsetMs = computed(() => usableOffset(this.session()?.clockOffsetMs));

  /** Now on the server's clock, in ms since the epoch: every expiry is judged against this. */
  serverNow(): number {
    return Date.now() + this.clockOffsetMs();
  }

  /** Signed out, or the access token expires within `seconds` (or has), in server time. */
  accessTokenExpiresWithin(seconds: number): boolean {
    const expires = this.accessExpiresAt();
    return expires === null || expires - seconds * 1000 <= this.serverNow();
  }

  /** The refresh token's `exp` has passed in server time: a hint only, the server decides. */
  refreshTokenLooksExpired(): boolean {
    const expires = this.refreshExpiresAt();
    return expires !== null && expires <= this.serverNow();
  }

  /**
   * The session is `session` from now on, here and in storage, and the other tabs hear of it: a
   * new pair of the same session (`rotated`) or a new session (`signedIn`).
   */
  store(session: StoredSession, news: 'rotated' | 'signedIn'): void {
    this.session.set(session);
    this.#storage.write(session);
    const sid = this.#storage.sessionId(session);
    if (sid === null) return;
    if (news === 'signedIn' && session.user) this.#tell({ type: news, sid, user: session.user });
    else if (news === 'rotated') this.#tell({ type: news, sid });
  }

  /** Signed out in this tab's signals only (storage is left alone); a new generation. */
  forget(): void {
    this.generation.update((generation) => generation + 1);
    this.session.set(null);
  }

  /**
   * Ends the current session, the one way every ending goes: a sign-out, a refusal, an end seen
   * in another tab. Only that session is marked and removed (`TokenStorage.clear` with it), so
   * an old session can never end a newer one. Resolves once the revoke, if any, has settled;
   * never rejects. Does nothing when signed out.
   */
  end(how: SessionEnd): Promise<void> {
    const ending = this.session();
    if (!ending) return Promise.resolve();
    this.forget();
    if (how.storage !== 'leave') this.#storage.clear(how.storage.mark, ending);
    this.notice.set(how.notice);
    this.#events.emit(how.announce);
    if (how.storage !== 'leave') this.#tellEnd(how.storage.mark, ending);
    if (!how.revoke) return Promise.resolve();
    this.#passLockOn();
    return this.revoke(ending.refreshToken);
  }

  /**
   * Ends the session as refused or dead (`sessionExpired`, "Your session has ended: <reason>"),
   * the end that a refusal, a rejected retry and a refresh token seen expired all share.
   */
  expire(reason: string, { revoke }: { revoke: boolean }): Promise<void> {
    return this.end({
      storage: { mark: { kind: 'expired', reason } },
      notice: sessionEndedNotice(reason),
      announce: { type: 'sessionExpired', reason },
      revoke,
    });
  }

  /** Best-effort revoke: resolves after the logout call answers, fails, or times out. */
  async revoke(refreshToken: string): Promise<void> {
    await firstValueFrom(
      this.#api.logout(refreshToken).pipe(
        timeout(LOGOUT_TIMEOUT_MS),
        catchError(() => of(null)),
        defaultIfEmpty(null),
      ),
    );
  }

  /** The access-token claims of a login or refresh answer; throws when a token is unreadable. */
  readableClaims(response: TokenResponse, url: string): TokenClaims {
    const claims = isRecord(response) && decodeClaims(this.#jwt, response.accessToken, 'access');
    if (!claims || !decodeClaims(this.#jwt, response.refreshToken, 'refresh')) {
      throw unreadableTokensError(url);
    }
    return claims;
  }

  /** Tells the other tabs (localStorage mode: the one session they share) what became of it. */
  #tell(message: TabMessage): void {
    if (this.#storage.mode() === 'local') this.#channel.post(message);
  }

  /** The end of `ending`, named by its own `sid` (never by whatever storage holds by now). */
  #tellEnd(mark: { kind: SessionEndKind; reason?: string }, ending: StoredSession): void {
    const sid = this.#storage.sessionId(ending);
    if (sid === null) return;
    if (mark.kind === 'signedOut') this.#tell({ type: 'signedOut', sid });
    if (mark.kind === 'expired') this.#tell({ type: 'ended', sid, reason: mark.reason ?? '' });
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
}
