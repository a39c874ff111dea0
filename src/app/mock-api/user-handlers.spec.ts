import type { HttpClient } from '@angular/common/http';

import { API_PATHS, type TokenResponse, type User } from '../api-contract';
import {
  bearer,
  type MockApiHarness,
  refreshWith,
  refusal,
  send,
  setUpMockApi,
  signIn,
} from './testing/mock-api-harness';

describe('Mock API profile (api/users/me)', () => {
  let server: MockApiHarness;
  let http: HttpClient;
  let tokens: TokenResponse;

  beforeEach(async () => {
    server = await setUpMockApi();
    http = server.http;
    tokens = await signIn(http);
  });

  const patchMe = (body: unknown, token = tokens.accessToken) =>
    http.patch<User>(API_PATHS.me, body, { ...bearer(token), observe: 'response' });

  it('GET answers 200 with the caller’s user and nothing else', async () => {
    const me = await send(
      http.get<User>(API_PATHS.me, { ...bearer(tokens.accessToken), observe: 'response' }),
    );

    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      id: tokens.user.id,
      username: 'demo',
      displayName: 'Demo User',
      roles: ['user'],
      createdAt: jasmine.any(String),
      lastLoginAt: new Date(server.clock.now()).toISOString(),
    });
  });

  it('GET answers the admin’s own user for the admin’s token', async () => {
    const admin = await signIn(http, 'admin');
    const me = await send(
      http.get<User>(API_PATHS.me, { ...bearer(admin.accessToken), observe: 'response' }),
    );

    expect(me.body!.roles).toEqual(['user', 'admin']);
  });

  it('GET answers 401 without a token', async () => {
    expect((await refusal(http.get(API_PATHS.me))).status).toBe(401);
  });

  it('PATCH updates the display name (trimmed) and answers 200 with the updated user', async () => {
    const response = await send(patchMe({ displayName: '  Dee Moe  ' }));

    expect(response.status).toBe(200);
    expect(response.body!.displayName).toBe('Dee Moe');
    const me = await send(
      http.get<User>(API_PATHS.me, { ...bearer(tokens.accessToken), observe: 'response' }),
    );
    expect(me.body!.displayName).toBe('Dee Moe');
  });

  it('PATCH puts the new name into the next tokens', async () => {
    await send(patchMe({ displayName: 'Renamed' }));
    const refreshed = await refreshWith(http, tokens.refreshToken);

    expect(refreshed.user.displayName).toBe('Renamed');
  });

  it('PATCH ignores attempts to change other fields such as roles', async () => {
    const response = await send(patchMe({ displayName: 'Still user', roles: ['admin'], id: 'x' }));

    expect(response.body!.roles).toEqual(['user']);
    expect(response.body!.id).toBe(tokens.user.id);
  });

  for (const [description, body] of [
    ['no body', null],
    ['a missing displayName', {}],
    ['a blank displayName', { displayName: '   ' }],
    ['a displayName of 65 characters', { displayName: 'x'.repeat(65) }],
    ['a displayName that is not a string', { displayName: ['x'] }],
  ] as const) {
    it(`PATCH answers 400 invalid_request for ${description}`, async () => {
      const error = await refusal(patchMe(body));

      expect(error.status).toBe(400);
      expect(error.error.error).toBe('invalid_request');
    });
  }

  it('PATCH answers 401 without a valid token', async () => {
    expect((await refusal(patchMe({ displayName: 'x' }, 'garbage'))).status).toBe(401);
  });
});
