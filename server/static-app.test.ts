import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { FastifyInstance } from 'fastify';

import { BUNDLE, INDEX_HTML, testServer } from './test-server';

describe('the app as static files (Fastify)', () => {
  let app: FastifyInstance;
  before(async () => (app = await testServer()));
  after(() => app.close());

  it('serves index.html at the root, revalidated on every load', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.body, INDEX_HTML);
    assert.match(String(response.headers['content-type']), /^text\/html/);
    assert.equal(response.headers['cache-control'], 'no-cache');
  });

  it('answers a deep link and its reload with index.html and status 200', async () => {
    for (const url of ['/dashboard', '/admin/users?page=2', '/todos/42/']) {
      const response = await app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 200, url);
      assert.equal(response.body, INDEX_HTML, url);
    }
  });

  it('serves hashed bundles as immutable, other files as they are', async () => {
    const bundle = await app.inject({ method: 'GET', url: `/${BUNDLE}` });
    assert.equal(bundle.statusCode, 200);
    assert.equal(bundle.headers['cache-control'], 'public, max-age=31536000, immutable');
    const logo = await app.inject({ method: 'GET', url: '/media/logo.svg' });
    assert.equal(logo.statusCode, 200);
    assert.match(String(logo.headers['content-type']), /^image\/svg\+xml/);
  });

  it('never answers an API path with the app: unknown API paths get the JSON 404', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/dashboard' });
    assert.equal(response.statusCode, 404);
    assert.match(String(response.headers['content-type']), /^application\/json/);
  });

  it('answers a POST to a page path with a JSON 404, not the app', async () => {
    const response = await app.inject({ method: 'POST', url: '/dashboard', payload: '' });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json<{ error: string }>().error, 'not_found');
  });

  it('reports its health once the storage answers', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'ok' });
  });
});
