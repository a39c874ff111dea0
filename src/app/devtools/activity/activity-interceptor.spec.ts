import {
  HttpClient,
  HttpErrorResponse,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import {
  HttpTestingController,
  TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { API_PATHS } from '../../api-contract';
import { authInterceptor } from '../../auth/auth-interceptor';
import { AuthSettings } from '../../auth/auth-settings';
import { AuthStore } from '../../auth/auth-store';
import { provideJwtDecoder } from '../../auth/provide-auth';
import { AuthTesting, clearAuthStorage, signInWith } from '../../auth/testing/auth-testing';
import { until } from '../../testing/until';
import { fakeTokenResponse } from '../../auth/testing/fake-tokens';
import { TOKENS_KEY } from '../../auth/token-storage';
import { activityInterceptor, pathFromBase } from './activity-interceptor';
import { ActivityLog } from './activity-log';
import { provideActivityTrace } from './activity-trace';

const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };
const EXPIRED = { error: 'invalid_token', message: 'the access token expired' };

describe('activityInterceptor', () => {
  let http: HttpClient;
  let httpMock: HttpTestingController;
  let log: ActivityLog;
  let store: AuthStore;

  beforeEach(() => {
    clearAuthStorage();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor, activityInterceptor])),
        provideHttpClientTesting(),
        provideJwtDecoder(),
        provideActivityTrace(),
      ],
    });
    http = TestBed.inject(HttpClient);
    httpMock = TestBed.inject(HttpTestingController);
    log = TestBed.inject(ActivityLog);
    store = TestBed.inject(AuthStore);
  });

  afterEach(() => {
    httpMock.verify();
    clearAuthStorage();
  });

  const summaries = () => log.rows().map((row) => `${row.method} ${row.path} ${row.status}`);
  /** The one request to `url`, once it is sent (a refresh may first wait for a lock). */
  async function requested(url: string): Promise<TestRequest> {
    let found: TestRequest[] = [];
    // `match` takes what it finds off the open requests, so it is called until it finds one.
    await until(() => (found = httpMock.match(url)).length > 0, `a request to ${url}`);
    expect(found.length).withContext(`requests to ${url}`).toBe(1);
    return found[0];
  }

  const signIn = (accessIn = 60) =>
    signInWith({ store, httpMock } as AuthTesting, fakeTokenResponse({ accessIn }));

  describe('timing', () => {
    beforeEach(() => {
      jasmine.clock().install();
      jasmine.clock().mockDate(new Date(2030, 0, 1, 12, 0, 0));
    });
    afterEach(() => jasmine.clock().uninstall());

    it('records time, method, path from the base, status and duration of a request', async () => {
      const response = firstValueFrom(http.get(API_PATHS.todos));
      expect(log.rows()[0]).toEqual(
        jasmine.objectContaining({ method: 'GET', path: '/api/todos', status: null }),
      );

      jasmine.clock().tick(125);
      httpMock.expectOne(API_PATHS.todos).flush([]);
      await response;

      expect(log.rows()).toEqual([
        jasmine.objectContaining({
          startedAt: new Date(2030, 0, 1, 12, 0, 0).getTime(),
          method: 'GET',
          path: '/api/todos',
          status: 200,
          durationMs: 125,
          tags: [],
          refreshId: null,
        }),
      ]);
    });
  });

  it('passes a server error through unchanged and records its status and message', async () => {
    const response = firstValueFrom(http.post(API_PATHS.todos, { title: 'x' }));
    const body = { error: 'server_error', message: 'The server broke.' };
    httpMock
      .expectOne(API_PATHS.todos)
      .flush(body, { status: 500, statusText: 'Internal Server Error' });

    const error = await response.then(
      () => fail('expected an error'),
      (failure: unknown) => failure,
    );
    expect(error).toEqual(jasmine.any(HttpErrorResponse));
    expect((error as HttpErrorResponse).error).toEqual(body);
    expect(summaries()).toEqual(['POST /api/todos 500']);
    expect(log.rows()[0].detail).toBe('The server broke.');
  });

  it('records a network error as status 0 and still fails the caller', async () => {
    const response = firstValueFrom(http.get(API_PATHS.me));
    httpMock.expectOne(API_PATHS.me).error(new ProgressEvent('error'));

    await expectAsync(response).toBeRejectedWith(jasmine.objectContaining({ status: 0 }));
    expect(summaries()).toEqual(['GET /api/users/me 0']);
  });

  it('tags a request that is cancelled before its answer', () => {
    const subscription = http.get(API_PATHS.todos).subscribe();
    const request = httpMock.expectOne(API_PATHS.todos);

    subscription.unsubscribe();

    expect(request.cancelled).toBeTrue();
    expect(log.rows()[0].status).toBeNull();
    expect(log.rows()[0].tags).toEqual(['cancelled']);
  });

  it('records 401 → refresh → retried as one story with the bearer and flow tags', async () => {
    await signIn();
    log.clear();

    const response = firstValueFrom(http.get(API_PATHS.todos));
    httpMock.expectOne(API_PATHS.todos).flush(EXPIRED, UNAUTHORIZED);
    (await requested(API_PATHS.refresh)).flush(fakeTokenResponse());
    (await requested(API_PATHS.todos)).flush([]);
    await response;

    expect(summaries()).toEqual([
      'GET /api/todos 200',
      'POST /api/auth/refresh 200',
      'GET /api/todos 401',
    ]);
    const [retry, refresh, first] = log.rows();
    expect(first.tags).toEqual(['bearer', '401']);
    expect(first.detail).toBe('the access token expired');
    expect(refresh.tags).toEqual(['refresh']);
    expect(retry.tags).toEqual(['bearer', 'retried']);
    expect(refresh.refreshId).not.toBeNull();
    expect(retry.refreshId).toBe(refresh.refreshId);
    expect(first.refreshId).toBe(refresh.refreshId);
    expect(log.counters()).toEqual({ requests: 3, unauthorized: 1, refreshes: 1, retries: 1 });
  });

  it('files every 401 under the refresh it started or joined, even when that refresh fails', async () => {
    await signIn();
    log.clear();

    const todos = firstValueFrom(http.get(API_PATHS.todos)).catch((error: unknown) => error);
    const me = firstValueFrom(http.get(API_PATHS.me)).catch((error: unknown) => error);
    httpMock.expectOne(API_PATHS.todos).flush(EXPIRED, UNAUTHORIZED);
    httpMock.expectOne(API_PATHS.me).flush(EXPIRED, UNAUTHORIZED);
    (await requested(API_PATHS.refresh)).flush(
      { error: 'invalid_grant', message: 'the refresh token was revoked' },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(await todos).toEqual(jasmine.any(HttpErrorResponse));
    expect(await me).toEqual(jasmine.any(HttpErrorResponse));

    expect(summaries()).toEqual([
      'POST /api/auth/refresh 400',
      'GET /api/users/me 401',
      'GET /api/todos 401',
    ]);
    const [refresh, ...unauthorized] = log.rows();
    expect(refresh.refreshId).not.toBeNull();
    expect(unauthorized.map((row) => row.refreshId)).toEqual([
      refresh.refreshId,
      refresh.refreshId,
    ]);
  });

  it('tags a proactive refresh and the request it let through', async () => {
    TestBed.inject(AuthSettings).setProactiveRefresh(true);
    await signIn(1);
    log.clear();

    const response = firstValueFrom(http.get(API_PATHS.todos));
    (await requested(API_PATHS.refresh)).flush(fakeTokenResponse());
    (await requested(API_PATHS.todos)).flush([]);
    await response;

    expect(log.rows().map((row) => row.tags)).toEqual([
      ['bearer', 'proactive'],
      ['refresh', 'proactive'],
    ]);
    expect(log.counters().unauthorized).toBe(0);
  });

  it('tags a request whose token another tab refreshed, and drops the tag after a refresh here', async () => {
    const sid = 'sid-of-both-tabs';
    await signInWith({ store, httpMock } as AuthTesting, fakeTokenResponse({ sid, accessIn: 60 }));
    localStorage.setItem(TOKENS_KEY, JSON.stringify(fakeTokenResponse({ sid, accessIn: 60 })));
    store.syncWithStorage();
    log.clear();

    const adopted = firstValueFrom(http.get(API_PATHS.todos));
    httpMock.expectOne(API_PATHS.todos).flush([]);
    await adopted;
    const refreshed = store.refresh();
    (await requested(API_PATHS.refresh)).flush(fakeTokenResponse({ sid }));
    await refreshed;
    const own = firstValueFrom(http.get(API_PATHS.todos));
    httpMock.expectOne(API_PATHS.todos).flush([]);
    await own;

    expect(log.rows().map((row) => row.tags)).toEqual([
      ['bearer'],
      ['refresh'],
      ['bearer', 'from-other-tab'],
    ]);
  });

  it('records the sign-in call without a bearer tag', async () => {
    await signIn();
    expect(summaries()).toEqual(['POST /api/auth/login 200']);
    expect(log.rows()[0].tags).toEqual([]);
  });
});

describe('pathFromBase', () => {
  it('shows API paths relative to the base, with the query', () => {
    expect(pathFromBase('api/todos', 'http://h/')).toBe('/api/todos');
    expect(pathFromBase('api/todos?done=1', 'http://h/jwt-demo/')).toBe('/api/todos?done=1');
    expect(pathFromBase('http://h/jwt-demo/api/users/me', 'http://h/jwt-demo/index.html')).toBe(
      '/api/users/me',
    );
  });

  it('keeps other origins whole and paths outside the base as they are', () => {
    expect(pathFromBase('https://other.test/x', 'http://h/app/')).toBe('https://other.test/x');
    expect(pathFromBase('/elsewhere', 'http://h/app/')).toBe('/elsewhere');
  });
});
