// @ts-check
/** Unit tests for bundle-cost.mjs (run with `npm run test:scripts`). */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

import {
  initialFiles,
  inputGroup,
  measureBuild,
  referencedFiles,
  topContributors,
} from './bundle-cost.mjs';

/** index.html as the Angular CLI writes it, critical CSS inlined and the stylesheet deferred. */
const INDEX_HTML = `<!doctype html><html><head><base href="/">
<link rel="icon" type="image/x-icon" href="favicon.ico">
<style>:root{--bs-blue:#0d6efd}</style><link rel="stylesheet" href="styles-AB12.css" media="print" onload="this.media='all'"><noscript><link rel="stylesheet" href="styles-AB12.css"></noscript>
<link rel="modulepreload" href="chunk-CORE.js">
<link rel="preconnect" href="https://fonts.example.com">
</head><body><app-root></app-root>
<script src="main-XY.js" type="module"></script>
<script src="https://cdn.example.com/analytics.js"></script></body></html>`;

/**
 * @param {Record<string, import('./bundle-cost.mjs').StatsOutput>} outputs
 * @returns {import('./bundle-cost.mjs').Stats}
 */
const stats = (outputs) => ({ outputs });

/** main imports two chunks statically, one of which imports a third; one route is lazy. */
const STATS = stats({
  'main-XY.js': {
    bytes: 300,
    entryPoint: 'src/main.ts',
    imports: [
      { path: 'chunk-CORE.js', kind: 'import-statement' },
      { path: 'chunk-AUTH.js', kind: 'import-statement' },
      { path: 'chunk-LOGIN.js', kind: 'dynamic-import' },
    ],
    inputs: {
      'src/main.ts': { bytesInOutput: 100 },
      'src/app/auth/store.ts': { bytesInOutput: 200 },
    },
  },
  'chunk-AUTH.js': {
    bytes: 50,
    imports: [{ path: 'chunk-JOSE.js', kind: 'import-statement' }],
    inputs: { 'src/app/auth/api.ts': { bytesInOutput: 50 } },
  },
  'chunk-CORE.js': {
    bytes: 600,
    inputs: {
      'node_modules/@angular/core/fesm2022/core.mjs': { bytesInOutput: 500 },
      'node_modules/rxjs/dist/esm/index.js': { bytesInOutput: 100 },
    },
  },
  'chunk-JOSE.js': {
    bytes: 150,
    inputs: { 'node_modules/jose/dist/webapi/index.js': { bytesInOutput: 150 } },
  },
  'chunk-LOGIN.js': {
    bytes: 80,
    entryPoint: 'src/app/login/login-page.ts',
    imports: [{ path: 'chunk-CORE.js', kind: 'import-statement' }],
    inputs: { 'src/app/login/login-page.ts': { bytesInOutput: 80 } },
  },
  'styles-AB12.css': { bytes: 40 },
});

describe('referencedFiles', () => {
  it('lists the local scripts, module preloads and stylesheets, not icons or other origins', () => {
    assert.deepEqual(referencedFiles(INDEX_HTML), [
      'styles-AB12.css',
      'styles-AB12.css',
      'chunk-CORE.js',
      'main-XY.js',
    ]);
  });

  it("reads the scripts of the loader that Angular's autoCsp writes instead of <script src>", () => {
    const html = `<head><meta http-equiv="Content-Security-Policy" content="script-src 'strict-dynamic'">
<link rel="modulepreload" href="chunk-CORE.js"></head><body><app-root></app-root><script>
  var scripts = [['main-XY.js', 'module', false, false], ['polyfills-Q.js', 'module', false, false]];
  scripts.forEach(function(scriptUrl) {
    var s = document.createElement('script');
    s.src = scriptUrl[0];
  });
</script></body>`;
    assert.deepEqual(referencedFiles(html), ['chunk-CORE.js', 'main-XY.js', 'polyfills-Q.js']);
  });

  it('reads single-quoted, unquoted and ./-relative attributes', () => {
    const html = `<script type=module src=./a.js></script><link href='b.css' rel='stylesheet'>`;
    assert.deepEqual(referencedFiles(html), ['a.js', 'b.css']);
  });
});

