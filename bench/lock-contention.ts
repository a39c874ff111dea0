/**
 * The state lock behind failed sign-ins, on the in-browser server's own code in Node: a refresh
 * alone, then the same refresh started while `--failed` sign-ins with a wrong password are
 * hashing (PBKDF2 with the real 600,000 iterations), `--repeats` times. Prints the raw runs as
 * JSON on stdout; `lock-figures.mjs` turns them into medians and the report.
 *
 *   node --import tsx bench/lock-contention.ts [--repeats 5] [--failed 10]
 *
 * Spawned by `bench/run.mjs` (see `measureLockContention` in `lock-figures.mjs` for why a child
 * process rather than `tsImport`). The server runs as the e2e fixture runs it
 * (`e2e/support/in-browser-server.ts`): `handleRequest` on a `createServerContext` over a
 * `MemoryStorage`, with the in-tab queue lock, no latency added (that is `demo-layer.ts`,
 * not the router), so every figure is server time.
 *
 * For each refresh it records:
 * - `totalMs`: from calling `handleRequest` to its answer;
 * - `lockWaitMs`: from asking for the state lock to holding it, and `inLockMs`: holding it, both
 *   timed inside the lock function passed as `MockApiOptions.lock`;
 * - `cryptoMs`: the time its Web Crypto HMAC calls (verify the old token, sign the two new ones)
 *   took from call to result. In Node those run on libuv's threadpool, the same queue as PBKDF2,
 *   so behind the sign-ins this is mostly waiting for a thread, not the lock.
 * The refresh's own calls are told apart from the sign-ins' with an `AsyncLocalStorage`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

import { API_PATHS, type TokenResponse } from '../src/app/api-contract';
import { MemoryStorage } from '../src/app/browser-storage';
import type { ServerResponse } from '../src/app/mock-api/http';
import { DEFAULT_PASSWORD_ITERATIONS, PASSWORD_WORK } from '../src/app/mock-api/passwords';
import { handleRequest } from '../src/app/mock-api/router';
import {
  createServerContext,
  type InBrowserServerContext,
  type ServerContext,
} from '../src/app/mock-api/server-context';
import { STATE_KEY } from '../src/app/mock-api/server-db';
import { createQueueLock, type LockFn } from '../src/app/mock-api/server-lock';

/** One refresh's timings, in milliseconds. */
interface RefreshTiming {
  totalMs: number;
  lockWaitMs: number;
  inLockMs: number;
  cryptoMs: number;
}

interface LockRun {
  alone: RefreshTiming;
  behind: RefreshTiming & {
    /**
     * PBKDF2 derivations asked for and not finished when the refresh was sent, running or in
     * `PASSWORD_WORK`'s line (should be all).
     */
    hashingWhenSent: number;
    /** The sign-ins' statuses: 401, or 429 once 5 failures are stored (they hashed all the same). */
    signInStatuses: number[];
  };
}

const { values } = parseArgs({
  options: {
    repeats: { type: 'string', default: '5' },
    failed: { type: 'string', default: '10' },
  },
});
const REPEATS = Number(values.repeats);
const FAILED = Number(values.failed);
/** The refresh is made for this account; the failed sign-ins guess the other one's password. */
const REFRESHER = { username: 'demo', password: 'demo1234' };
const GUESSED = { username: 'admin', password: 'not the password' };

/** Set while the measured refresh runs: its timings are added here. */
const measured = new AsyncLocalStorage<RefreshTiming>();

instrumentWebCrypto();

