// @ts-check
/** Unit tests for base-path.mjs (run with `npm run test:scripts`). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { normalizeBasePath, readBaseHref, routeUnderBasePath } from './base-path.mjs';

describe('normalizeBasePath', () => {
  it('adds the missing slashes around a repository name', () => {
    assert.equal(normalizeBasePath('jwt-demo'), '/jwt-demo/');
    assert.equal(normalizeBasePath('/jwt-demo'), '/jwt-demo/');
    assert.equal(normalizeBasePath('/jwt-demo/'), '/jwt-demo/');
    assert.equal(normalizeBasePath(' /a//b/ '), '/a/b/');
  });

  it('keeps a site at the root of its domain at /', () => {
    assert.equal(normalizeBasePath('/'), '/');
    assert.equal(normalizeBasePath(''), '/');
  });

  it('refuses full URLs, dot segments and characters that need escaping', () => {
    for (const input of [
      'https://user.github.io/repo/',
      '/../etc/',
      '/repo/./',
      '/my repo/',
      '/r?x',
    ]) {
      assert.throws(() => normalizeBasePath(input), /must be a URL path/, input);
    }
  });
});

describe('readBaseHref', () => {
  it('reads the base href that the Angular build wrote', () => {
    assert.equal(readBaseHref('<head><base href="/jwt-demo/">\n</head>'), '/jwt-demo/');
  });

  it('returns null for a page without a base element', () => {
    assert.equal(readBaseHref('<head><title>x</title></head>'), null);
  });
});

describe('routeUnderBasePath', () => {
  it('maps paths under the base into the served folder, query included', () => {
    assert.deepEqual(routeUnderBasePath('/jwt-demo/', '/jwt-demo/'), { kind: 'inside', url: '/' });
    assert.deepEqual(routeUnderBasePath('/jwt-demo/', '/jwt-demo/main-X.js'), {
      kind: 'inside',
      url: '/main-X.js',
    });
    assert.deepEqual(routeUnderBasePath('/jwt-demo/', '/jwt-demo/login?returnUrl=%2Fadmin'), {
      kind: 'inside',
      url: '/login?returnUrl=%2Fadmin',
    });
  });

  it('redirects the base without its trailing slash, as GitHub Pages does', () => {
    assert.deepEqual(routeUnderBasePath('/jwt-demo/', '/jwt-demo?x=1'), {
      kind: 'redirect',
      location: '/jwt-demo/?x=1',
    });
  });

  it('does not serve the app outside its base path', () => {
    assert.deepEqual(routeUnderBasePath('/jwt-demo/', '/dashboard'), { kind: 'outside' });
    assert.deepEqual(routeUnderBasePath('/jwt-demo/', '/jwt-demo-other/'), { kind: 'outside' });
  });

  it('serves everything when the base is the root', () => {
    assert.deepEqual(routeUnderBasePath('/', '/profile'), { kind: 'inside', url: '/profile' });
  });
});
