// @ts-check
/**
 * Memory over a long session: 1,000 request cycles through the real app (one protected request
 * each, from the devtools panel), the access token expired before every 10th, so every 10th cycle
 * is 401 → refresh → retry. A heap census after a forced GC before and after shows what grew:
 * used JS heap, DOM nodes, event listeners, pending timers, RxJS subscribers, objects by type.
 *
 * A warm-up first fills the activity log to its 200-row cap (two bursts of 100), so both censuses
 * see a full log and the growth is what the session leaks, not what the log holds by design; then
 * it runs a few cycles of both kinds so the code is loaded and compiled before the first census.
 *
 * Every expiry waits for a new second (see DevtoolsPanel.expireAccessToken), so the 100 refresh
 * periods take at least 100 s.
 */
import { grownObjects, takeCensus, TIMER_PROBE } from './heap-census.mjs';
import { preparePanel } from './refresh-load.mjs';

export const MEMORY_CYCLES = 1000;
export const REFRESH_EVERY = 10;
/** A small latency keeps the latency timers in play without making the run long. */
const MEMORY_LATENCY_MS = 5;
const WARM_UP_CYCLES = 20;
const LOG_CAP_BURSTS = 2;

/**
 * @param {import('playwright').Page} page a fresh browser profile
 * @param {string} baseUrl the production build, ending with `/`
 * @param {{ cycles?: number, refreshEvery?: number }} [options]
 */
export async function measureMemory(
  page,
  baseUrl,
  { cycles = MEMORY_CYCLES, refreshEvery = REFRESH_EVERY } = {},
) {
  await page.context().addInitScript(TIMER_PROBE);
  const panel = await preparePanel(page, baseUrl, MEMORY_LATENCY_MS);

  /** Runs `count` cycles; returns the number of failed requests. */
  const runCycles = async (/** @type {number} */ count) => {
    let failed = 0;
    for (let cycle = 0; cycle < count; cycle++) {
      if (cycle % refreshEvery === 0) await panel.expireAccessToken();
      failed += (await panel.fire()).failed;
    }
    return failed;
  };

  await panel.setRequestCount(100);
  for (let burst = 0; burst < LOG_CAP_BURSTS; burst++) await panel.fire();
  await panel.setRequestCount(1);
  await runCycles(WARM_UP_CYCLES);
  const countersBefore = await panel.counters();
  const before = await takeCensus(page);
  const started = Date.now();
  const failed = await runCycles(cycles);
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  const countersAfter = await panel.counters();
  const after = await takeCensus(page);

  /** @param {keyof import('./heap-census.mjs').HeapCensus} key @param {string} name */
  const count = (key, name) => ({ name, before: Number(before[key]), after: Number(after[key]) });
  return {
    cycles,
    refreshEvery,
    latencyMs: MEMORY_LATENCY_MS,
    warmUpCycles: WARM_UP_CYCLES,
    seconds,
    counters: {
      requests: countersAfter.requests - countersBefore.requests,
      unauthorized: countersAfter.unauthorized - countersBefore.unauthorized,
      refresh: countersAfter.refreshes - countersBefore.refreshes,
      retries: countersAfter.retries - countersBefore.retries,
      failed,
    },
    heap: {
      before: before.heapUsed,
      after: after.heapUsed,
      growth: after.heapUsed - before.heapUsed,
    },
    counts: [
      count('domNodes', 'DOM nodes'),
      count('eventListeners', 'JS event listeners'),
      count('pendingTimeouts', 'pending timeouts'),
      count('activeIntervals', 'active intervals'),
      count('subscribers', 'RxJS subscribers'),
      count('detachedDomNodes', 'detached DOM nodes'),
    ],
    // Anything that grew by one or more per refresh period is worth a look.
    grownObjects: grownObjects(before.objectsByName, after.objectsByName, cycles / refreshEvery),
  };
}
