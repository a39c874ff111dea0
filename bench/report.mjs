// @ts-check
/** The bench's console report: one section per measurement, goals next to the figures. */
import { formatTable, kB, MB, msText, verdict } from './table.mjs';

/** The figures the issue sets as goals; reported next to the figures, never enforced. */
export const GOALS = {
  bundleRatio: 1.4,
  accessibility: 100,
  performance: 95,
  memoryGrowthBytes: 2_000_000,
  /** Server time of a refresh sent while 10 sign-ins with a wrong password are hashing. */
  lockRefreshMs: 50,
};

/** How many sources of the initial JS the report lists. */
const TOP_CONTRIBUTORS = 10;

/**
 * @param {any} results the object written to bench/results.json
 * @returns {string}
 */
export function formatReport(results) {
  const { machine } = results;
  const header =
    `npm run bench, ${results.date}\n` +
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB; Node ${machine.node}; ` +
    `${machine.chromium}; Angular ${machine.angular}; Lighthouse ${machine.lighthouse}`;
  const sections = [
    header,
    results.bundle && bundleSection(results.bundle),
    results.load && loadSection(results.load),
    results.lighthouse && lighthouseSection(results.lighthouse),
    results.memory && memorySection(results.memory),
    results.lock && lockSection(results.lock),
    `Took ${results.seconds.total} s (${Object.entries(results.seconds)
      .filter(([step]) => step !== 'total')
      .map(([step, s]) => `${step} ${s} s`)
      .join(', ')}).`,
  ];
  return sections.filter(Boolean).join('\n\n');
}

/**
 * @typedef {{ raw: number, share: number }} Share
 * @param {{ gzipLevel: number, app: import('./bundle-cost.mjs').BundleCost,
 *   bare: import('./bundle-cost.mjs').BundleCost, ratio: { gzip: number, raw: number },
 *   fullBootstrapCss: import('./bundle-cost.mjs').Size,
 *   initialJsShares: { inBrowserServer: Share, devtools: Share },
 *   visits?: import('./first-visit.mjs').Visit[] }} bundle
 */
export function bundleSection(bundle) {
  const { app, bare } = bundle;
  /** @param {string} label @param {'js' | 'css' | 'total'} kind @param {'raw' | 'gzip'} size */
  const row = (label, kind, size) => [
    `${label} ${size}`,
    kB(app[kind][size]),
    kB(bare[kind][size]),
    bare[kind][size] === 0 ? '-' : (app[kind][size] / bare[kind][size]).toFixed(2),
  ];
  const sizes = formatTable(
    ['initial files', 'app', 'bare Angular', 'app / bare'],
    [
      row('JS', 'js', 'gzip'),
      row('JS', 'js', 'raw'),
      row('CSS', 'css', 'gzip'),
      row('CSS', 'css', 'raw'),
      row('JS + CSS', 'total', 'gzip'),
      row('JS + CSS', 'total', 'raw'),
    ],
  );
  const bareBySource = new Map(bare.contributors.map((c) => [c.name, c.raw]));
  const sources = formatTable(
    ['initial JS by source (minified)', 'app', 'share', 'bare Angular', 'app adds'],
    app.contributors.slice(0, TOP_CONTRIBUTORS).map((c) => {
      const inBare = bareBySource.get(c.name) ?? 0;
      return [c.name, kB(c.raw), `${Math.round(c.share * 100)} %`, kB(inBare), kB(c.raw - inBare)];
    }),
  );
  const lazy = app.largestLazyChunk;
  const eager = app.eagerLazyRouteCode;
  return [
    `1. Bundle cost: what a first visit downloads (index.html's scripts and styles plus their ` +
      `static imports), gzip level ${bundle.gzipLevel}`,
    sizes,
    `  Ratio (JS + CSS, gzip): ${bundle.ratio.gzip.toFixed(2)}; goal ≤ ${GOALS.bundleRatio}: ` +
      `${verdict(bundle.ratio.gzip <= GOALS.bundleRatio)}. Raw: ${bundle.ratio.raw.toFixed(2)}.`,
    `  CSS is the Bootstrap subset of src/styles.scss: ${kB(app.css.gzip)} gzip; all of ` +
      `Bootstrap would be ${kB(bundle.fullBootstrapCss.gzip)} (bootstrap.min.css).`,
    `  In the initial JS: in-browser server (mock-api, angular-in-memory-web-api, jose) ` +
      `${share(bundle.initialJsShares.inBrowserServer)}, Auth devtools ` +
      `${share(bundle.initialJsShares.devtools)}.`,
    `  index.html (critical CSS inlined): ${kB(app.html.gzip)} gzip, bare ${kB(bare.html.gzip)}.`,
    lazy
      ? `  Lazy chunks: ${app.lazyChunks.length}; largest ${lazy.name} (${lazy.file}) ` +
        `${kB(lazy.raw)} raw, ${kB(lazy.gzip)} gzip.`
      : '  Lazy chunks: none.',
    `  Lazy route code in the initial bundle: ${eager.length === 0 ? 'none' : eager.join(', ')}.`,
    sources,
    bundle.visits ? visitsTable(bundle.visits) : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * What real page loads downloaded, lazy chunks included, against the bare app's one load.
 * @param {import('./first-visit.mjs').Visit[]} visits the bare app's first
 */
export function visitsTable(visits) {
  const bare = visits[0]?.total.gzip ?? 0;
  const table = formatTable(
    ['downloaded by a page load', 'files', 'JS gzip', 'CSS gzip', 'JS + CSS gzip', '/ bare'],
    visits.map((v) => [
      v.visit,
      v.files.length,
      kB(v.js.gzip),
      kB(v.css.gzip),
      kB(v.total.gzip),
      bare === 0 ? '-' : (v.total.gzip / bare).toFixed(2),
    ]),
  );
  return [
    `  Page loads in Chromium (initial files plus the lazy chunks the page asked for: its route, ` +
      `and when signed in the in-browser server and the devtools sections):`,
    table,
  ].join('\n');
}

/** @param {{ raw: number, share: number }} part */
function share(part) {
  return `${kB(part.raw)} minified (${Math.round(part.share * 100)} %)`;
}

/** @param {any} load */
export function loadSection(load) {
  const table = formatTable(
    [
      'N',
      'valid token',
      'expired token',
      'ratio',
      'extra',
      'floor',
      'extra - floor',
      'refresh calls',
      'failed',
    ],
    load.rows.map((/** @type {any} */ r) => [
      r.n,
      `${r.validMs} ms`,
      `${r.expiredMs} ms`,
      r.ratio.toFixed(2),
      `${r.extraMs} ms`,
      `${r.floorMs} ms`,
      `${r.overFloorMs} ms`,
      r.refreshCalls,
      r.failed,
    ]),
  );
  const allOneRefresh = load.rows.every((/** @type {any} */ r) => r.refreshCalls === 1);
  const noneFailed = load.rows.every((/** @type {any} */ r) => r.failed === 0);
  return [
    `2. Refresh under parallel load: N parallel protected requests, latency ${load.latencyMs} ms, ` +
      `proactive refresh off, median of ${load.repeats}`,
    table,
    `  extra = expired − valid; floor = one refresh + one retry round trip = 2 × latency.`,
    `  One refresh call for every N: ${verdict(allOneRefresh)}. No failed request: ${verdict(noneFailed)}.`,
  ].join('\n');
}

/** @param {any[]} runs */
export function lighthouseSection(runs) {
  const table = formatTable(
    [
      'page',
      'form factor',
      'performance',
      'accessibility',
      'best practices',
      'FCP',
      'LCP',
      'TBT',
      'CLS',
    ],
    runs.map((r) => [
      new URL(r.url).pathname,
      r.formFactor,
      r.performanceRange[0] === r.performanceRange[1]
        ? String(r.performance)
        : `${r.performance} (${r.performanceRange[0]}-${r.performanceRange[1]})`,
      r.accessibility,
      r.bestPractices,
      `${r.metrics.fcpMs} ms`,
      `${r.metrics.lcpMs} ms`,
      `${r.metrics.tbtMs} ms`,
      r.metrics.cls,
    ]),
  );
  const a11y = runs.every((r) => r.accessibility >= GOALS.accessibility);
  const perf = runs.every((r) => r.performance >= GOALS.performance);
  const failed = [...new Set(runs.flatMap((r) => r.failedAudits))];
  return [
    `3. Lighthouse ${runs[0]?.runs > 1 ? `(median of ${runs[0].runs} runs, performance range in brackets)` : ''}`.trimEnd(),
    table,
    `  Accessibility ${GOALS.accessibility}: ${verdict(a11y)}. Performance ≥ ${GOALS.performance}: ${verdict(perf)}.`,
    failed.length > 0 ? `  Audits to fix: ${failed.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** @param {any} memory */
export function memorySection(memory) {
  const table = formatTable(
    ['after a forced GC', 'before', 'after', 'growth'],
    [
      [
        'JS heap used',
        MB(memory.heap.before),
        MB(memory.heap.after),
        MB(memory.heap.growth, { signed: true }),
      ],
      ...memory.counts.map((/** @type {any} */ c) => [
        c.name,
        c.before,
        c.after,
        `${c.after - c.before >= 0 ? '+' : ''}${c.after - c.before}`,
      ]),
    ],
  );
  const c = memory.counters;
  return [
    `4. Memory over a long session: ${memory.cycles} request cycles, the access token expired ` +
      `every ${memory.refreshEvery}, latency ${memory.latencyMs} ms (${memory.seconds} s)`,
    table,
    `  Counters: ${c.requests} requests, ${c.unauthorized} × 401, ${c.refresh} refreshes, ` +
      `${c.retries} retries, ${c.failed} failed.`,
    `  Heap growth < ${MB(GOALS.memoryGrowthBytes)}: ${verdict(memory.heap.growth < GOALS.memoryGrowthBytes)}. ` +
      `The activity log is emptied before each census; at its 200-row cap it held ` +
      `${MB(memory.heap.activityLog)}.`,
    `  Snapshot bytes by V8 node type, largest growth first: ${memory.bytesByType
      .slice(0, 4)
      .map((/** @type {any} */ t) => `${t.type} ${MB(t.growth, { signed: true })}`)
      .join(', ')}.`,
    memory.grownObjects.length === 0
      ? `  No object type grew by ${memory.cycles / memory.refreshEvery} or more (one per refresh period).`
      : `  Object types that grew by one or more per refresh period: ${memory.grownObjects
          .slice(0, 5)
          .map((/** @type {any} */ o) => `${o.name} ${o.before} → ${o.after}`)
          .join(', ')}.`,
  ].join('\n');
}

/**
 * @param {{ iterations: number, failedSignIns: number, repeats: number, loadAverage?: number[],
 *   pools: import('./lock-figures.mjs').LockPool[] }} lock the default threadpool first
 */
export function lockSection(lock) {
  const n = lock.failedSignIns;
  /** @param {string} threads @param {string} label @param {import('./lock-figures.mjs').Timing} t */
  const row = (threads, label, t) => [
    threads,
    label,
    msText(t.totalMs),
    msText(t.lockWaitMs),
    msText(t.inLockMs),
    msText(t.cryptoMs),
  ];
  const table = formatTable(
    ['threadpool', 'refresh', 'request → answer', 'lock wait', 'in the lock', 'of it Web Crypto'],
    lock.pools.flatMap((pool, i) => {
      const threads = `${pool.threadpool}${i === 0 ? ' (default)' : ''}`;
      return [
        row(threads, 'alone', pool.alone),
        row('', `behind ${n} failed sign-ins`, pool.behind),
      ];
    }),
  );
  const [normal, large] = lock.pools;
  const goal = GOALS.lockRefreshMs;
  const lockWait = Math.max(...lock.pools.map((pool) => pool.behind.lockWaitMs));
  const cryptoShare =
    normal.behind.totalMs > 0 ? normal.behind.cryptoMs / normal.behind.totalMs : 0;
  return [
    `5. State lock behind failed sign-ins: the server's code in Node, a refresh alone and sent ` +
      `while ${n} sign-ins with a wrong password hash (PBKDF2, ${lock.iterations.toLocaleString('en-US')} ` +
      `iterations), median of ${lock.repeats}` +
      (lock.loadAverage ? `; machine load ${lock.loadAverage.join(' → ')} (1 min)` : ''),
    table,
    `  Refresh behind ${n} failed sign-ins < ${goal} ms (default threadpool): ` +
      `${verdict(normal.behind.totalMs < goal)}` +
      (large
        ? `; with ${large.threadpool} threads: ${verdict(large.behind.totalMs < goal)}.`
        : '.'),
    `  Sign-ins hashing or in line for it (PASSWORD_WORK, one hash at a time) when the refresh ` +
      `was sent: at least ` +
      `${Math.min(...lock.pools.map((pool) => pool.hashingWhenSent))} of ${n}.`,
    `  Its wait for the state lock < ${goal} ms: ${verdict(lockWait < goal)} (longest: ${msText(lockWait)}).`,
    `  Web Crypto = its HMAC calls (verify, sign twice) from call to result. In Node they run on ` +
      `libuv's threadpool, in one queue with the PBKDF2 jobs, and all threads share the cores; ` +
      `the server hashes one password at a time to leave them a thread and a core. ` +
      `They run inside the lock, so requests behind the refresh would wait that long too.`,
    normal.behind.totalMs >= goal && lockWait < goal
      ? `  Not the lock: ${Math.round(cryptoShare * 100)} % of the refresh's time went to its Web ` +
        `Crypto calls, waiting for a thread and a core.` +
        (large
          ? ` With ${large.threadpool} threads (none waits for a thread) it took ` +
            msText(large.behind.totalMs) +
            (large.behind.totalMs < goal
              ? ': the wait was the threadpool.'
              : `: the cores are still shared with ${n} hashes.`)
          : '') +
        ` How a browser schedules Web Crypto is not measured here.`
      : '',
  ]
    .filter(Boolean)
    .join('\n');
}
