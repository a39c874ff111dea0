// @ts-check
/**
 * Memory over a long session: 1,000 request cycles through the real app (one protected request
 * each, from the devtools panel), the access token expired before every 10th, so every 10th cycle
 * is 401 → refresh → retry. A heap census after a forced GC before and after shows what grew:
 * used JS heap, DOM nodes, event listeners, pending timers, RxJS subscribers, objects by type.
 *
 * A few warm-up cycles of both kinds load and compile the code before the first census. The
 * devtools' activity log keeps the last 200 requests by design; it is emptied (Clear) before
 * both censuses, so the growth is what the session leaks. What the full log held at the end is
 * reported on its own.
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

  await panel.setRequestCount(1);
  await runCycles(WARM_UP_CYCLES);
  await panel.clear();
  const before = await takeCensus(page);
  const started = Date.now();
  const failed = await runCycles(cycles);
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  const counters = await panel.counters();
  const withFullLog = await takeCensus(page);
  await panel.clear();
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
      requests: counters.requests,
      unauthorized: counters.unauthorized,
      refresh: counters.refreshes,
      retries: counters.retries,
      failed,
    },
    heap: {
      before: before.heapUsed,
      after: after.heapUsed,
      growth: after.heapUsed - before.heapUsed,
      activityLog: withFullLog.heapUsed - after.heapUsed,
    },
    counts: [
      count('domNodes', 'DOM nodes'),
      count('eventListeners', 'JS event listeners'),
      count('pendingTimeouts', 'pending timeouts'),
      count('activeIntervals', 'active intervals'),
      count('subscribers', 'RxJS subscribers'),
      count('detachedDomNodes', 'detached DOM nodes'),
    ],
    // Where the heap's bytes went, by V8 node type (snapshot self sizes).
    bytesByType: [...after.bytesByType]
      .map(([type, bytes]) => ({ type, growth: bytes - (before.bytesByType.get(type) ?? 0) }))
      .sort((a, b) => b.growth - a.growth),
    // Anything that grew by one or more per refresh period is worth a look.
    grownObjects: grownObjects(before.objectsByName, after.objectsByName, cycles / refreshEvery),
  };
}
