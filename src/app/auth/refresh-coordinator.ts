import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { API_PATHS, TokenResponse } from '../api-contract';
import {
  isTransientFailure,
  refreshUnavailableError,
  sessionChangedError,
  sessionEndReason,
  sessionGoneError,
} from './auth-errors';
import { AuthApi } from './auth-api';
import { AuthEvents } from './auth-events';
import { AUTH_TRACE, RefreshFacts } from './auth-trace';
import { REFRESH_WAIT_LIMIT, withWaitLimit } from './refresh-wait-limit';
import { SessionCore } from './session-core';
import { clockOffsetAtReceipt } from './server-clock';
import { SharedSession } from './shared-session';
import { isUser } from './token-claims';
import { StoredSession, TokenStorage } from './token-storage';
import {
  REFRESH_FENCE,
  REFRESH_LOCK_NAME,
  WEB_LOCKS,
  isLockWaitAbort,
  waitAtMost,
} from './web-locks';

/** What every caller of `refresh()` gets when the shared refresh succeeds. */
export interface RefreshResult extends RefreshFacts {
  readonly accessToken: string;
}

/** What the one shared run of a refresh gives every caller (each adds its own `joined`). */
type SharedRefresh = Omit<RefreshResult, 'joined'>;

/** The refresh running now: its id, the session generation it renews, and the shared promise. */
interface InFlight {
  readonly refreshId: number;
  readonly generation: number;
  readonly run: Promise<SharedRefresh>;
}

/**
 * Renews the token pair: single flight (every caller while a refresh runs shares its one call),
 * the wait limit (nobody waits longer; a refresh that never answers is given up and no longer
 * joined), and the cross-tab Web Lock with a re-read of storage inside it, so only one tab ever
 * presents a refresh token. A refresh belongs to the session it started in: once that session
 * has ended or changed, it is not joined, and its answer revives nothing. Only a refusal ends
 * the session; a transient failure keeps it.
 */
@Injectable({ providedIn: 'root' })
export class RefreshCoordinator {
  readonly #core = inject(SessionCore);
  readonly #shared = inject(SharedSession);
  readonly #api = inject(AuthApi);
  readonly #storage = inject(TokenStorage);
  readonly #events = inject(AuthEvents);
  readonly #locks = inject(WEB_LOCKS);
  readonly #fence = inject(REFRESH_FENCE);
  readonly #waitLimit = inject(REFRESH_WAIT_LIMIT);
  readonly #trace = inject(AUTH_TRACE);

  readonly #inFlight = signal<InFlight | null>(null);
  #refreshCounter = 0;
  /** Refreshes given up at the wait limit: a late answer of theirs belongs to no one. */
  readonly #abandoned = new Set<number>();

