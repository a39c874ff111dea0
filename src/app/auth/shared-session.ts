import { Injectable, inject } from '@angular/core';
import { JwtHelperService } from '@auth0/angular-jwt';

import { SESSION_END_REASONS } from './auth-errors';
import { AuthEvents } from './auth-events';
import { StorageMode } from './auth-settings';
import { SessionCore } from './session-core';
import { SessionEndKind } from './session-end-mark';
import {
  SESSION_MOVED_TO_OTHER_TAB,
  SIGNED_OUT_IN_OTHER_TAB,
  sessionEndedNotice,
} from './session-notices';
import { TabMessage } from './tab-channel';
import { decodeClaims, userFromClaims } from './token-claims';
import { StoredSession, TokenStorage } from './token-storage';

/**
 * The session shared by every tab in localStorage mode: brings this tab in line with what the
 * other tabs did (a rotation, a sign-in, a sign-out or a forced one, a change of storage mode),
 * from what storage holds and the end marks they leave. `TabSync` calls it on the other tabs'
 * messages and on `storage` events, `SessionRecheck` when the tab wakes, and the refresh inside
 * the lock. Both paths may bring the same news: taking it in twice changes nothing. Per-tab
 * storage modes have nothing to share.
 */
@Injectable({ providedIn: 'root' })
export class SharedSession {
  readonly #core = inject(SessionCore);
  readonly #storage = inject(TokenStorage);
  readonly #events = inject(AuthEvents);
  readonly #jwt = inject(JwtHelperService);
  /** Sessions a message said had ended: never taken back from a copy of storage that lags. */
  readonly #ended = new Set<string>();

  /**
   * A message from another tab (see `TabChannel`): a hint to re-read storage, taken only when it
   * is about the session this tab holds, or is a sign-in. An end is final, so a `signedOut` or
   * `ended` ends this tab's copy even when its view of localStorage has not caught up yet (the
   * browser updates each tab's copy on its own schedule, whatwg/html#403); it only ever removes
   * a session, never adopts one.
   */
  hear(message: TabMessage): void {
    if (this.#storage.mode() !== 'local') return;
    const held = this.#storage.sessionId(this.#core.session());
    if (message.type !== 'signedIn' && message.sid !== held) return;
    this.reconcile(null);
    if (message.type !== 'signedOut' && message.type !== 'ended') return;
    this.#ended.add(message.sid);
    if (this.#storage.sessionId(this.#core.session()) !== message.sid) return;
    if (message.type === 'ended') this.#endedElsewhere('expired', message.reason);
    else this.#endedElsewhere('signedOut', null);
  }

  /**
   * Takes over a rotation or another tab's sign-in, or ends this tab's session when the shared
   * one has ended (with the notice that says why). `refreshId`: this tab's refresh that is
   * re-reading inside the lock, if any.
   */
  reconcile(refreshId: number | null): void {
    if (this.#storage.mode() !== 'local') return;
    const stored = this.#storage.read();
    const current = this.#core.session();
    // A session a message said had ended, still in a copy of storage that lags: not news.
    if (stored && this.#ended.has(this.#storage.sessionId(stored) ?? '')) return;
    if (!stored) {
      if (current) this.#gone(current);
    } else if (!current || this.#storage.sessionId(current) !== this.#storage.sessionId(stored)) {
      this.#adoptSignIn(stored);
    } else {
      this.#adoptRotation(current, stored, refreshId);
    }
  }

  /**
   * Another tab switched the storage mode. Leaving localStorage, that tab took the shared
   * session along, so this tab is signed out. Into localStorage, a shared session that is
   * already there wins over this tab's own (which is revoked); otherwise this tab's becomes shared.
   */
  followStorageMode(mode: StorageMode): void {
    const from = this.#storage.mode();
    if (from === mode) return;
    const own = this.#core.session();
    this.#storage.followMode(mode);
    if (from === 'local') {
      if (own) this.#endedElsewhere('moved', null);
      return;
    }
    if (mode !== 'local') return;
    const shared = this.#storage.read();
    if (own && shared && shared.refreshToken !== own.refreshToken) {
      void this.#core.revoke(own.refreshToken);
    }
    this.reconcile(null);
  }

  /** Another tab rotated the shared session's tokens (or renamed its user). */
  #adoptRotation(current: StoredSession, stored: StoredSession, refreshId: number | null): void {
    const user = stored.user ?? current.user;
    if (
      stored.accessToken === current.accessToken &&
      stored.refreshToken === current.refreshToken
    ) {
      if (JSON.stringify(user) !== JSON.stringify(current.user)) {
        this.#core.session.set({ ...current, user });
      }
      return;
    }
    this.#core.session.set({ ...stored, user });
    this.#events.emit({ type: 'tokensAdopted', refreshId });
  }

  /** Another tab signed in (or this one was signed out and the shared session is new to it). */
  #adoptSignIn(stored: StoredSession): void {
    const claims = decodeClaims(this.#jwt, stored.accessToken, 'access');
    if (!claims) return;
    const user = stored.user ?? userFromClaims(claims);
    const before = this.#core.session()?.user;
    this.#core.forget();
    this.#core.notice.set(null);
    this.#core.session.set({ ...stored, user });
    // A session of another user replaced this tab's in one step: it learnt of the switch late.
    const previousUser = before && before.id !== user.id ? { previousUser: before } : {};
    this.#events.emit({ type: 'signedIn', user, fromOtherTab: true, ...previousUser });
  }

  /**
   * The shared session is no longer in storage. With a `SessionEndMark` another tab ended it, or
   * (the mark of another session) replaced it with a newer one that has ended as well; without
   * one, either its refresh token ran out (judged in server time; then it ends here as
   * expired) or storage was cleared some other way (treated as a sign-out elsewhere).
   */
  #gone(current: StoredSession): void {
    const mark = this.#storage.endOf(this.#storage.sessionId(current));
    // The end of another session: a newer one (a sign-in elsewhere) replaced this one, and ended.
    const replaced = !mark && this.#storage.lastEnd() !== null;
    if (!mark && !replaced && this.#core.refreshTokenLooksExpired()) {
      void this.#core.expire(SESSION_END_REASONS.refreshExpired, { revoke: true });
      return;
    }
    this.#endedElsewhere(mark?.kind ?? 'signedOut', mark?.reason ?? null);
  }

  /**
   * The shared session ended in another tab: signed out here too (no revoke, no storage change:
   * that tab did both), with the notice that says how.
   */
  #endedElsewhere(kind: SessionEndKind, reason: string | null): void {
    if (kind === 'expired') {
      const why = reason ?? SESSION_END_REASONS.refused;
      void this.#core.end({
        storage: 'leave',
        notice: sessionEndedNotice(why),
        announce: { type: 'sessionExpired', reason: why, fromOtherTab: true },
        revoke: false,
      });
      return;
    }
    void this.#core.end({
      storage: 'leave',
      notice: kind === 'moved' ? SESSION_MOVED_TO_OTHER_TAB : SIGNED_OUT_IN_OTHER_TAB,
      announce: { type: 'signedOut', fromOtherTab: true },
      revoke: false,
    });
  }
}