async function main(): Promise<void> {
  const seed = await seededState();
  const runs: LockRun[] = [];
  for (let repeat = 0; repeat < REPEATS; repeat++) runs.push(await measureOnce(seed));
  const output = {
    iterations: DEFAULT_PASSWORD_ITERATIONS,
    failedSignIns: FAILED,
    // What Node would use: UV_THREADPOOL_SIZE as set for this process, else libuv's 4.
    threadpool: Number(process.env['UV_THREADPOOL_SIZE'] ?? 4),
    runs,
  };
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

/** One repeat on a fresh copy of the seed, so the failures of the last repeat do not throttle. */
async function measureOnce(seed: string): Promise<LockRun> {
  const storage = new MemoryStorage();
  storage.setItem(STATE_KEY, seed);
  const ctx = serverContext(storage);
  let token = (await login(ctx, REFRESHER)).refreshToken;
  // Warm-up: the refresh path runs once before it is timed.
  token = (await timedRefresh(ctx, token)).refreshToken;

  const alone = await timedRefresh(ctx, token);
  token = alone.refreshToken;

  const signIns = Array.from({ length: FAILED }, () => send(ctx, API_PATHS.login, GUESSED));
  // "Started just before it": until every sign-in has reached PBKDF2 (a few event-loop turns).
  for (let turn = 0; turn < 1000 && PASSWORD_WORK.pending < FAILED; turn++) await nextTurn();
  const hashingWhenSent = PASSWORD_WORK.pending;
  const behind = await timedRefresh(ctx, token);
  const signInStatuses = (await Promise.all(signIns)).map((response) => response.status);
  if (signInStatuses.some((status) => status !== 401 && status !== 429)) {
    throw new Error(`A wrong password was not refused: ${signInStatuses.join(', ')}`);
  }
  return {
    alone: alone.timing,
    behind: { ...behind.timing, hashingWhenSent, signInStatuses },
  };
}

async function timedRefresh(
  ctx: ServerContext,
  refreshToken: string,
): Promise<{ refreshToken: string; timing: RefreshTiming }> {
  const timing: RefreshTiming = { totalMs: 0, lockWaitMs: 0, inLockMs: 0, cryptoMs: 0 };
  const start = performance.now();
  const response = await measured.run(timing, () => send(ctx, API_PATHS.refresh, { refreshToken }));
  timing.totalMs = performance.now() - start;
  return { refreshToken: tokensOf(response).refreshToken, timing };
}

async function login(
  ctx: ServerContext,
  credentials: { username: string; password: string },
): Promise<TokenResponse> {
  return tokensOf(await send(ctx, API_PATHS.login, credentials));
}

function send(ctx: ServerContext, path: string, body: unknown): Promise<ServerResponse> {
  return handleRequest(
    {
      method: 'POST',
      path,
      query: {},
      headers: { 'content-type': 'application/json' },
      rawBody: JSON.stringify(body),
    },
    ctx,
  );
}

function tokensOf(response: ServerResponse): TokenResponse {
  if (response.status !== 200) {
    throw new Error(`Expected tokens, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body as TokenResponse;
}

/** The seed state as stored JSON (two password hashes and a signing key), made once. */
async function seededState(): Promise<string> {
  const storage = new MemoryStorage();
  await serverContext(storage).store.snapshot();
  const state = storage.getItem(STATE_KEY);
  if (state === null) throw new Error('The in-browser server stored no seed state.');
  return state;
}

function serverContext(storage: Storage): InBrowserServerContext {
  return createServerContext({
    storage,
    lock: timedLock(createQueueLock()),
    isSecureContext: () => true,
  });
}

/** The queue lock, timed for the measured refresh: waiting for it, then holding it. */
function timedLock(lock: LockFn): LockFn {
  return <T>(name: string, task: () => Promise<T>): Promise<T> => {
    const timing = measured.getStore();
    if (!timing) return lock(name, task);
    const asked = performance.now();
    return lock(name, async () => {
      const held = performance.now();
      timing.lockWaitMs += held - asked;
      try {
        return await task();
      } finally {
        timing.inLockMs += performance.now() - held;
      }
    });
  };
}

/**
 * Times the measured refresh's HMAC calls (jose calls
 * `crypto.subtle.sign` and `verify` when it signs or verifies, so wrapping them sees each one).
 */
function instrumentWebCrypto(): void {
  const subtle = globalThis.crypto.subtle;
  const timed =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const timing = measured.getStore();
      const start = performance.now();
      try {
        return await call(...args);
      } finally {
        if (timing) timing.cryptoMs += performance.now() - start;
      }
    };
  subtle.sign = timed(subtle.sign.bind(subtle));
  subtle.verify = timed(subtle.verify.bind(subtle));
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

main().catch((failure: unknown) => {
  console.error(failure instanceof Error ? (failure.stack ?? failure.message) : failure);
  process.exit(1);
});
