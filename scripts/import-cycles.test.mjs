// @ts-check
/** No import circles in src/app (run with `npm run test:scripts`). */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { findCycles, importGraph, relativeImports } from './import-cycles.mjs';

const APP = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'app');

describe('import circles', () => {
  it('finds every relative static import form, and leaves lazy loads out', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "export { c } from './c';",
      "const d = () => import('./d');",
      "import { e } from '@angular/core';",
    ].join('\n');
    assert.deepEqual(relativeImports(source), ['./a', '../b', './c']);
  });

  it('finds a circle, however long, once', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);
    assert.deepEqual(findCycles(graph), [['a', 'b', 'c']]);
    assert.deepEqual(
      findCycles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
      [],
    );
  });

  it('src/app has none', () => {
    const graph = importGraph(APP);
    assert.ok(graph.size > 100, `read ${graph.size} files`);
    const cycles = findCycles(graph).map((cycle) =>
      cycle.map((/** @type {string} */ file) => path.relative(APP, file)).join(' → '),
    );
    assert.deepEqual(cycles, []);
  });
});
