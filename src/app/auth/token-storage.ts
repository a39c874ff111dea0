import { Injectable, inject, signal } from '@angular/core';
import { JwtHelperService } from '@auth0/angular-jwt';

import { User } from '../api-contract';
import { AuthSettings, StorageMode } from './auth-settings';
import { decodeClaims, isRecord, isUser } from './token-claims';

/** What is kept between page loads: the token pair plus what the devtools and shell need. */
export interface StoredSession {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** The user as the server last described it; null when unknown. */
  readonly user: User | null;
  /** The refresh token rotated out by the last refresh (for the devtools replay demo). */
  readonly previousRefreshToken: string | null;
}

export const TOKENS_KEY = 'auth:tokens';

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * The only code that touches token storage. The session lives in localStorage, sessionStorage or
 * memory (`AuthSettings.storageMode`, switched with `setMode`). Reading never throws: anything that
 * is not a valid session (not JSON, not JWTs, refresh token expired) reads as `null` and is removed.
 */
@Injectable({ providedIn: 'root' })
export class TokenStorage {
  readonly #jwt = inject(JwtHelperService);
  readonly #settings = inject(AuthSettings);
  readonly #memory = new Map<string, string>();
  readonly #mode = signal<StorageMode>(this.#settings.storageMode());

  /** The storage the session is in right now (memory when the browser refused a write). */
  readonly mode = this.#mode.asReadonly();

  read(): StoredSession | null {
    const raw = this.#get(this.#mode());
    if (raw === null) return null;
    const session = this.#parse(raw);
    if (!session) this.clear();
    return session;
  }

  write(session: StoredSession): void {
    this.#set(this.#mode(), JSON.stringify(session));
  }

  /** Removes the session from every storage mode. */
  clear(): void {
    for (const mode of ['local', 'session', 'memory'] as const) this.#remove(mode);
  }

  /** Moves the current session (if any) into `mode` and remembers the choice. */
  setMode(mode: StorageMode): void {
    const raw = this.#get(this.#mode());
    this.clear();
    this.#mode.set(mode);
    this.#settings.recordStorageMode(mode);
    if (raw !== null) this.#set(mode, raw);
  }

  #parse(raw: string): StoredSession | null {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return null;
    }
    if (!isRecord(value)) return null;
    const { accessToken, refreshToken, user, previousRefreshToken } = value;
    if (!decodeClaims(this.#jwt, accessToken, 'access')) return null;
    if (!decodeClaims(this.#jwt, refreshToken, 'refresh')) return null;
    if (this.#jwt.isTokenExpired(refreshToken as string)) return null;
    return {
      accessToken: accessToken as string,
      refreshToken: refreshToken as string,
      user: isUser(user) ? user : null,
      previousRefreshToken: typeof previousRefreshToken === 'string' ? previousRefreshToken : null,
    };
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

  #get(mode: StorageMode): string | null {
    try {
      return this.#store(mode).getItem(TOKENS_KEY);
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
