// @ts-check
/** Unit tests for first-visit.mjs and its report table (run with `npm run test:scripts`). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { buildFile } from './first-visit.mjs';
import { visitsTable } from './report.mjs';

describe('buildFile', () => {
  const base = 'http://127.0.0.1:4321/';

  it('names the JS or CSS file of the build that a request URL asks for', () => {
    assert.equal(buildFile(`${base}chunk-AB12CD34.js`, base), 'chunk-AB12CD34.js');
    assert.equal(buildFile(`${base}styles-7VKTEXX4.css?v=1`, base), 'styles-7VKTEXX4.css');
  });

  it('ignores pages, API calls, other files and other origins', () => {
    assert.equal(buildFile(`${base}login`, base), null);
    assert.equal(buildFile(`${base}api/auth/login`, base), null);
    assert.equal(buildFile(`${base}favicon.ico`, base), null);
    assert.equal(buildFile(`${base}media/font.js/x`, base), null);
    assert.equal(buildFile('https://cdn.example/chunk-AB12CD34.js', base), null);
  });

  it('works for a build served below a sub-path', () => {
    const sub = 'http://127.0.0.1:4321/jwt-demo/';
    assert.equal(buildFile(`${sub}main-XYZ.js`, sub), 'main-XYZ.js');
    assert.equal(buildFile('http://127.0.0.1:4321/main-XYZ.js', sub), null);
  });
});

describe('visitsTable', () => {
  it('lists each page load with its gzip sizes and its ratio to the bare app', () => {
    const size = (/** @type {number} */ gzip) => ({ raw: gzip * 3, gzip });
    const visit = (
      /** @type {string} */ name,
      /** @type {number} */ js,
      /** @type {number} */ css,
    ) => ({
      visit: name,
      files: ['a.js', 'b.css'],
      js: size(js),
      css: size(css),
      total: size(js + css),
    });

    const table = visitsTable([visit('bare', 60_000, 0), visit('login', 75_000, 15_000)]);

    const rows = table.split('\n').slice(3);
    assert.match(rows[0], /^\s+bare\s+2\s+60\.0 kB\s+0\.0 kB\s+60\.0 kB\s+1\.00$/);
    assert.match(rows[1], /^\s+login\s+2\s+75\.0 kB\s+15\.0 kB\s+90\.0 kB\s+1\.50$/);
  });
});
