import { Injectable, computed, inject, signal } from '@angular/core';
import { JwtHelperService } from '@auth0/angular-jwt';

import { User } from '../api-contract';
import { localStorageOrNull, sessionStorageOrNull } from '../browser-storage';
import { AuthSettings, StorageMode } from './auth-settings';
import {
  SESSION_END_KEY,
  type SessionEndKind,
  type SessionEndMark,
  parseEndMark,
} from './session-end-mark';
import { decodeClaims, isRecord, isUser } from './token-claims';

/** What is kept between page loads: the token pair plus what the devtools and shell need. */
export interface StoredSession {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** The user as the server last described it; null when unknown. */
  readonly user: User | null;
  /** The refresh token rotated out by the last refresh (for the devtools replay demo). */
  readonly previousRefreshToken: string | null;
  /**
   * The server's clock minus this browser's, in ms, measured when the pair arrived (see
   * `server-clock.ts`). Absent in sessions stored before it was kept: then 0.
   */
  readonly clockOffsetMs?: number;
}

export const TOKENS_KEY = 'auth:tokens';
type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * The only code that touches token storage. The session lives in localStorage, sessionStorage or
 * memory (`AuthSettings.storageMode`, switched with `setMode`). Reading never throws: anything that
 * is not a session (not JSON, not JWTs) reads as `null` and is removed. A refresh token that looks
 * expired is kept: expiry is the server's call, on the server's clock (this browser's clock may be
 * wrong), so the store presents it and the server refuses it if it has indeed expired.
 *
 * Several tabs: in localStorage mode all tabs share one session, and ending it leaves a
 * `SessionEndMark` (`auth:session-end`) so the other tabs can say why they were signed out. A
 * session whose end was marked (signed out or refused) reads as `null` even if a tab that had not
 * heard of the end yet writes it back (a refresh that was under way): it stays ended.
 */
@Injectable({ providedIn: 'root' })
export class TokenStorage {
  readonly #jwt = inject(JwtHelperService);
  readonly #settings = inject(AuthSettings);
  readonly #memory = new Map<string, string>();
  readonly #refused = signal<readonly StorageMode[]>(refusedByBrowser());
  readonly #mode = signal<StorageMode>(this.#startMode());

  /** The storage the session is in right now (memory when the browser refused a write). */
  readonly mode = this.#mode.asReadonly();
  /** The storage modes this browser refuses: site data blocked, or a write it turned down. */
  readonly refusedModes = this.#refused.asReadonly();
  /**
   * The session is kept in memory because the browser refused the chosen storage (not because
   * memory was chosen): a reload loses it, and other tabs do not share it.
   */
  readonly memoryOnly = computed(
    () => this.#mode() === 'memory' && this.#refused().includes(this.#settings.storageMode()),
  );

  read(): StoredSession | null {
    const raw = this.#get(this.#mode());
    if (raw === null) return null;
    const session = this.#parse(raw);
    if (!session || this.#hasEnded(session)) {
      this.clear();
      return null;
    }
    return session;
  }

  write(session: StoredSession): void {
    this.#set(this.#mode(), JSON.stringify(session));
  }

