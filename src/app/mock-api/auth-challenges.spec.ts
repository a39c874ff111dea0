import type { HttpClient } from '@angular/common/http';
import { HttpHeaders } from '@angular/common/http';

import { API_PATHS } from '../api-contract';
import {
  bearer,
  type MockApiHarness,
  refusal,
  setUpMockApi,
  signIn,
} from './testing/mock-api-harness';

/** The `WWW-Authenticate` challenges of RFC 6750 §3 and of the sign-in endpoint. */
describe('Mock API authentication challenges (WWW-Authenticate)', () => {
  let server: MockApiHarness;
  let http: HttpClient;

  beforeEach(async () => {
    server = await setUpMockApi();
    http = server.http;
  });

  const getMe = (authorization?: string) =>
    refusal(
      http.get(API_PATHS.me, {
        headers:
          authorization === undefined
            ? undefined
            : new HttpHeaders({ Authorization: authorization }),
      }),
    );

  for (const [description, authorization, message] of [
    [
      'no Authorization header',
      undefined,
      'the request has no access token (send Authorization: Bearer <token>)',
    ],
    [
      'another scheme',
      'Basic ZGVtbzpkZW1vMTIzNA==',
      'the Authorization header is not a Bearer token (send Authorization: Bearer <token>)',
    ],
  ] as const) {
    it(`answers ${description} with 401 missing_token and a bare Bearer challenge`, async () => {
      const error = await getMe(authorization);

      expect(error.status).toBe(401);
      expect(error.error).toEqual({ error: 'missing_token', message });
      expect(error.headers.get('WWW-Authenticate')).toBe('Bearer realm="api"');
    });
  }

  for (const authorization of ['Bearer', 'Bearer one two']) {
    it(`answers the malformed header "${authorization}" with 400 invalid_request`, async () => {
      const error = await getMe(authorization);

      expect(error.status).toBe(400);
      expect(error.error.error).toBe('invalid_request');
      expect(error.headers.get('WWW-Authenticate')).toMatch(
        /^Bearer realm="api", error="invalid_request", error_description="[^"]+"$/,
      );
    });
  }

  it('answers a well-formed Bearer value that is no valid JWT with 401 invalid_token', async () => {
    const error = await getMe('Bearer not.a-jwt');

    expect(error.status).toBe(401);
    expect(error.error.error).toBe('invalid_token');
    expect(error.headers.get('WWW-Authenticate')).toMatch(
      /^Bearer realm="api", error="invalid_token", error_description="[^"]+"$/,
    );
  });

  it('names the realm in the 403 insufficient_scope challenge', async () => {
    const { accessToken } = await signIn(http);
    const error = await refusal(http.get(API_PATHS.adminUsers, bearer(accessToken)));

    expect(error.status).toBe(403);
    expect(error.headers.get('WWW-Authenticate')).toMatch(
      /^Bearer realm="api", error="insufficient_scope", error_description="[^"]+"$/,
    );
  });

  it('answers a wrong password with 401 and a challenge for the password form, not Bearer', async () => {
    const error = await refusal(
      http.post(API_PATHS.login, { username: 'demo', password: 'wrong password' }),
    );

    expect(error.status).toBe(401);
    expect(error.error.error).toBe('invalid_credentials');
    expect(error.headers.get('WWW-Authenticate')).toBe('Password realm="api"');
  });
});
