// @ts-check
/** Unit tests for lock-figures.mjs and its report section (run with `npm run test:scripts`). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ms, summarizeLockRuns } from './lock-figures.mjs';
import { GOALS, lockSection } from './report.mjs';

/**
 * @param {number} totalMs
 * @param {Partial<import('./lock-figures.mjs').Timing>} [rest]
 */
const timing = (totalMs, rest = {}) => ({
  totalMs,
  lockWaitMs: 0.01,
  inLockMs: totalMs - 0.5,
  cryptoMs: totalMs - 1,
  ...rest,
});

/**
 * @param {number} threadpool
 * @param {number[]} behind each run's refresh time behind the sign-ins
 * @param {number} [hashing]
 */
const raw = (threadpool, behind, hashing = 10) => ({
  iterations: 600_000,
  failedSignIns: 10,
  threadpool,
  runs: behind.map((totalMs, i) => ({
    alone: timing(3 + i),
    behind: { ...timing(totalMs), hashingWhenSent: hashing, signInStatuses: [401, 429] },
  })),
});

describe('summarizeLockRuns', () => {
  it('takes the median of each figure, alone and behind, and keeps the runs rounded', () => {
    const pool = summarizeLockRuns(raw(4, [2857.341, 12, 3000, 2700, 2900]));

    assert.equal(pool.threadpool, 4);
    assert.deepEqual(pool.alone, { totalMs: 5, lockWaitMs: 0.01, inLockMs: 4.5, cryptoMs: 4 });
    assert.equal(pool.behind.totalMs, 2857.34);
    assert.equal(pool.behind.cryptoMs, 2856.34);
    assert.equal(pool.runs.length, 5);
    assert.equal(pool.runs[0].behind.totalMs, 2857.34);
    assert.equal(pool.hashingWhenSent, 10);
  });

  it('reports the fewest derivations under way when a refresh was sent', () => {
    const runs = raw(4, [10, 10]);
    runs.runs[1].behind.hashingWhenSent = 7;
    assert.equal(summarizeLockRuns(runs).hashingWhenSent, 7);
  });

  it('rounds to hundredths of a millisecond', () => {
    assert.equal(ms(0.00876), 0.01);
    assert.equal(ms(2857.3456), 2857.35);
  });
});

describe('lockSection', () => {
  /** @param {number[]} normal @param {number[]} large */
  const section = (normal, large) =>
    lockSection({
      iterations: 600_000,
      failedSignIns: 10,
      repeats: normal.length,
      loadAverage: [6.2, 7.8],
      pools: [summarizeLockRuns(raw(4, normal)), summarizeLockRuns(raw(16, large))],
    });

  it('says the goal is not met, and why, when the threadpool and not the lock is the wait', () => {
    const text = section([2857, 2900, 2700], [362, 300, 400]);

    assert.match(text, /PBKDF2, 600,000 iterations\), median of 3; machine load 6\.2 → 7\.8/);
    assert.match(
      text,
      new RegExp(
        `< ${GOALS.lockRefreshMs} ms \\(default threadpool\\): NOT met; with 16 threads: NOT met`,
      ),
    );
    assert.match(
      text,
      /in line for it \(PASSWORD_WORK, one hash at a time\) when the refresh was sent: at least 10 of 10\./,
    );
    assert.match(text, /state lock < 50 ms: met \(longest: < 0\.1 ms\)/);
    assert.match(text, /Not the lock: 100 % of the refresh's time went to its Web Crypto calls/);
    assert.match(text, /With 16 threads .* it took 362 ms: the cores are still shared/);
    assert.match(text, /4 \(default\) +alone +4\.0 ms/);
  });

  it('names the threadpool as the wait when a larger one meets the goal', () => {
    assert.match(
      section([900], [20]),
      /with 16 threads: met\..*it took 20\.0 ms: the wait was the threadpool/s,
    );
  });

  it('says met, with no explanation, when the refresh stays under the goal', () => {
    const text = section([12, 14, 13], [9, 10, 11]);

    assert.match(text, /\(default threadpool\): met; with 16 threads: met\./);
    assert.doesNotMatch(text, /Not the lock/);
  });
});