  /**
   * A fresher copy of the user of `session`, written without this tab's copy of the token pair:
   * in localStorage another tab may have rotated the pair meanwhile, and writing the old one back
   * would make the next refresh present a rotated-out token (reuse: every tab signed out). When
   * storage holds another session by now, nothing is written.
   */
  writeUser(session: StoredSession, user: User): void {
    if (this.#mode() !== 'local') return this.write({ ...session, user });
    const stored = this.#storedShared();
    if (stored && this.sessionId(stored) === this.sessionId(session))
      this.write({ ...stored, user });
  }

  /**
   * Removes the session from every storage mode. With `end`, in localStorage mode, first records
   * how the shared session ended (`SessionEndMark`) for the other tabs. With `ending`, only that
   * session is removed and marked: a newer shared session in localStorage (another tab signed in
   * meanwhile) is left alone.
   */
  clear(end?: { kind: SessionEndKind; reason?: string | null }, ending?: StoredSession): void {
    const stored = this.#mode() === 'local' ? this.#storedShared() : null;
    const sid = this.sessionId(ending ?? stored);
    const newerShared = ending !== undefined && stored !== null && this.sessionId(stored) !== sid;
    if (end && this.#mode() === 'local' && !newerShared)
      this.#markEnd(end.kind, end.reason ?? null, sid);
    for (const mode of ['local', 'session', 'memory'] as const) {
      if (!(mode === 'local' && newerShared)) this.#remove(mode);
    }
  }

  /** Moves the current session (if any) into `mode` and remembers the choice. */
  setMode(mode: StorageMode): void {
    if (mode === this.#mode()) return this.#settings.recordStorageMode(mode);
    const raw = this.#get(this.#mode());
    this.clear(raw === null ? undefined : { kind: 'moved' });
    this.#mode.set(mode);
    this.#settings.recordStorageMode(mode);
    if (raw !== null) this.#set(mode, raw);
  }

  /**
   * Another tab switched the storage mode: use `mode` from now on without recording it (the other
   * tab did). Leaving localStorage, the shared session stays where the other tab put it; between
   * per-tab modes, this tab's own session moves along; into localStorage, it moves along unless
   * a shared session is already there (that one wins).
   */
  followMode(mode: StorageMode): void {
    const from = this.#mode();
    if (from === mode) return;
    const own = from === 'local' ? null : this.#get(from);
    if (from !== 'local') this.#remove(from);
    this.#mode.set(mode);
    if (own !== null && (mode !== 'local' || this.#get('local') === null)) this.#set(mode, own);
  }

  /** The last recorded end of the shared session, when it is the session `sid`. */
  endOf(sid: string | null): SessionEndMark | null {
    if (!sid) return null;
    const mark = this.lastEnd();
    return mark?.sid === sid ? mark : null;
  }

  /** The last recorded end of a shared session, whichever session it was. */
  lastEnd(): SessionEndMark | null {
    return parseEndMark(this.#get('local', SESSION_END_KEY));
  }

  /** The server's session id (`sid` claim) of a stored session. */
  sessionId(session: StoredSession | null): string | null {
    const claims = session && decodeClaims(this.#jwt, session.refreshToken, 'refresh');
    return claims && typeof claims.sid === 'string' ? claims.sid : null;
  }

  /** The session in localStorage, read as it is (unlike `read`, which also drops ended ones). */
  #storedShared(): StoredSession | null {
    const raw = this.#get('local');
    return raw === null ? null : this.#parse(raw);
  }

  /** Marks the end of session `sid`, the one being ended (never whatever is stored by now). */
  #markEnd(kind: SessionEndKind, reason: string | null, sid: string | null): void {
    if (!sid) return;
    const mark: SessionEndMark = { kind, reason, sid, at: Date.now() };
    try {
      localStorage.setItem(SESSION_END_KEY, JSON.stringify(mark));
    } catch {
      // Storage full or blocked: the other tabs still sign out, with a generic notice.
    }
  }

  /** Signed out or refused: such a session can never be valid again. */
  #hasEnded(session: StoredSession): boolean {
    const kind = this.endOf(this.sessionId(session))?.kind;
    return kind === 'signedOut' || kind === 'expired';
  }

  #parse(raw: string): StoredSession | null {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return null;
    }
    if (!isRecord(value)) return null;
    const { accessToken, refreshToken, user, previousRefreshToken, clockOffsetMs } = value;
    if (!decodeClaims(this.#jwt, accessToken, 'access')) return null;
    if (!decodeClaims(this.#jwt, refreshToken, 'refresh')) return null;
    return {
      accessToken: accessToken as string,
      refreshToken: refreshToken as string,
      user: isUser(user) ? user : null,
      previousRefreshToken: typeof previousRefreshToken === 'string' ? previousRefreshToken : null,
      ...(Number.isFinite(clockOffsetMs) ? { clockOffsetMs: clockOffsetMs as number } : {}),
    };
  }

  /** The chosen mode, or memory where the browser refuses the chosen storage. */
  #startMode(): StorageMode {
    const chosen = this.#settings.storageMode();
    return this.#refused().includes(chosen) ? 'memory' : chosen;
  }

  #store(mode: StorageMode): KeyValueStore {
    if (mode === 'local') return localStorage;
    if (mode === 'session') return sessionStorage;
    return {
      getItem: (key) => this.#memory.get(key) ?? null,
      setItem: (key, value) => void this.#memory.set(key, value),
      removeItem: (key) => void this.#memory.delete(key),
    };
  }

  #get(mode: StorageMode, key = TOKENS_KEY): string | null {
    try {
      return this.#store(mode).getItem(key);
    } catch {
      return null;
    }
  }

  /** Writes to `mode`; when the browser refuses (quota, privacy mode) the session stays in memory. */
  #set(mode: StorageMode, raw: string): void {
    try {
      this.#store(mode).setItem(TOKENS_KEY, raw);
    } catch {
      this.#remove(mode);
      if (mode !== 'memory' && !this.#refused().includes(mode)) {
        this.#refused.update((refused) => [...refused, mode]);
      }
      this.#mode.set('memory');
      this.#memory.set(TOKENS_KEY, raw);
    }
  }

  #remove(mode: StorageMode): void {
    try {
      this.#store(mode).removeItem(TOKENS_KEY);
    } catch {
      // No access to that storage: nothing of ours can be in it.
    }
  }
}

/** The per-browser storages that reading alone already refuses (site data blocked). */
function refusedByBrowser(): StorageMode[] {
  const refused: StorageMode[] = [];
  if (!localStorageOrNull()) refused.push('local');
  if (!sessionStorageOrNull()) refused.push('session');
  return refused;
}
