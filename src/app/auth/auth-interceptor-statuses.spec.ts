import { HttpErrorResponse } from '@angular/common/http';

import { API_PATHS } from '../api-contract';
import { httpErrorMessage } from '../http-error-message';
import { AuthTesting, configureAuthTesting, settle, signInWith } from './testing/auth-testing';

/** The refusals of the server's HTTP checks: none of them is about the access token. */
const REFUSALS: [status: number, statusText: string, error: string, message: string][] = [
  [
    400,
    'Bad Request',
    'invalid_request',
    'The Authorization header is not of the form Bearer <token>.',
  ],
  [
    405,
    'Method Not Allowed',
    'method_not_allowed',
    'api/todos does not answer PUT (it answers GET, POST).',
  ],
  [413, 'Payload Too Large', 'payload_too_large', 'The request body is larger than 16 kB.'],
  [
    415,
    'Unsupported Media Type',
    'unsupported_media_type',
    'The request body must be sent as application/json.',
  ],
];

describe('authInterceptor with refusals other than 401', () => {
  let t: AuthTesting;

  beforeEach(() => {
    t = configureAuthTesting();
  });

  afterEach(() => {
    t.httpMock.verify();
  });

  for (const [status, statusText, error, message] of REFUSALS) {
    it(`passes a ${status} ${error} to the caller with its message, without refreshing or signing out`, async () => {
      const login = await signInWith(t);
      const eventsBefore = t.events.length;
      let failure: unknown;
      t.http.put(API_PATHS.todos, {}).subscribe({ error: (e: unknown) => (failure = e) });
      t.httpMock.expectOne(API_PATHS.todos).flush({ error, message }, { status, statusText });
      await settle();

      expect((failure as HttpErrorResponse).status).toBe(status);
      expect(httpErrorMessage(failure)).toBe(message);
      expect(t.httpMock.match(API_PATHS.refresh).length).toBe(0);
      expect(t.store.accessToken()).toBe(login.accessToken);
      expect(t.events.length).toBe(eventsBefore);
    });
  }
});
