import {
  FetchBackend,
  HttpClient,
  HttpErrorResponse,
  HttpResponse,
  HttpXhrBackend,
  provideHttpClient,
  withFetch,
} from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom, of } from 'rxjs';

import { API_PATHS } from '../api-contract';
import { startServer } from './in-memory-backend';
import {
  clearServerStorage,
  refusal,
  setUpMockApi,
  TEST_PASSWORD_ITERATIONS,
} from './testing/mock-api-harness';
import { MOCK_SERVER_LOADER, type StartServer } from './mock-api-tokens';
import { provideMockApi } from './provide-mock-api';

describe('MockApiBackend', () => {
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

  describe('loading the server', () => {
    /** A loader that counts its calls; it fails while `failing` is true. */
    function countingLoader() {
      const loader = { calls: 0, failing: false };
      const load = (): Promise<StartServer> => {
        loader.calls++;
        return loader.failing
          ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
          : Promise.resolve(startServer);
      };
      return { loader, provider: { provide: MOCK_SERVER_LOADER, useValue: load } };
    }

    it('loads the server code on the first api/ request only, and once', async () => {
      const network = fakeNetwork();
      const { loader, provider } = countingLoader();
      const { http } = await setUpMockApi({
        providers: [provider, { provide: HttpXhrBackend, useValue: network }],
      });
      await firstValueFrom(http.get('assets/config.json', { responseType: 'text' }));

      expect(loader.calls).toBe(0);

      const answers = await Promise.all([
        refusal(http.get(API_PATHS.me)),
        refusal(http.get(API_PATHS.todos)),
      ]);

      expect(answers.map((answer) => answer.status)).toEqual([401, 401]);
      expect(loader.calls).toBe(1);
    });

    it('answers 503 with a clear message when the code cannot be loaded, and retries next time', async () => {
      const { loader, provider } = countingLoader();
      const { http } = await setUpMockApi({ providers: [provider] });
      loader.failing = true;

      const failure = await refusal(http.get(API_PATHS.me));

      expect(failure).toEqual(jasmine.any(HttpErrorResponse));
      expect(failure.status).toBe(503);
      expect(failure.error).toEqual({
        error: 'server_error',
        message: jasmine.stringMatching(
          /^The in-browser server could not be loaded \(Failed to fetch dynamically imported module\)/,
        ),
      });

      loader.failing = false;

      expect((await refusal(http.get(API_PATHS.me))).status).toBe(401);
      expect(loader.calls).toBe(2);
    });
  });

  it('refuses to start when listed before provideHttpClient(), instead of silently using the network', () => {
    TestBed.configureTestingModule({ providers: [provideMockApi(), provideHttpClient()] });

    expect(() => TestBed.inject(HttpClient)).toThrowError(
      /provideMockApi\(\) must be listed after provideHttpClient\(\)/,
    );
  });
});
