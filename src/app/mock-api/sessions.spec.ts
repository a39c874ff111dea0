import type { HttpClient } from '@angular/common/http';

import { API_PATHS } from '../api-contract';
import {
  bearer,
  decodeClaims,
  forgeToken,
  type MockApiHarness,
  refreshWith,
  refusal,
  send,
  setUpMockApi,
  signIn,
  storedState,
} from './testing/mock-api-harness';
import { STATE_KEY } from './server-db';
import type { SessionRecord } from './server-state';
import { activeSessionsOf } from './sessions';
import { generateSigningKey } from './token-service';

describe('Mock API sessions: logout and the five-session limit', () => {
  let server: MockApiHarness;
  let http: HttpClient;

  beforeEach(async () => {
    server = await setUpMockApi();
    http = server.http;
  });

  const logout = (body: unknown) =>
    send(http.post(API_PATHS.logout, body, { observe: 'response' }));
  const refusedRefreshMessage = async (refreshToken: string) =>
    (await refusal(http.post(API_PATHS.refresh, { refreshToken }))).error.message;

  describe('POST api/auth/logout', () => {
    it('answers 204 and revokes the whole session, including tokens rotated since', async () => {
      const first = await signIn(http);
      const second = await refreshWith(http, first.refreshToken);
      const response = await logout({ refreshToken: first.refreshToken });

      expect(response.status).toBe(204);
      expect(response.body).toBeNull();
      expect(await refusedRefreshMessage(second.refreshToken)).toBe('the session was signed out');
    });

    it('leaves the user’s other sessions and their access tokens working', async () => {
      const phone = await signIn(http);
      const laptop = await signIn(http);
      await logout({ refreshToken: phone.refreshToken });

      const me = await send(
        http.get(API_PATHS.me, { ...bearer(laptop.accessToken), observe: 'response' }),
      );
      expect(me.status).toBe(200);
      expect((await refreshWith(http, laptop.refreshToken)).user.username).toBe('demo');
      expect((await refusal(http.get(API_PATHS.me, bearer(phone.accessToken)))).status)
        .withContext('the signed-out session’s access token, with the session check on')
        .toBe(401);
    });

    it('is idempotent: an already signed-out, expired, unknown or forged token also gets 204', async () => {
      const tokens = await signIn(http);
      await logout({ refreshToken: tokens.refreshToken });
      const forged = await forgeToken(decodeClaims(tokens.refreshToken), generateSigningKey());

      for (const refreshToken of [tokens.refreshToken, 'garbage', forged]) {
        expect((await logout({ refreshToken })).status)
          .withContext(refreshToken)
          .toBe(204);
      }
      const expired = await signIn(http);
      server.clock.advance(301);
      expect((await logout({ refreshToken: expired.refreshToken })).status).toBe(204);
    });

    it('does not end a session for a token signed with another key', async () => {
      const tokens = await signIn(http);
      const forged = await forgeToken(decodeClaims(tokens.refreshToken), generateSigningKey());
      await logout({ refreshToken: forged });

      expect((await refreshWith(http, tokens.refreshToken)).user.username).toBe('demo');
    });

    it('does not end a session for an expired access token sent as the refresh token', async () => {
      const tokens = await signIn(http);
      server.clock.advance(31);
      await logout({ refreshToken: tokens.accessToken });

      expect((await refreshWith(http, tokens.refreshToken)).user.username).toBe('demo');
    });

    for (const [description, body] of [
      ['no body', null],
      ['a missing refreshToken', { token: 'x' }],
      ['a refreshToken that is not a string', { refreshToken: {} }],
    ] as const) {
      it(`answers 400 invalid_request for ${description}`, async () => {
        const error = await refusal(http.post(API_PATHS.logout, body));

        expect(error.status).toBe(400);
        expect(error.error.error).toBe('invalid_request');
      });
    }
  });

  describe('one definition of an ended session', () => {
    /** Changes the stored session of `refreshToken` as an older version or another writer might. */
    function storeSession(refreshToken: string, changes: Partial<SessionRecord>): void {
      const state = storedState()!;
      const session = state.sessions.find((s) => s.sid === decodeClaims(refreshToken).sid)!;
      Object.assign(session, changes);
      localStorage.setItem(STATE_KEY, JSON.stringify(state));
    }

    const cases: [string, Partial<SessionRecord>, string][] = [
      ['an end time but no reason', { endReason: null }, 'the session was revoked'],
      ['a reason but no end time', { endedAt: null }, 'the session was signed out'],
      [
        'a reason this version does not know',
        { endReason: 'expired' as never },
        'the session was revoked',
      ],
    ];
    for (const [description, changes, message] of cases) {
      it(`refuses to refresh, and counts as ended, a session with ${description}`, async () => {
        const tokens = await signIn(http);
        const settings = server.controls.settings();
        storeSession(tokens.refreshToken, {
          endedAt: server.clock.now(),
          endReason: 'logout',
          ...changes,
        });

        expect(await refusedRefreshMessage(tokens.refreshToken)).toBe(message);
        const state = storedState()!;
        expect(activeSessionsOf(state, tokens.user.id, server.clock.now(), settings)).toEqual([]);
      });
    }
  });

  describe('the limit of five active sessions per user', () => {
    it('ends the oldest session when the user signs in a sixth time', async () => {
      const sessions = [];
      for (let i = 0; i < 6; i++) {
        sessions.push(await signIn(http));
        server.clock.advance(1);
      }

      expect(await refusedRefreshMessage(sessions[0].refreshToken)).toBe(
        'the session was ended by a newer sign-in (at most 5 sessions per user)',
      );
      for (const session of sessions.slice(1)) {
        expect((await refreshWith(http, session.refreshToken)).user.username).toBe('demo');
      }
    });

    it('counts each user separately and ignores sessions that already ended', async () => {
      const admin = await signIn(http, 'admin');
      const first = await signIn(http);
      await logout({ refreshToken: first.refreshToken });
      for (let i = 0; i < 5; i++) await signIn(http);

      expect((await refreshWith(http, admin.refreshToken)).user.username).toBe('admin');
      const endReasons = storedState()!.sessions.map((s) => s.endReason);
      expect(endReasons.filter((reason) => reason === 'evicted').length).toBe(0);
    });
  });
});
