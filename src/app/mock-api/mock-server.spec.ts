import type { HttpClient } from '@angular/common/http';
import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';

import { API_PATHS } from '../api-contract';
import {
  bearer,
  type MockApiHarness,
  refusal,
  send,
  setUpMockApi,
  signIn,
} from './testing/mock-api-harness';
import { STATE_KEY } from './server-db';

describe('Mock API server adapter and router', () => {
  let server: MockApiHarness;
  let http: HttpClient;

  beforeEach(async () => {
    server = await setUpMockApi();
    http = server.http;
  });

  it('answers unknown api/ paths with 404 not_found', async () => {
    const error = await refusal(http.get('api/nothing/here'));

    expect(error.status).toBe(404);
    expect(error.error).toEqual({
      error: 'not_found',
      message: 'There is no endpoint GET api/nothing/here.',
    });
  });

  it('routes absolute same-origin URLs, trailing slashes and query strings like the relative path', async () => {
    const { accessToken } = await signIn(http);
    const url = new URL(`${API_PATHS.todos}/`, document.baseURI).href;
    const response = await send(
      http.get(url, { ...bearer(accessToken), params: { page: 1 }, observe: 'response' }),
    );

    expect(response.status).toBe(200);
  });

  it('answers 400 invalid_request for a body that is not JSON', async () => {
    const headers = new HttpHeaders({ 'Content-Type': 'application/json' });
    const error = await refusal(http.post(API_PATHS.login, '{"username": "demo",', { headers }));

    expect(error.status).toBe(400);
    expect(error.error).toEqual({
      error: 'invalid_request',
      message: 'The request body is not valid JSON.',
    });
  });

  it('accepts a body that was already serialised to a JSON string', async () => {
    const headers = new HttpHeaders({ 'Content-Type': 'application/json' });
    const body = JSON.stringify({ username: 'demo', password: 'demo1234' });

    expect(
      (await send(http.post(API_PATHS.login, body, { headers, observe: 'response' }))).status,
    ).toBe(200);
  });

  it('gives client code a standard HttpErrorResponse with status text, url, headers and the JSON body', async () => {
    const error = await refusal(http.get(API_PATHS.me));

    expect(error).toEqual(jasmine.any(HttpErrorResponse));
    expect(error.statusText).toBe('Unauthorized');
    expect(error.url).toBe(API_PATHS.me);
    expect(error.headers.get('Content-Type')).toBe('application/json');
    expect(error.error.error).toBe('missing_token');
    expect(error.message).toContain('401 Unauthorized');
  });

  it('answers 500 server_error and logs the failure when a handler throws', async () => {
    const failingStorage = {
      getItem: (key: string) => localStorage.getItem(key),
      removeItem: (key: string) => localStorage.removeItem(key),
      setItem: (key: string, value: string) => {
        if (key === STATE_KEY)
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        localStorage.setItem(key, value);
      },
    } as Storage;
    TestBed.resetTestingModule();
    const broken = await setUpMockApi({ storage: failingStorage });
    const logged = spyOn(console, 'error');

    const error = await refusal(
      broken.http.post(API_PATHS.login, { username: 'demo', password: 'demo1234' }),
    );

    expect(error.status).toBe(500);
    expect(error.error).toEqual({
      error: 'server_error',
      message: 'The server failed unexpectedly. Please try again.',
    });
    expect(logged).toHaveBeenCalled();
  });

  describe('latency', () => {
    it('delays every response by the set latency, errors included', async () => {
      await server.controls.setLatency(300);
      const timed = async (request: Promise<unknown>) => {
        const started = performance.now();
        await request.catch(() => undefined);
        return performance.now() - started;
      };

      const success = await timed(signIn(http));
      const unauthorized = await timed(refusal(http.get(API_PATHS.me)));
      const notFound = await timed(refusal(http.get('api/unknown')));

      for (const elapsed of [success, unauthorized, notFound])
        expect(elapsed).toBeGreaterThanOrEqual(295);
    });
  });

  describe('without Web Crypto (plain http from a non-localhost address)', () => {
    beforeEach(async () => {
      TestBed.resetTestingModule();
      server = await setUpMockApi({ isSecureContext: () => false });
      http = server.http;
    });

    const everyEndpoint: [string, string][] = [
      ['POST', API_PATHS.register],
      ['POST', API_PATHS.login],
      ['POST', API_PATHS.refresh],
      ['POST', API_PATHS.logout],
      ['GET', API_PATHS.me],
      ['PATCH', API_PATHS.me],
      ['GET', API_PATHS.todos],
      ['POST', API_PATHS.todos],
      ['PATCH', `${API_PATHS.todos}/1`],
      ['DELETE', `${API_PATHS.todos}/1`],
      ['GET', API_PATHS.adminUsers],
      ['GET', 'api/unknown'],
    ];
    for (const [method, url] of everyEndpoint) {
      it(`answers ${method} ${url} with 503 insecure_context`, async () => {
        const error = await refusal(http.request(method, url, { body: {} }));

        expect(error.status).toBe(503);
        expect(error.error.error).toBe('insecure_context');
        expect(error.error.message).toContain('https or at http://localhost');
      });
    }

    it('still lets the demo controls change settings', async () => {
      await server.controls.setLatency(10);

      expect(server.controls.settings().latency).toBe(10);
    });
  });
});