  /** The refresh of the current session running now, the one `refresh()` would join. */
  readonly #current = computed(() => {
    const inFlight = this.#inFlight();
    return inFlight?.generation === this.#core.generation() ? inFlight : null;
  });
  readonly inProgress = computed(() => this.#current() !== null);
  /** False where the browser has no Web Locks: single flight within each tab only. */
  readonly crossTabLocking = this.#locks !== null;
  readonly runningRefreshId = computed(() => this.#current()?.refreshId ?? null);

  /** See `AuthStore.refresh`. */
  refresh(options: { proactive?: boolean } = {}): Promise<RefreshResult> {
    const current = this.#current();
    if (!current && !this.#core.session()) return Promise.reject(sessionGoneError());
    const run = current?.run ?? this.#start(options.proactive ?? false);
    const joined = current !== null;
    return withWaitLimit(run, this.#waitLimit).then((result) => ({ ...result, joined }));
  }

  /** See `AuthStore.replayPreviousRefreshToken`. */
  async replay(previous: string): Promise<void> {
    const refreshId = ++this.#refreshCounter;
    await this.#send(refreshId, false, previous, () => firstValueFrom(this.#api.refresh(previous)));
  }

  #start(proactive: boolean): Promise<SharedRefresh> {
    const refreshId = ++this.#refreshCounter;
    // The session this tab is about to renew, and its generation, seen before waiting for the lock.
    const renewing = this.#core.session() as StoredSession;
    const generation = this.#core.generation();
    // A refresh that never answers is given up at the wait limit: its lock is released (the task
    // ends) and it stops being the one to join (`done`), so the next request starts a new one.
    const giveUp = () => {
      this.#abandoned.add(refreshId);
      this.#events.emit({ type: 'refreshFailed', refreshId, transient: true });
    };
    const run = this.#underLock(refreshId, () =>
      withWaitLimit(
        this.#renew(refreshId, proactive, renewing, generation),
        this.#waitLimit,
        giveUp,
      ),
    );
    const inFlight: InFlight = { refreshId, generation, run };
    this.#inFlight.set(inFlight);
    const limit = setTimeout(() => done(), this.#waitLimit);
    const done = () => {
      clearTimeout(limit);
      if (this.#inFlight() === inFlight) this.#inFlight.set(null);
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
  #underLock(refreshId: number, task: () => Promise<SharedRefresh>): Promise<SharedRefresh> {
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
    renewing: StoredSession,
    generation: number,
  ): Promise<SharedRefresh> {
    this.#shared.reconcile(refreshId);
    const current = this.#core.session();
    if (!current) throw sessionGoneError();
    if (generation !== this.#core.generation()) {
      // A new session started (here or in another tab) while this refresh waited. Its token is
      // not for requests of the old one: they fail, and the new session's notice explains why.
      throw sessionChangedError();
    }
    const changed =
      current.refreshToken !== renewing.refreshToken ||
      current.accessToken !== renewing.accessToken;
    if (changed && !this.#core.accessTokenExpiresWithin(0)) {
      return { accessToken: current.accessToken, refreshId, proactive, fromOtherTab: true };
    }
    return this.#send(refreshId, proactive, current.refreshToken, () =>
      firstValueFrom(this.#api.refresh(current.refreshToken)),
    );
  }

  async #send(
    refreshId: number,
    proactive: boolean,
    presented: string,
    send: () => Promise<TokenResponse>,
  ): Promise<SharedRefresh> {
    const generation = this.#core.generation();
    let response: TokenResponse;
    let clockOffsetMs: number;
    try {
      response = await this.#trace.refreshCall({ refreshId, proactive }, send);
      const { iat } = this.#core.readableClaims(response, API_PATHS.refresh);
      clockOffsetMs = clockOffsetAtReceipt(iat, Date.now());
    } catch (error) {
      if (this.#abandoned.delete(refreshId)) throw refreshUnavailableError(error);
      throw this.#failed(error, refreshId, generation);
    }
    const keep = () => this.#keep(response, refreshId, proactive, clockOffsetMs);
    if (this.#abandoned.delete(refreshId)) {
      // Given up at the wait limit, but the server did rotate: unless the token it renews was
      // replaced meanwhile, the new pair is kept, or the next refresh would present a used token.
      this.#keepLate(presented, generation, keep);
      throw refreshUnavailableError(null);
    }
    if (generation !== this.#core.generation()) {
      // The session ended or was replaced meanwhile: the renewed pair belongs to no one, and no
      // request of the old session may be sent with the new session's token.
      void this.#core.revoke(response.refreshToken);
      throw this.#core.session() ? sessionChangedError() : sessionGoneError();
    }
    keep();
    return { accessToken: response.accessToken, refreshId, proactive, fromOtherTab: false };
  }

  #keep(response: TokenResponse, refreshId: number, proactive: boolean, clockOffsetMs: number) {
    const previous = this.#core.session();
    this.#core.store(
      {
        accessToken: response.accessToken,
        refreshToken: response.refreshToken,
        user: isUser(response.user) ? response.user : (previous?.user ?? null),
        previousRefreshToken: previous?.refreshToken ?? null,
        clockOffsetMs,
      },
      'rotated',
    );
    this.#events.emit({ type: 'tokenRefreshed', refreshId, proactive });
  }

  /**
   * A late answer's pair, kept at once if the session (as stored now) still holds the token it
   * renews: outside the lock, which may be another tab's by now, but only in place of that token.
   */
  #keepLate(presented: string, generation: number, keep: () => void): void {
    this.#shared.reconcile(null);
    const same = generation === this.#core.generation();
    if (same && this.#core.session()?.refreshToken === presented) keep();
  }

  /** Reports a failed refresh and returns the error its waiters should get. */
  #failed(error: unknown, refreshId: number, generation: number): unknown {
    if (generation !== this.#core.generation()) return sessionGoneError();
    const transient = isTransientFailure(error);
    this.#events.emit({ type: 'refreshFailed', refreshId, transient });
    if (transient) return refreshUnavailableError(error);
    // Refused: the server has ended the session already, so there is nothing to revoke.
    void this.#core.expire(sessionEndReason(error), { revoke: false });
    return error;
  }
}
