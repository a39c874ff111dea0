import { API_PATHS, type TokenResponse } from '../../src/app/api-contract';
import { MemoryStorage } from '../../src/app/browser-storage';
import { handleRequest } from '../../src/app/mock-api/router';
import {
  createServerContext,
  type InBrowserServerContext,
} from '../../src/app/mock-api/server-context';
import { STATE_KEY } from '../../src/app/mock-api/server-db';
import { createQueueLock } from '../../src/app/mock-api/server-lock';
import type { ServerSettings } from '../../src/app/mock-api/server-settings';

/**
 * Signing in without the form, for the tests that are not about signing in: the in-browser
 * server's own code (its router, handlers, seed and password hashing, unchanged) runs here in Node
 * on a storage of its own, answers one `POST api/auth/login`, and hands back what the browser's
 * localStorage must hold for the app to start signed in: the server's state (users, the session
 * just created, the signing key), its settings and the client's token pair.
 *
 * Every call signs in afresh, so every test has its own session and its own single-use refresh
 * token. Only the seed (two password hashes and a signing key) is made once per worker.
 */

/** The app's localStorage keys (src/app/auth/token-storage.ts, src/app/auth/auth-settings.ts). */
const TOKENS_KEY = 'auth:tokens';
const AUTH_SETTINGS_KEY = 'auth:settings';

export interface SignedInStart {
  /** The localStorage entries to start the browser context with. */
  readonly localStorage: { name: string; value: string }[];
  readonly tokens: TokenResponse;
}

export interface SignInOptions {
  readonly username: string;
  readonly password: string;
  /** Server settings to apply before signing in (short lifetimes, no latency, …). */
  readonly server?: Partial<ServerSettings>;
  /** The client's switches (`auth:settings`), e.g. `{ proactiveRefresh: false }`. */
  readonly client?: Record<string, unknown>;
}

let seed: Promise<string> | null = null;

export async function signInThroughServer(options: SignInOptions): Promise<SignedInStart> {
  const storage = new MemoryStorage();
  storage.setItem(STATE_KEY, await seededState());
  const ctx = serverContext(storage);
  if (options.server) await ctx.store.updateSettings(options.server);
  const response = await handleRequest(
    {
      method: 'POST',
      path: API_PATHS.login,
      query: {},
      headers: { 'content-type': 'application/json' },
      rawBody: JSON.stringify({ username: options.username, password: options.password }),
    },
    ctx,
  );
  if (response.status !== 200) {
    throw new Error(
      `Sign-in as ${options.username} answered ${response.status}: ${JSON.stringify(response.body)}`,
    );
  }
  const tokens = response.body as TokenResponse;
  // What the app's TokenStorage keeps (StoredSession).
  const { accessToken, refreshToken, user } = tokens;
  storage.setItem(
    TOKENS_KEY,
    JSON.stringify({ accessToken, refreshToken, user, previousRefreshToken: null }),
  );
  if (options.client) storage.setItem(AUTH_SETTINGS_KEY, JSON.stringify(options.client));
  return { localStorage: entries(storage), tokens };
}

/** The seed state as stored JSON, made once per worker process (hashing is the slow part). */
function seededState(): Promise<string> {
  seed ??= (async () => {
    const storage = new MemoryStorage();
    await serverContext(storage).store.snapshot();
    const state = storage.getItem(STATE_KEY);
    if (state === null) throw new Error('The in-browser server stored no seed state.');
    return state;
  })();
  return seed;
}

function serverContext(storage: Storage): InBrowserServerContext {
  return createServerContext({ storage, lock: createQueueLock(), isSecureContext: () => true });
}

function entries(storage: Storage): { name: string; value: string }[] {
  return Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '').map((name) => ({
    name,
    value: storage.getItem(name) ?? '',
  }));
}
