// @ts-check
/**
 * What lives in a page's JS heap, through the DevTools protocol: used heap after a forced GC,
 * Chromium's counters (DOM nodes, event listeners), pending timers (counted by TIMER_PROBE), and a
 * census of a heap snapshot (objects by constructor, RxJS subscribers, detached DOM nodes). Two
 * censuses taken before and after a long session show what piles up.
 */

/**
 * Installed before the app's own scripts (`page.addInitScript`): wraps the timer functions to
 * count the timeouts not yet fired or cleared and the intervals not yet cleared. It changes
 * nothing else about them. `window.__benchTimers()` reads the counts.
 */
export const TIMER_PROBE = `(() => {
  const timeouts = new Set();
  const intervals = new Set();
  const native = {
    setTimeout: window.setTimeout,
    clearTimeout: window.clearTimeout,
    setInterval: window.setInterval,
    clearInterval: window.clearInterval,
  };
  window.setTimeout = function (handler, delay, ...args) {
    if (typeof handler !== 'function') return native.setTimeout.call(window, handler, delay, ...args);
    const id = native.setTimeout.call(
      window,
      function (...callArgs) {
        timeouts.delete(id);
        return handler.apply(this, callArgs);
      },
      delay,
      ...args,
    );
    timeouts.add(id);
    return id;
  };
  window.setInterval = function (...args) {
    const id = native.setInterval.apply(window, args);
    intervals.add(id);
    return id;
  };
  // Browsers let either clear function clear either kind of timer.
  window.clearTimeout = window.clearInterval = function (id) {
    timeouts.delete(id);
    intervals.delete(id);
    native.clearTimeout.call(window, id);
  };
  Object.defineProperty(window, '__benchTimers', {
    value: () => ({ timeouts: timeouts.size, intervals: intervals.size }),
  });
})();`;

/**
 * @typedef {{
 *   heapUsed: number,
 *   domNodes: number,
 *   eventListeners: number,
 *   pendingTimeouts: number,
 *   activeIntervals: number,
 *   subscribers: number,
 *   detachedDomNodes: number,
 *   objectsByName: Map<string, number>,
 *   bytesByType: Map<string, number>,
 * }} HeapCensus
 */

/**
 * Forces garbage collection, then counts. The page must have run TIMER_PROBE.
 * @param {import('playwright').Page} page
 * @returns {Promise<HeapCensus>}
 */
export async function takeCensus(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('Performance.enable');
    // Twice: the first pass may leave objects that only become garbage once finalizers have run.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    /** @param {string} name */
    const metric = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
    const timers = await page.evaluate(() =>
      /** @type {{ __benchTimers: () => { timeouts: number, intervals: number } }} */ (
        /** @type {unknown} */ (window)
      ).__benchTimers(),
    );
    const snapshot = await heapSnapshot(cdp);
    return {
      heapUsed: usedSize,
      domNodes: metric('Nodes'),
      eventListeners: metric('JSEventListeners'),
      pendingTimeouts: timers.timeouts,
      activeIntervals: timers.intervals,
      ...countSnapshot(snapshot),
    };
  } finally {
    await cdp.detach();
  }
}

/**
 * @param {import('playwright').CDPSession} cdp
 * @returns {Promise<HeapSnapshot>}
 */
async function heapSnapshot(cdp) {
  /** @type {string[]} */
  const chunks = [];
  /** @param {{ chunk: string }} event */
  const collect = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
  }
  return JSON.parse(chunks.join(''));
}

/**
 * @typedef {{
 *   snapshot: { meta: { node_fields: string[], node_types: string[][],
 *     edge_fields: string[], edge_types: string[][] } },
 *   nodes: number[], edges: number[], strings: string[],
 * }} HeapSnapshot
 */

/**
 * Counts JS objects by constructor name, RxJS subscribers (objects with a `destination`
 * property, which every `Subscriber` has and few other objects do) and detached DOM nodes, and
 * adds up the bytes by node type (object, closure, code, string, …).
 * @param {HeapSnapshot} snapshot
 * @returns {{ subscribers: number, detachedDomNodes: number,
 *   objectsByName: Map<string, number>, bytesByType: Map<string, number> }}
 */
export function countSnapshot({ snapshot: { meta }, nodes, edges, strings }) {
  const nodeFields = meta.node_fields.length;
  const edgeFields = meta.edge_fields.length;
  const field = {
    type: meta.node_fields.indexOf('type'),
    name: meta.node_fields.indexOf('name'),
    selfSize: meta.node_fields.indexOf('self_size'),
    edgeCount: meta.node_fields.indexOf('edge_count'),
    detachedness: meta.node_fields.indexOf('detachedness'),
    edgeType: meta.edge_fields.indexOf('type'),
    edgeName: meta.edge_fields.indexOf('name_or_index'),
  };
  const objectType = meta.node_types[0].indexOf('object');
  const propertyEdge = meta.edge_types[0].indexOf('property');
  const destination = strings.indexOf('destination');

  const objectsByName = new Map();
  const bytesByType = new Map();
  let subscribers = 0;
  let detachedDomNodes = 0;
  let edge = 0;
  for (let node = 0; node < nodes.length; node += nodeFields) {
    const edgeCount = nodes[node + field.edgeCount];
    const firstEdge = edge;
    edge += edgeCount * edgeFields;
    if (field.detachedness !== -1 && nodes[node + field.detachedness] === 2) detachedDomNodes++;
    const type = meta.node_types[0][nodes[node + field.type]];
    bytesByType.set(type, (bytesByType.get(type) ?? 0) + nodes[node + field.selfSize]);
    if (nodes[node + field.type] !== objectType) continue;
    // Closure scopes are named with their own id (`system / Context / scope @123`): drop it so
    // scopes of the same function count together.
    const name = strings[nodes[node + field.name]].replace(/ @\d+$/, '');
    objectsByName.set(name, (objectsByName.get(name) ?? 0) + 1);
    for (let e = firstEdge; e < edge; e += edgeFields) {
      if (edges[e + field.edgeType] === propertyEdge && edges[e + field.edgeName] === destination) {
        subscribers++;
        break;
      }
    }
  }
  return { subscribers, detachedDomNodes, objectsByName, bytesByType };
}

/**
 * Constructor names whose object count grew by at least `threshold`, largest growth first.
 * @param {Map<string, number>} before
 * @param {Map<string, number>} after
 * @param {number} threshold
 * @returns {{ name: string, before: number, after: number }[]}
 */
export function grownObjects(before, after, threshold) {
  return [...after]
    .map(([name, count]) => ({ name, before: before.get(name) ?? 0, after: count }))
    .filter(({ before: b, after: a }) => a - b >= threshold)
    .sort((x, y) => y.after - y.before - (x.after - x.before));
}
