// @ts-check
/**
 * The state lock behind failed sign-ins (issue 14): runs `lock-contention.ts` on the in-browser
 * server's code in Node, once with libuv's default threadpool and once with a larger one, and
 * turns its raw runs into medians.
 */
import { execFile } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { median } from './table.mjs';

export const LOCK_FAILED_SIGN_INS = 10;
export const LOCK_REPEATS = 5;
/** More threads than the sign-ins' hashes plus the refresh, so none of them waits for a thread. */
export const LARGE_THREADPOOL = 16;

/** @typedef {{ totalMs: number, lockWaitMs: number, inLockMs: number, cryptoMs: number }} Timing */
/**
 * @typedef {{ alone: Timing, behind: Timing & { hashingWhenSent: number,
 *   signInStatuses: number[] } }} LockRun
 * @typedef {{ iterations: number, failedSignIns: number, threadpool: number, runs: LockRun[] }}
 *   RawLockRuns what lock-contention.ts prints
 * @typedef {{ threadpool: number, alone: Timing, behind: Timing, hashingWhenSent: number,
 *   runs: { alone: Timing, behind: Timing }[] }} LockPool
 */

/**
 * Both threadpool sizes, one child process each.
 *
 * Why a child process (`node --import tsx bench/lock-contention.ts`) and not `tsImport` from
 * `tsx/esm/api` in this process: libuv reads `UV_THREADPOOL_SIZE` once, when the pool is first
 * used, and this process has long used it (file reads), so the larger pool needs a process of its
 * own; and a child has nothing else of the bench (static servers, Playwright) on its event loop or
 * its threadpool while it measures.
 * @param {string} root the repository
 * @param {{ repeats?: number, failed?: number }} [options]
 */
export async function measureLockContention(
  root,
  { repeats = LOCK_REPEATS, failed = LOCK_FAILED_SIGN_INS } = {},
) {
  const env = { ...process.env };
  delete env['UV_THREADPOOL_SIZE'];
  const pools = [];
  const loadBefore = loadavg()[0];
  for (const threadpool of [undefined, LARGE_THREADPOOL]) {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(root, 'bench', 'lock-contention.ts'),
        '--repeats',
        String(repeats),
        '--failed',
        String(failed),
      ],
      {
        cwd: root,
        env: threadpool === undefined ? env : { ...env, UV_THREADPOOL_SIZE: String(threadpool) },
        maxBuffer: 10_000_000,
      },
    );
    pools.push(/** @type {RawLockRuns} */ (JSON.parse(stdout)));
  }
  return {
    iterations: pools[0].iterations,
    failedSignIns: failed,
    repeats,
    // The machine's 1-minute load average before and after: the timings depend on it.
    loadAverage: [loadBefore, loadavg()[0]].map((load) => Math.round(load * 10) / 10),
    pools: pools.map(summarizeLockRuns),
  };
}

/**
 * Medians of each figure over the runs, in ms to two decimals (a free lock is taken in
 * hundredths of a millisecond); the runs are kept, rounded.
 * `hashingWhenSent` is the fewest derivations any run had under way (running or in line) when it
 * sent the refresh.
 * @param {RawLockRuns} raw
 * @returns {LockPool}
 */
export function summarizeLockRuns(raw) {
  /** @param {Timing[]} timings @returns {Timing} */
  const medians = (timings) => ({
    totalMs: ms(median(timings.map((t) => t.totalMs))),
    lockWaitMs: ms(median(timings.map((t) => t.lockWaitMs))),
    inLockMs: ms(median(timings.map((t) => t.inLockMs))),
    cryptoMs: ms(median(timings.map((t) => t.cryptoMs))),
  });
  /** @param {Timing} t @returns {Timing} */
  const rounded = (t) => ({
    totalMs: ms(t.totalMs),
    lockWaitMs: ms(t.lockWaitMs),
    inLockMs: ms(t.inLockMs),
    cryptoMs: ms(t.cryptoMs),
  });
  return {
    threadpool: raw.threadpool,
    alone: medians(raw.runs.map((r) => r.alone)),
    behind: medians(raw.runs.map((r) => r.behind)),
    hashingWhenSent: Math.min(...raw.runs.map((r) => r.behind.hashingWhenSent)),
    runs: raw.runs.map((r) => ({ alone: rounded(r.alone), behind: rounded(r.behind) })),
  };
}

/**
 * Milliseconds to two decimals.
 * @param {number} value
 */
export function ms(value) {
  return Math.round(value * 100) / 100;
}
