import type { HttpClient } from '@angular/common/http';

import { type AdminUserRow, API_PATHS, type Role } from '../api-contract';
import {
  bearer,
  type MockApiHarness,
  refusal,
  send,
  setUpMockApi,
  signIn,
  storedState,
} from './testing/mock-api-harness';
import { STATE_KEY } from './server-db';

describe('Mock API admin (GET api/admin/users)', () => {
  let server: MockApiHarness;
  let http: HttpClient;

  beforeEach(async () => {
    server = await setUpMockApi();
    http = server.http;
  });

  const listUsers = (token: string) =>
    http.get<AdminUserRow[]>(API_PATHS.adminUsers, { ...bearer(token), observe: 'response' });

  it('answers every user with the number of active sessions for an admin', async () => {
    await signIn(http, 'demo');
    await signIn(http, 'demo');
    const { accessToken } = await signIn(http, 'admin');
    const response = await send(listUsers(accessToken));

    expect(response.status).toBe(200);
    const rows = response.body!;
    expect(rows.map((row) => [row.username, row.activeSessions])).toEqual([
      ['demo', 2],
      ['admin', 1],
    ]);
    expect(Object.keys(rows[0]).sort()).toEqual([
      'activeSessions',
      'createdAt',
      'displayName',
      'id',
      'lastLoginAt',
      'roles',
      'username',
    ]);
  });

  it('does not count sessions that were signed out or ran out', async () => {
    const signedOut = await signIn(http, 'demo');
    await send(
      http.post(
        API_PATHS.logout,
        { refreshToken: signedOut.refreshToken },
        { observe: 'response' },
      ),
    );
    await server.controls.setRefreshTokenLifetime(10);
    await signIn(http, 'demo');
    server.clock.advance(10);
    await server.controls.setRefreshTokenLifetime(300);
    const { accessToken } = await signIn(http, 'admin');

    const rows = (await send(listUsers(accessToken))).body!;
    expect(rows.find((row) => row.username === 'demo')!.activeSessions).toBe(0);
  });

  it('answers 403 insufficient_scope to a signed-in user without the admin role', async () => {
    const { accessToken } = await signIn(http, 'demo');
    const error = await refusal(listUsers(accessToken));

    expect(error.status).toBe(403);
    expect(error.error).toEqual({
      error: 'insufficient_scope',
      message: 'This endpoint needs the "admin" role.',
    });
    expect(error.headers.get('WWW-Authenticate')).toContain('error="insufficient_scope"');
  });

  describe('roles as stored now, not as the token says', () => {
    /** Changes a user's roles in storage, as an admin tool of a real server would. */
    function storeRoles(username: string, roles: Role[]): void {
      const state = storedState()!;
      state.users.find((user) => user.username === username)!.roles = roles;
      localStorage.setItem(STATE_KEY, JSON.stringify(state));
    }

    it('answers 403 to an admin demoted after the token was issued', async () => {
      const { accessToken } = await signIn(http, 'admin');
      storeRoles('admin', ['user']);

      expect((await refusal(listUsers(accessToken))).status).toBe(403);
    });

    it('lets a user promoted after the token was issued through', async () => {
      const { accessToken } = await signIn(http, 'demo');
      storeRoles('demo', ['user', 'admin']);

      expect((await send(listUsers(accessToken))).status).toBe(200);
    });
  });

  it('answers 401 (not 403) without a valid token', async () => {
    const error = await refusal(http.get(API_PATHS.adminUsers));

    expect(error.status).toBe(401);
    expect(error.error.error).toBe('missing_token');
  });
});
