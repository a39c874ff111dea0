// @ts-check
/**
 * Import circles in the app's own code: `a.ts` imports `b.ts`, which (perhaps through others)
 * imports `a.ts` again. A circle means neither file can be read, tested or moved on its own, and
 * the order in which they initialise decides whether a value is there yet. Specs and test-only
 * `testing/` folders are left out: they import what they test, never the other way round.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Every relative static import or re-export (`from './x'`, types included) in `source`. A dynamic
 * `import('./x')` is left out: it loads a lazy chunk on demand, long after both files have
 * initialised, which is what it is for.
 */
/** @param {string} source @returns {string[]} */
export function relativeImports(source) {
  return [...source.matchAll(/\bfrom\s*'(\.{1,2}\/[^']+)'/g)].map((match) => match[1]);
}

/** `.ts` files under `dir`, specs and test-only folders excluded, as absolute paths. */
/** @param {string} dir @returns {string[]} */
export function sourceFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(
      (entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'),
    )
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.split(path.sep).includes('testing'));
}

/**
 * The circles in a graph given as file → the files it imports, each once, as the list of files
 * from its smallest member round to just before it comes back.
 */
/**
 * @param {Map<string, string[]>} graph
 * @returns {string[][]}
 */
export function findCycles(graph) {
  /** @type {Map<string, string[]>} */
  const cycles = new Map();
  /** @param {string} file @param {string[]} trail */
  const visit = (file, trail) => {
    const at = trail.indexOf(file);
    if (at >= 0) {
      const cycle = trail.slice(at);
      const start = cycle.indexOf([...cycle].sort()[0]);
      const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
      cycles.set(rotated.join(' → '), rotated);
      return;
    }
    for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
  };
  for (const file of graph.keys()) visit(file, []);
  return [...cycles.values()];
}

/** The import graph of the `.ts` files under `dir` (relative imports that resolve to one of them). */
/** @param {string} dir @returns {Map<string, string[]>} */
export function importGraph(dir) {
  const files = new Set(sourceFiles(dir));
  /** @type {Map<string, string[]>} */
  const graph = new Map();
  for (const file of files) {
    const targets = relativeImports(readFileSync(file, 'utf8'))
      .map((spec) => path.resolve(path.dirname(file), spec) + '.ts')
      .filter((target) => files.has(target));
    graph.set(file, targets);
  }
  return graph;
}
