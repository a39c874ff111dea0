import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { FastifyInstance } from 'fastify';

import type { TokenResponse } from '../src/app/api-contract';
import { send, testServer } from './test-server';

describe('the shared handlers over HTTP (Fastify)', () => {
  let app: FastifyInstance;
  before(async () => (app = await testServer()));
  after(() => app.close());

  const signIn = async () => {
    const response = await send(app, 'POST', '/api/auth/login', {
      username: 'demo',
      password: 'demo1234',
    });
    assert.equal(response.statusCode, 200, response.body);
    return response.json<TokenResponse>();
  };

  it('signs in, answers a protected request with the access token, and never caches tokens', async () => {
    const response = await send(app, 'POST', '/api/auth/login', {
      username: 'DEMO',
      password: 'demo1234',
    });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
    const tokens = response.json<TokenResponse>();
    const me = await send(app, 'GET', '/api/users/me', undefined, {
      authorization: `Bearer ${tokens.accessToken}`,
    });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json<{ username: string }>().username, 'demo');
  });

  it('refuses a wrong password with 401 and a challenge', async () => {
    const response = await send(app, 'POST', '/api/auth/login', {
      username: 'admin',
      password: 'wrong password',
    });
    assert.equal(response.statusCode, 401);
    assert.equal(response.headers['www-authenticate'], 'Password realm="api"');
    assert.equal(response.json<{ error: string }>().error, 'invalid_credentials');
  });

  it('rotates a refresh token once, then treats the old one as reuse and ends the session', async () => {
    const first = await signIn();
    const rotated = await send(app, 'POST', '/api/auth/refresh', {
      refreshToken: first.refreshToken,
    });
    assert.equal(rotated.statusCode, 200);
    const second = rotated.json<TokenResponse>();
    assert.notEqual(second.refreshToken, first.refreshToken);
    const replay = await send(app, 'POST', '/api/auth/refresh', {
      refreshToken: first.refreshToken,
    });
    assert.equal(replay.statusCode, 400);
    assert.match(replay.json<{ message: string }>().message, /reuse was detected/);
    const after = await send(app, 'POST', '/api/auth/refresh', {
      refreshToken: second.refreshToken,
    });
    assert.equal(after.statusCode, 400, 'the whole session ends, its newest token too');
  });

  it('answers a missing token with 401 and a bare Bearer challenge', async () => {
    const response = await send(app, 'GET', '/api/todos');
    assert.equal(response.statusCode, 401);
    assert.equal(response.headers['www-authenticate'], 'Bearer realm="api"');
    assert.equal(response.json<{ error: string }>().error, 'missing_token');
  });

  it('answers a wrong method with 405 and Allow, an unknown API path with a JSON 404', async () => {
    const wrong = await send(app, 'PUT', '/api/auth/login', {});
    assert.equal(wrong.statusCode, 405);
    assert.equal(wrong.headers['allow'], 'POST');
    const unknown = await send(app, 'GET', '/api/nothing/here');
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json<{ error: string }>().error, 'not_found');
  });

  it('refuses a body that is not JSON with 415, malformed JSON with 400, a large one with 413', async () => {
    const text = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'username=demo',
    });
    assert.equal(text.statusCode, 415);
    assert.equal(text.json<{ error: string }>().error, 'unsupported_media_type');
    const broken = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    assert.equal(broken.statusCode, 400);
    assert.equal(broken.json<{ error: string }>().error, 'invalid_request');
    for (const size of [17 * 1024, 200 * 1024]) {
      const large = await send(app, 'POST', '/api/auth/login', { username: 'x'.repeat(size) });
      assert.equal(large.statusCode, 413, `${size} bytes`);
      assert.equal(large.json<{ error: string }>().error, 'payload_too_large');
    }
  });
});
