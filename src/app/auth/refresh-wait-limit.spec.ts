import { TestRequest } from '@angular/common/http/testing';
import { firstValueFrom } from 'rxjs';

import { API_PATHS } from '../api-contract';
import { until } from '../testing/until';
import { REFRESH_UNAVAILABLE } from './auth-errors';
import { REFRESH_WAIT_LIMIT } from './refresh-wait-limit';
import { fakeTokenResponse } from './testing/fake-tokens';
import {
  AuthTesting,
  configureAuthTesting,
  eventsOfType,
  settle,
  signInWith,
} from './testing/auth-testing';
import { REFRESH_LOCK_NAME } from './web-locks';

const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };
const EXPIRED_ACCESS = { error: 'invalid_token', message: 'The access token expired.' };
/** A short wait limit, so the spec can wait it out for real. */
const LIMIT_MS = 150;

// Issue 13, finding 11: a refresh that never answers is given up at the wait limit.
describe('a refresh that never answers', () => {
  let t: AuthTesting;

  beforeEach(() => {
    t = configureAuthTesting([{ provide: REFRESH_WAIT_LIMIT, useValue: LIMIT_MS }]);
  });

  afterEach(() => t.httpMock.verify());

  it('is given up at the wait limit: the lock is free and the next request starts a new refresh', async () => {
    const login = await signInWith(t);
    const first = firstValueFrom(t.http.get(API_PATHS.todos));
    t.httpMock.expectOne(API_PATHS.todos).flush(EXPIRED_ACCESS, UNAUTHORIZED);
    const hung = t.httpMock.expectOne(API_PATHS.refresh);

    await expectAsync(first).toBeRejectedWith(
      jasmine.objectContaining({ error: jasmine.objectContaining({ error: REFRESH_UNAVAILABLE }) }),
    );
    await until(() => !t.locks?.isHeld(REFRESH_LOCK_NAME), 'the refresh lock to be released');
    expect(t.store.refreshInProgress()).toBeFalse();
    expect(eventsOfType(t.events, 'refreshFailed')).toEqual([
      { type: 'refreshFailed', refreshId: 1, transient: true },
    ]);

    const second = firstValueFrom(t.http.get(API_PATHS.todos));
    t.httpMock.expectOne(API_PATHS.todos).flush(EXPIRED_ACCESS, UNAUTHORIZED);
    const fresh = t.httpMock.expectOne(API_PATHS.refresh);
    expect(fresh.request.body).toEqual({ refreshToken: login.refreshToken });
    const renewed = fakeTokenResponse();
    fresh.flush(renewed);
    let retry: TestRequest[] = [];
    await until(() => (retry = t.httpMock.match(API_PATHS.todos)).length > 0, 'the retry');
    expect(retry[0].request.headers.get('Authorization')).toBe(`Bearer ${renewed.accessToken}`);
    retry[0].flush(['second']);
    expect(await second).toEqual(['second']);

    // The given-up call was not cancelled (the server may have rotated already); its late answer
    // belongs to no one and is dropped.
    expect(hung.cancelled).toBeFalse();
    hung.flush(fakeTokenResponse());
    await settle();
    expect(t.store.refreshToken()).toBe(renewed.refreshToken);
  });
});