describe('initialFiles', () => {
  it('follows static imports transitively but not dynamic ones', () => {
    assert.deepEqual(initialFiles(INDEX_HTML, STATS), {
      js: ['chunk-AUTH.js', 'chunk-CORE.js', 'chunk-JOSE.js', 'main-XY.js'],
      css: ['styles-AB12.css'],
    });
  });
});

describe('inputGroup', () => {
  it('groups by npm package, scoped or not, and by app folder', () => {
    assert.equal(inputGroup('node_modules/@angular/core/fesm2022/core.mjs'), '@angular/core');
    assert.equal(inputGroup('node_modules/jose/dist/webapi/index.js'), 'jose');
    assert.equal(inputGroup('angular:jit-mode:node_modules/rxjs/x.js'), 'rxjs');
    assert.equal(inputGroup('src/app/mock-api/router.ts'), 'src/app/mock-api/');
    assert.equal(inputGroup('src/main.ts'), 'src/main.ts');
  });
});

describe('topContributors', () => {
  it('sums the initial chunks by source, largest first, with each share of the whole', () => {
    const initialJs = ['main-XY.js', 'chunk-AUTH.js', 'chunk-CORE.js', 'chunk-JOSE.js'];
    const contributors = topContributors(STATS, initialJs);
    assert.deepEqual(
      contributors.map(({ name, raw }) => [name, raw]),
      [
        ['@angular/core', 500],
        ['src/app/auth/', 250],
        ['jose', 150],
        ['src/main.ts', 100],
        ['rxjs', 100],
      ],
    );
    assert.equal(contributors[0].share, 500 / 1100);
  });
});

describe('measureBuild', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bundle-cost-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Writes a build folder with files of the sizes in STATS and the given stats. */
  function writeBuild(/** @type {import('./bundle-cost.mjs').Stats} */ buildStats) {
    mkdirSync(path.join(dir, 'browser'), { recursive: true });
    writeFileSync(path.join(dir, 'browser', 'index.html'), INDEX_HTML);
    for (const [file, output] of Object.entries(buildStats.outputs)) {
      writeFileSync(path.join(dir, 'browser', file), 'x'.repeat(output.bytes));
    }
    writeFileSync(path.join(dir, 'stats.json'), JSON.stringify(buildStats));
  }

  it('adds up raw and gzip sizes of the initial JS and CSS and finds the largest lazy chunk', () => {
    writeBuild(STATS);
    const cost = measureBuild(dir);
    assert.deepEqual(cost.js.raw, 300 + 50 + 600 + 150);
    assert.equal(cost.css.raw, 40);
    assert.equal(cost.total.raw, 1140);
    assert.ok(cost.js.gzip > 0 && cost.js.gzip < cost.js.raw, 'gzip shrinks repeated bytes');
    assert.equal(cost.total.gzip, cost.js.gzip + cost.css.gzip);
    assert.deepEqual(
      cost.largestLazyChunk && [cost.largestLazyChunk.file, cost.largestLazyChunk.name],
      ['chunk-LOGIN.js', 'login-page'],
    );
    assert.deepEqual(cost.eagerLazyRouteCode, []);
  });

  it('names a lazy route whose code also sits in the initial bundle', () => {
    const eager = structuredClone(STATS);
    eager.outputs['main-XY.js'].inputs = {
      ...eager.outputs['main-XY.js'].inputs,
      'src/app/login/login-page.ts': { bytesInOutput: 80 },
    };
    writeBuild(eager);
    assert.deepEqual(measureBuild(dir).eagerLazyRouteCode, ['src/app/login/login-page.ts']);
  });
});
