/**
 * What every handler gets besides the request: the store (the storage port, `store/server-store.ts`),
 * the signing key, the clock and the environment checks. Tests build it with a fake clock, a low
 * password cost or a different lock through `MockApiOptions`.
 *
 * Plain code with no Angular in it, so the same factory runs in Node (the e2e fixtures sign in
 * through it); the app's DI token for it is in `server-context-token.ts`.
 */
import { localStorageOrNull, MemoryStorage } from '../browser-storage';
import { DEFAULT_PASSWORD_ITERATIONS } from './passwords';
import { ServerDb } from './server-db';
import { defaultLock, type LockFn } from './server-lock';
import { createSeedState } from './seed';
import { LocalStore } from './store/local-store';
import type { ServerStore } from './store/server-store';

export interface ServerContext {
  /** Everything the server keeps, behind atomic operations. */
  store: ServerStore;
  /** The HS256 secret. A real server reads it from its configuration; this one from its storage. */
  signingKey(): Promise<string>;
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

/** The in-browser server's context: its store is the localStorage adapter, with its extras. */
export interface InBrowserServerContext extends ServerContext {
  store: LocalStore;
}

export function hasWebCrypto(): boolean {
  return globalThis.isSecureContext !== false && globalThis.crypto?.subtle !== undefined;
}

export function createServerContext(options: MockApiOptions = {}): InBrowserServerContext {
  const clock = options.now ?? (() => Date.now());
  const now = () => clock() + db.readSettings().clockOffset * 1000;
  const passwordIterations = options.passwordIterations ?? DEFAULT_PASSWORD_ITERATIONS;
  const db: ServerDb = new ServerDb({
    storage: options.storage ?? localStorageOrNull() ?? new MemoryStorage(),
    lock: options.lock ?? defaultLock(),
    seed: () => createSeedState(passwordIterations, now()),
    now,
  });
  const store = new LocalStore(db);
  return {
    store,
    signingKey: () => store.signingKey(),
    now,
    passwordIterations,
    isSecureContext: options.isSecureContext ?? hasWebCrypto,
  };
}
