import type { HttpClient } from '@angular/common/http';
import { HttpHeaders } from '@angular/common/http';

import { API_PATHS } from '../api-contract';
import { type MockApiHarness, refusal, send, setUpMockApi } from './testing/mock-api-harness';
import { MAX_BODY_BYTES } from './request-body';

describe('Mock API router: methods, media types and body size', () => {
  let server: MockApiHarness;
  let http: HttpClient;

  beforeEach(async () => {
    server = await setUpMockApi();
    http = server.http;
  });

  const json = new HttpHeaders({ 'Content-Type': 'application/json' });
  /** A sign-in body of exactly `bytes` bytes of UTF-8. */
  const loginBodyOf = (bytes: number) => {
    const frame = '{"username":"demo","password":""}';
    return `{"username":"demo","password":"${'x'.repeat(bytes - frame.length)}"}`;
  };

  for (const [method, path, allow] of [
    ['PUT', API_PATHS.todos, 'GET, POST'],
    ['DELETE', API_PATHS.login, 'POST'],
    ['GET', API_PATHS.refresh, 'POST'],
  ] as const) {
    it(`answers ${method} ${path} with 405 and Allow: ${allow}`, async () => {
      const error = await refusal(http.request(method, path, { body: {} }));

      expect(error.status).toBe(405);
      expect(error.headers.get('Allow')).toBe(allow);
      expect(error.error).toEqual({
        error: 'method_not_allowed',
        message: `${path} does not answer ${method} (it answers ${allow}).`,
      });
    });
  }

  it('still answers 404 for a path it does not know', async () => {
    expect((await refusal(http.get('api/nothing/here'))).status).toBe(404);
  });

  for (const [description, headers] of [
    ['no Content-Type (sent as text/plain)', undefined],
    ['Content-Type: text/plain', new HttpHeaders({ 'Content-Type': 'text/plain' })],
    [
      'Content-Type: application/x-www-form-urlencoded',
      new HttpHeaders({ 'Content-Type': 'application/x-www-form-urlencoded' }),
    ],
  ] as const) {
    it(`answers a JSON text body with ${description} with 415`, async () => {
      const body = JSON.stringify({ username: 'demo', password: 'demo1234' });
      const error = await refusal(http.post(API_PATHS.login, body, { headers }));

      expect(error.status).toBe(415);
      expect(error.error.error).toBe('unsupported_media_type');
      expect(error.error.message).toContain('application/json');
    });
  }

  it('accepts application/json with a charset parameter', async () => {
    const headers = new HttpHeaders({ 'Content-Type': 'Application/JSON; charset=utf-8' });
    const body = JSON.stringify({ username: 'demo', password: 'demo1234' });

    expect(
      (await send(http.post(API_PATHS.login, body, { headers, observe: 'response' }))).status,
    ).toBe(200);
  });

  it(`answers a body over ${MAX_BODY_BYTES} bytes with 413, and one of exactly that size as usual`, async () => {
    const tooLarge = await refusal(
      http.post(API_PATHS.login, loginBodyOf(MAX_BODY_BYTES + 1), { headers: json }),
    );
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.error.error).toBe('payload_too_large');

    const largest = await refusal(
      http.post(API_PATHS.login, loginBodyOf(MAX_BODY_BYTES), { headers: json }),
    );
    expect(largest.status).withContext('the password rule refuses it').toBe(400);
  });

  it('counts bytes, not characters', async () => {
    const body = `{"username":"demo","password":"${'é'.repeat(MAX_BODY_BYTES / 2)}"}`;
    expect(body.length).toBeLessThan(MAX_BODY_BYTES);

    expect((await refusal(http.post(API_PATHS.login, body, { headers: json }))).status).toBe(413);
  });
});
