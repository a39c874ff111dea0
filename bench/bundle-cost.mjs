// @ts-check
/**
 * Bundle cost of one production build: what a first visit downloads (the JS and CSS that
 * index.html references, plus every chunk those scripts import statically), raw and gzip, the
 * lazy chunks, and what the initial JS is made of (from esbuild's stats.json).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * @typedef {{ bytes: number, entryPoint?: string,
 *   imports?: { path: string, kind: string }[],
 *   inputs?: Record<string, { bytesInOutput: number }> }} StatsOutput
 * @typedef {{ outputs: Record<string, StatsOutput> }} Stats
 * @typedef {{ raw: number, gzip: number }} Size
 * @typedef {{ file: string, name: string } & Size} Chunk
 * @typedef {{ name: string, raw: number, share: number }} Contributor
 * @typedef {{
 *   js: Size, css: Size, total: Size, html: Size,
 *   initialFiles: string[], lazyChunks: Chunk[], largestLazyChunk: Chunk | null,
 *   contributors: Contributor[], eagerLazyRouteCode: string[]
 * }} BundleCost
 */

/** gzip as most static hosts send it: zlib's default level. */
export const GZIP_LEVEL = 6;

/**
 * Measures a build folder as written by `ng build --stats-json` (`<dir>/browser/` and
 * `<dir>/stats.json`).
 * @param {string} outputDir
 * @returns {BundleCost}
 */
export function measureBuild(outputDir) {
  const browserDir = path.join(outputDir, 'browser');
  const indexHtml = readFileSync(path.join(browserDir, 'index.html'), 'utf8');
  /** @type {Stats} */
  const stats = JSON.parse(readFileSync(path.join(outputDir, 'stats.json'), 'utf8'));
  /** @param {string} file */
  const sizeOf = (file) => sizeOfBytes(readFileSync(path.join(browserDir, file)));

  const initial = initialFiles(indexHtml, stats);
  const js = sumSizes(initial.js.map(sizeOf));
  const css = sumSizes(initial.css.map(sizeOf));
  const lazyChunks = lazyJsFiles(stats, initial.js)
    .map((file) => ({ file, name: chunkName(stats.outputs[file]), ...sizeOf(file) }))
    .sort((a, b) => b.raw - a.raw);
  return {
    js,
    css,
    total: sumSizes([js, css]),
    html: sizeOfBytes(Buffer.from(indexHtml)),
    initialFiles: [...initial.js, ...initial.css],
    lazyChunks,
    largestLazyChunk: lazyChunks[0] ?? null,
    contributors: topContributors(stats, initial.js),
    eagerLazyRouteCode: eagerLazyRouteCode(stats, initial.js),
  };
}

/**
 * The files a first visit loads: scripts, module preloads and stylesheets named in index.html,
 * plus, transitively, every chunk a loaded script imports statically.
 * @param {string} indexHtml
 * @param {Stats} stats
 * @returns {{ js: string[], css: string[] }}
 */
export function initialFiles(indexHtml, stats) {
  const referenced = referencedFiles(indexHtml);
  const js = new Set();
  const pending = referenced.filter((file) => file.endsWith('.js'));
  while (pending.length > 0) {
    const file = /** @type {string} */ (pending.pop());
    if (js.has(file)) continue;
    js.add(file);
    for (const imported of stats.outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement') pending.push(imported.path);
    }
  }
  return {
    js: [...js].sort(),
    css: [...new Set(referenced.filter((file) => file.endsWith('.css')))].sort(),
  };
}

/**
 * Local files referenced by `<script src>` and `<link href>` (stylesheet, modulepreload) tags,
 * and by the script loader that Angular's `autoCsp` writes instead of `<script src>` tags
 * (an inline `var scripts = [['main-X.js', 'module', false, false]];`).
 * @param {string} html
 * @returns {string[]}
 */
