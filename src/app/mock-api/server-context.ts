/**
 * What every handler gets besides the request: the database, the clock and the environment checks.
 * Tests build it with a fake clock, a low password cost or a different lock through `MockApiOptions`.
 *
 * Plain code with no Angular in it, so the same factory runs in Node (the e2e fixtures sign in
 * through it); the app's DI token for it is in `server-context-token.ts`.
 */
import { localStorageOrNull, MemoryStorage } from '../browser-storage';
import { DEFAULT_PASSWORD_ITERATIONS } from './passwords';
import { ServerDb } from './server-db';
import { defaultLock, type LockFn } from './server-lock';
import { createSeedState } from './seed';

export interface ServerContext {
  db: ServerDb;
  /**
   * The server's current time in epoch milliseconds: the clock (`MockApiOptions.now`) plus the
   * demo's **Server clock offset** setting.
   */
  now(): number;
  /** PBKDF2 iterations for new password hashes (existing hashes keep their own count). */
  passwordIterations: number;
  /** False when Web Crypto is unavailable (plain http from a non-localhost address). */
  isSecureContext(): boolean;
}

/** Overrides for tests; the app uses the defaults. */
export interface MockApiOptions {
  /** Default: `Date.now`. */
  now?: () => number;
  /** Default: `DEFAULT_PASSWORD_ITERATIONS` (600,000). */
  passwordIterations?: number;
  /** Default: `isSecureContext` is not false and `crypto.subtle` exists. */
  isSecureContext?: () => boolean;
  /** Default: `navigator.locks`, else an in-tab queue. */
  lock?: LockFn;
  /** Default: `localStorage`, or memory where the browser blocks site data. */
  storage?: Storage;
}

export function hasWebCrypto(): boolean {
  return globalThis.isSecureContext !== false && globalThis.crypto?.subtle !== undefined;
}

export function createServerContext(options: MockApiOptions = {}): ServerContext {
  const clock = options.now ?? (() => Date.now());
  const now = () => clock() + db.readSettings().clockOffset * 1000;
  const passwordIterations = options.passwordIterations ?? DEFAULT_PASSWORD_ITERATIONS;
  const db: ServerDb = new ServerDb({
    storage: options.storage ?? localStorageOrNull() ?? new MemoryStorage(),
    lock: options.lock ?? defaultLock(),
    seed: () => createSeedState(passwordIterations, now()),
    now,
  });
  return { db, now, passwordIterations, isSecureContext: options.isSecureContext ?? hasWebCrypto };
}
