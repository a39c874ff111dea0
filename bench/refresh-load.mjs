// @ts-check
/**
 * Refresh under parallel load, through the real app and its Auth devtools panel: for each N,
 * N parallel protected requests with a valid access token (the baseline) and with an expired
 * one (every request gets a 401, one refresh, N retries), alternated `repeats` times so both
 * see the same machine. Proactive refresh is off, so the expired case really takes the 401 path.
 */
import { signIn } from './app-session.mjs';
import { DevtoolsPanel } from './devtools-panel.mjs';
import { median } from './table.mjs';

export const LOAD_LATENCY_MS = 100;
export const LOAD_SIZES = [1, 10, 50, 200];
const REPEATS = 3;
/** Long enough that no token expires on its own while the bench runs. */
const ACCESS_LIFETIME_S = 3600;

/**
 * @typedef {{
 *   n: number, validMs: number, expiredMs: number, ratio: number,
 *   extraMs: number, floorMs: number, overFloorMs: number,
 *   refreshCalls: number, failed: number, unauthorized: number, retries: number,
 *   runs: { validMs: number, expiredMs: number, refreshCalls: number, failed: number }[],
 * }} LoadRow
 */

/**
 * @param {import('playwright').Page} page a fresh browser profile
 * @param {string} baseUrl the production build, ending with `/`
 * @param {{ sizes?: number[], repeats?: number, latencyMs?: number }} [options]
 */
export async function measureRefreshLoad(
  page,
  baseUrl,
  { sizes = LOAD_SIZES, repeats = REPEATS, latencyMs = LOAD_LATENCY_MS } = {},
) {
  const panel = await preparePanel(page, baseUrl, latencyMs);

  // Warm-up: loads the lazy code and lets the JIT see both paths before anything is timed.
  await panel.setRequestCount(10);
  await panel.fire();
  await panel.expireAccessToken();
  await panel.fire();

  /** @type {LoadRow[]} */
  const rows = [];
  for (const n of sizes) {
    await panel.setRequestCount(n);
    const runs = [];
    for (let run = 0; run < repeats; run++) {
      await panel.clear();
      const valid = await panel.fire();
      const validCounters = await panel.counters();
      if (validCounters.refreshes !== 0 || valid.failed !== 0) {
        throw new Error(`The baseline for N=${n} was not clean: ${valid.text}`);
      }
      await panel.expireAccessToken();
      await panel.clear();
      const expired = await panel.fire();
      const counters = await panel.counters();
      runs.push({
        validMs: valid.ms,
        expiredMs: expired.ms,
        refreshCalls: counters.refreshes,
        failed: expired.failed,
        unauthorized: counters.unauthorized,
        retries: counters.retries,
      });
    }
    rows.push(summarize(n, runs, latencyMs));
  }
  return { latencyMs, repeats, proactiveRefresh: false, accessLifetimeS: ACCESS_LIFETIME_S, rows };
}

/**
 * Sets the server up before signing in, so the first access token already has the long
 * lifetime: latency, lifetime, proactive refresh off; bursts of protected reads.
 * @param {import('playwright').Page} page
 * @param {string} baseUrl
 * @param {number} latencyMs
 */
export async function preparePanel(page, baseUrl, latencyMs) {
  const panel = new DevtoolsPanel(page);
  await page.goto(`${baseUrl}login`);
  await panel.open();
  await panel.applyServerSettings({
    'Access token lifetime (s)': ACCESS_LIFETIME_S,
    'Latency (ms)': latencyMs,
  });
  await panel.setProactiveRefresh(false);
  await signIn(page, baseUrl);
  await panel.open();
  await panel.burstOfReads();
  return panel;
}

/**
 * Medians of the runs and how far the expired case is above its floor: the valid case plus one
 * refresh round trip and one retry round trip.
 * @param {number} n
 * @param {{ validMs: number, expiredMs: number, refreshCalls: number, failed: number,
 *   unauthorized: number, retries: number }[]} runs
 * @param {number} latencyMs
 * @returns {LoadRow}
 */
export function summarize(n, runs, latencyMs) {
  const validMs = median(runs.map((r) => r.validMs));
  const expiredMs = median(runs.map((r) => r.expiredMs));
  const extraMs = expiredMs - validMs;
  const floorMs = 2 * latencyMs;
  return {
    n,
    validMs,
    expiredMs,
    ratio: Math.round((expiredMs / validMs) * 100) / 100,
    extraMs,
    floorMs,
    overFloorMs: extraMs - floorMs,
    // The worst run counts (the one furthest from 1): one run with two refreshes is a bug,
    // whatever the others did.
    refreshCalls: runs
      .map((r) => r.refreshCalls)
      .reduce((worst, calls) => (Math.abs(calls - 1) > Math.abs(worst - 1) ? calls : worst)),
    failed: runs.reduce((sum, r) => sum + r.failed, 0),
    unauthorized: Math.max(...runs.map((r) => r.unauthorized)),
    retries: Math.max(...runs.map((r) => r.retries)),
    runs: runs.map(({ validMs: v, expiredMs: e, refreshCalls, failed }) => ({
      validMs: v,
      expiredMs: e,
      refreshCalls,
      failed,
    })),
  };
}