export function referencedFiles(html) {
  const urls = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const isLink = /^<link/i.test(tag);
    const rel = attribute(tag, 'rel')?.toLowerCase() ?? '';
    if (isLink && !['stylesheet', 'modulepreload'].includes(rel)) continue;
    const url = attribute(tag, isLink ? 'href' : 'src');
    if (url) urls.push(url);
  }
  for (const [, list] of html.matchAll(/\bvar scripts = \[((?:\[[^\]]*\],?\s*)+)\];/g)) {
    for (const [, url] of list.matchAll(/\[\s*'([^']+)'/g)) urls.push(url);
  }
  return urls
    .filter((url) => !/^(?:[a-z]+:)?\/\//i.test(url))
    .map((url) => url.replace(/^\.?\//, ''));
}

/**
 * @param {string} tag
 * @param {string} name
 */
function attribute(tag, name) {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/**
 * @param {Stats} stats
 * @param {string[]} initialJs
 */
function lazyJsFiles(stats, initialJs) {
  return Object.keys(stats.outputs).filter(
    (file) => file.endsWith('.js') && !initialJs.includes(file),
  );
}

/**
 * A lazy chunk's name: its entry point's file name (`login-page`), else what most of it is.
 * @param {StatsOutput} output
 */
function chunkName(output) {
  if (output.entryPoint) return path.basename(output.entryPoint).replace(/\.[cm]?[jt]s$/, '');
  const groups = groupInputs(Object.entries(output.inputs ?? {}));
  const [largest] = [...groups].sort((a, b) => b[1] - a[1]);
  return largest ? `shared: ${largest[0]}` : 'shared';
}

/**
 * What the initial JS is made of, by npm package or app folder, largest first.
 * `raw` is minified bytes in the output; `share` is the part of all initial JS.
 * @param {Stats} stats
 * @param {string[]} initialJs
 * @returns {Contributor[]}
 */
export function topContributors(stats, initialJs) {
  const inputs = initialJs.flatMap((file) => Object.entries(stats.outputs[file]?.inputs ?? {}));
  const groups = groupInputs(inputs);
  const total = [...groups.values()].reduce((sum, bytes) => sum + bytes, 0);
  return [...groups]
    .map(([name, raw]) => ({ name, raw, share: total === 0 ? 0 : raw / total }))
    .sort((a, b) => b.raw - a.raw);
}

/**
 * @param {[string, { bytesInOutput: number }][]} inputs
 * @returns {Map<string, number>}
 */
function groupInputs(inputs) {
  const groups = new Map();
  for (const [input, { bytesInOutput }] of inputs) {
    const group = inputGroup(input);
    groups.set(group, (groups.get(group) ?? 0) + bytesInOutput);
  }
  return groups;
}

/**
 * `node_modules/@angular/core/…` → `@angular/core`; `src/app/auth/x.ts` → `src/app/auth/`;
 * `src/main.ts` → `src/main.ts`.
 * @param {string} input
 */
export function inputGroup(input) {
  const normalized = input.replace(/\\/g, '/').replace(/^(?:[a-z-]+:)+/i, '');
  const modules = normalized.lastIndexOf('node_modules/');
  if (modules !== -1) {
    const parts = normalized.slice(modules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const app = /^(src\/app\/[^/]+\/)/.exec(normalized);
  return app ? app[1] : normalized;
}

/**
 * The share of the initial JS that comes from some of its sources (e.g. the in-browser server).
 * @param {Contributor[]} contributors
 * @param {string[]} names as `inputGroup` names them
 * @returns {{ raw: number, share: number }}
 */
export function shareOf(contributors, names) {
  const picked = contributors.filter((c) => names.includes(c.name));
  return {
    raw: picked.reduce((sum, c) => sum + c.raw, 0),
    share: picked.reduce((sum, c) => sum + c.share, 0),
  };
}

/**
 * Source files of lazy-loaded entry points (routes' `loadComponent`) that also landed in the
 * initial JS: each one means a route is not really lazy.
 * @param {Stats} stats
 * @param {string[]} initialJs
 */
function eagerLazyRouteCode(stats, initialJs) {
  const initialInputs = new Set(
    initialJs.flatMap((file) => Object.keys(stats.outputs[file]?.inputs ?? {})),
  );
  return lazyJsFiles(stats, initialJs)
    .map((file) => stats.outputs[file].entryPoint)
    .filter((entry) => entry !== undefined && initialInputs.has(entry))
    .map(String);
}

/**
 * Raw and gzip size of some bytes.
 * @param {Buffer} bytes
 * @returns {Size}
 */
export function sizeOfBytes(bytes) {
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: GZIP_LEVEL }).length };
}

/** @param {Size[]} sizes @returns {Size} */
export function sumSizes(sizes) {
  return sizes.reduce((sum, size) => ({ raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip }), {
    raw: 0,
    gzip: 0,
  });
}
