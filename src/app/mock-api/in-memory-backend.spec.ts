import {
  FetchBackend,
  HttpClient,
  HttpErrorResponse,
  HttpHeaders,
  HttpRequest,
  HttpResponse,
  HttpXhrBackend,
  provideHttpClient,
  withFetch,
} from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom, of } from 'rxjs';

import { API_PATHS } from '../api-contract';
import { toHttpError } from './in-memory-backend';
import {
  clearServerStorage,
  refusal,
  setUpMockApi,
  TEST_PASSWORD_ITERATIONS,
} from './mock-api-harness';
import { provideMockApi } from './provide-mock-api';

describe('InMemoryBackend', () => {
  afterEach(() => clearServerStorage());

  function fakeNetwork() {
    return {
      handle: jasmine
        .createSpy('handle')
        .and.returnValue(of(new HttpResponse({ status: 200, body: 'from network' }))),
    };
  }

  it('sends URLs outside api/ to the real network backend (XHR by default)', async () => {
    const network = fakeNetwork();
    const { http } = await setUpMockApi({
      providers: [{ provide: HttpXhrBackend, useValue: network }],
    });

    expect(await firstValueFrom(http.get('assets/config.json', { responseType: 'text' }))).toBe(
      'from network',
    );
    expect(
      await firstValueFrom(
        http.get('https://elsewhere.example/api/todos', { responseType: 'text' }),
      ),
    ).toBe('from network');
    expect(network.handle).toHaveBeenCalledTimes(2);
  });

  it('uses the fetch backend for URLs outside api/ when the app asked for withFetch()', async () => {
    const network = fakeNetwork();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withFetch()),
        provideMockApi({ passwordIterations: TEST_PASSWORD_ITERATIONS }),
        { provide: FetchBackend, useValue: network },
      ],
    });
    const http = TestBed.inject(HttpClient);

    expect(await firstValueFrom(http.get('assets/i18n.json', { responseType: 'text' }))).toBe(
      'from network',
    );
  });

  it('keeps api/ requests away from the network', async () => {
    const network = fakeNetwork();
    const { http } = await setUpMockApi({
      providers: [{ provide: HttpXhrBackend, useValue: network }],
    });

    expect((await refusal(http.get(API_PATHS.me))).status).toBe(401);
    expect(network.handle).not.toHaveBeenCalled();
  });

  it('refuses to start when listed before provideHttpClient(), instead of silently using the network', () => {
    TestBed.configureTestingModule({ providers: [provideMockApi(), provideHttpClient()] });

    expect(() => TestBed.inject(HttpClient)).toThrowError(
      /provideMockApi\(\) must be listed after provideHttpClient\(\)/,
    );
  });
});

describe('toHttpError', () => {
  const request = new HttpRequest('GET', 'api/todos');

  it('passes an HttpErrorResponse through unchanged', () => {
    const original = new HttpErrorResponse({ status: 418 });

    expect(toHttpError(original, request)).toBe(original);
  });

  it('maps the library’s plain error object field by field', () => {
    const headers = new HttpHeaders({ 'Retry-After': '3' });
    const body = { error: 'too_many_attempts', message: 'Wait.', retryAfter: 3 };
    const error = toHttpError(
      { status: 429, statusText: 'Too Many Requests', url: 'api/auth/login', headers, body },
      request,
    );

    expect(error).toEqual(jasmine.any(HttpErrorResponse));
    expect(error.status).toBe(429);
    expect(error.statusText).toBe('Too Many Requests');
    expect(error.url).toBe('api/auth/login');
    expect(error.headers.get('Retry-After')).toBe('3');
    expect(error.error).toEqual(body);
  });

  it('turns status 0 into a network error with a ProgressEvent, as a dropped connection gives', () => {
    const error = toHttpError({ status: 0 }, request);

    expect(error.status).toBe(0);
    expect(error.statusText).toBe('Unknown Error');
    expect(error.error).toEqual(jasmine.any(ProgressEvent));
    expect(error.url).toBe('api/todos');
  });

  it('turns a thrown Error into 500 with a contract-shaped body', () => {
    const error = toHttpError(new Error('storage is full'), request);

    expect(error.status).toBe(500);
    expect(error.statusText).toBe('Internal Server Error');
    expect(error.error).toEqual({
      error: 'server_error',
      message: 'The in-browser server failed: storage is full',
    });
  });

  it('wraps the library’s own {error: text} bodies in the contract shape', () => {
    const error = toHttpError({ status: 500, body: { error: 'Unknown command' } }, request);

    expect(error.error).toEqual({
      error: 'server_error',
      message: 'The in-browser server failed: Unknown command',
    });
  });
});
