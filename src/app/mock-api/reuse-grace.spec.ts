import type { HttpClient } from '@angular/common/http';

import { API_PATHS, type TokenResponse, type User } from '../api-contract';
import {
  bearer,
  decodeClaims,
  type MockApiHarness,
  refreshWith,
  refusal,
  send,
  setUpMockApi,
  signIn,
  storedState,
} from './testing/mock-api-harness';
import { STATE_KEY } from './server-db';

describe('Mock API refresh: replays within and after the reuse grace', () => {
  let server: MockApiHarness;
  let http: HttpClient;

  beforeEach(async () => {
    server = await setUpMockApi();
    http = server.http;
  });

  /** The invalid_grant message of a refused refresh. */
  async function refusedRefresh(refreshToken: unknown): Promise<string> {
    const error = await refusal(http.post(API_PATHS.refresh, { refreshToken }));
    expect(error.status).withContext('status').toBe(400);
    expect(error.error.error).withContext('error code').toBe('invalid_grant');
    return error.error.message;
  }

  describe('with a grace of 10 s', () => {
    let first: TokenResponse;
    let second: TokenResponse;

    beforeEach(async () => {
      await server.controls.setReuseGrace(10);
      first = await signIn(http);
      second = await refreshWith(http, first.refreshToken);
    });

    it('gives a replay within the window the same successor and a valid access token of the session', async () => {
      server.clock.advance(9);
      const replay = await refreshWith(http, first.refreshToken);

      expect(replay.refreshToken).toBe(second.refreshToken);
      expect(decodeClaims(replay.accessToken).sid).toBe(decodeClaims(first.accessToken).sid);
      const me = await send(
        http.get(API_PATHS.me, { ...bearer(replay.accessToken), observe: 'response' }),
      );
      expect(me.status).toBe(200);
      expect((await refreshWith(http, second.refreshToken)).refreshToken).not.toBe(
        second.refreshToken,
      );
    });

    it('gives a replay after a display-name change the very same successor string', async () => {
      const renamed = await send(
        http.patch<User>(
          API_PATHS.me,
          { displayName: 'Renamed' },
          { ...bearer(second.accessToken), observe: 'response' },
        ),
      );
      expect(renamed.body!.displayName).toBe('Renamed');
      server.clock.advance(5);
      const replay = await refreshWith(http, first.refreshToken);

      expect(replay.refreshToken).toBe(second.refreshToken);
      expect(decodeClaims(replay.accessToken).name).withContext('access token').toBe('Renamed');
    });

    it('still rotates a refresh token recorded by the previous version', async () => {
      const state = storedState()!;
      for (const record of state.refreshTokens) {
        const old = record as unknown as Record<string, unknown>;
        delete old['name'];
        delete old['roles'];
      }
      localStorage.setItem(STATE_KEY, JSON.stringify(state));

      const third = await refreshWith(http, second.refreshToken);
      expect(decodeClaims(third.refreshToken).sid).toBe(decodeClaims(first.refreshToken).sid);
      server.clock.advance(5);
      expect((await refreshWith(http, second.refreshToken)).refreshToken).toBe(third.refreshToken);
    });

    it('treats a replay after the window as reuse and revokes the session', async () => {
      server.clock.advance(10);

      expect(await refusedRefresh(first.refreshToken)).toContain('reuse was detected');
      expect(await refusedRefresh(second.refreshToken)).toContain('reuse was detected');
    });
  });

  describe('after the clock steps backwards', () => {
    it('treats a replay as reuse with no grace, though the rotation looks like the future', async () => {
      const first = await signIn(http);
      server.clock.advance(5);
      const second = await refreshWith(http, first.refreshToken);
      server.clock.advance(-3600);

      expect(await refusedRefresh(first.refreshToken)).toContain('reuse was detected');
      expect(await refusedRefresh(second.refreshToken)).toContain('reuse was detected');
    });

    it('does not count a rotation stamped in the future as within the grace', async () => {
      await server.controls.setReuseGrace(10);
      const first = await signIn(http);
      server.clock.advance(5);
      await refreshWith(http, first.refreshToken);
      server.clock.advance(-60);

      expect(await refusedRefresh(first.refreshToken)).toContain('reuse was detected');
    });
  });
});
