import type { HttpClient } from '@angular/common/http';

import { API_PATHS, type TokenResponse, type User } from '../api-contract';
import {
  bearer,
  decodeClaims,
  type MockApiHarness,
  refusal,
  send,
  setUpMockApi,
  signIn,
  storedState,
} from './testing/mock-api-harness';
import { STATE_KEY } from './server-db';
import { CLIENT_ID, TOKEN_AUDIENCE, TOKEN_ISSUER } from './token-service';

describe('Mock API register and login', () => {
  let server: MockApiHarness;
  let http: HttpClient;

  beforeEach(async () => {
    server = await setUpMockApi();
    http = server.http;
  });

  const register = (body: unknown) =>
    send(http.post<{ user: User }>(API_PATHS.register, body, { observe: 'response' }));
  const login = (body: unknown) =>
    send(http.post<TokenResponse>(API_PATHS.login, body, { observe: 'response' }));

  describe('POST api/auth/register', () => {
    it('creates a user with role "user" and answers 201 {user} without any password data', async () => {
      const response = await register({
        username: 'alice.b-c_1',
        password: 'correct horse',
        displayName: '  Alice  ',
      });

      expect(response.status).toBe(201);
      const { user } = response.body!;
      expect(user).toEqual({
        id: jasmine.any(String),
        username: 'alice.b-c_1',
        displayName: 'Alice',
        roles: ['user'],
        createdAt: jasmine.any(String),
        lastLoginAt: null,
      });
      const stored = storedState()!.users.find((u) => u.username === 'alice.b-c_1')!;
      expect(stored.passwordHash).toMatch(/^pbkdf2-sha256\$\d+\$[\w-]+\$[\w-]+$/);
      expect(localStorage.getItem(STATE_KEY)).not.toContain('correct horse');
    });

    it('uses the username as display name when none is given, and the new user can sign in', async () => {
      const { body } = await register({ username: 'bob', password: 'password1' });
      expect(body!.user.displayName).toBe('bob');

      const tokens = await signIn(http, 'bob', 'password1');
      expect(tokens.user.id).toBe(body!.user.id);
    });

    const invalidBodies: [string, unknown][] = [
      ['no body', null],
      ['an array body', []],
      ['a missing username', { password: 'password1' }],
      ['a missing password', { username: 'carol' }],
      ['a username that is not a string', { username: 42, password: 'password1' }],
      ['a password that is not a string', { username: 'carol', password: 12345678 }],
      ['a username of 2 characters', { username: 'ab', password: 'password1' }],
      ['a username of 33 characters', { username: 'a'.repeat(33), password: 'password1' }],
      ['upper-case letters in the username', { username: 'Carol', password: 'password1' }],
      ['a space in the username', { username: 'car ol', password: 'password1' }],
      ['a password of 7 characters', { username: 'carol', password: 'short77' }],
      ['a password of 129 characters', { username: 'carol', password: 'p'.repeat(129) }],
      [
        'a display name of 65 characters',
        { username: 'carol', password: 'password1', displayName: 'd'.repeat(65) },
      ],
      [
        'a display name that is not a string',
        { username: 'carol', password: 'password1', displayName: 5 },
      ],
    ];
    for (const [description, body] of invalidBodies) {
      it(`answers 400 invalid_request for ${description}`, async () => {
        const error = await refusal(http.post(API_PATHS.register, body));

        expect(error.status).toBe(400);
        expect(error.error).toEqual({ error: 'invalid_request', message: jasmine.any(String) });
        expect((storedState()?.users ?? []).map((u) => u.username)).not.toContain('carol');
      });
    }

    it('accepts the boundary lengths (3 and 32 character usernames, 8 and 128 character passwords)', async () => {
      expect((await register({ username: 'abc', password: 'p'.repeat(8) })).status).toBe(201);
      const longest = {
        username: 'z'.repeat(32),
        password: 'p'.repeat(128),
        displayName: 'd'.repeat(64),
      };
      expect((await register(longest)).status).toBe(201);
    });

    it('names the broken rule in the message', async () => {
      const error = await refusal(
        http.post(API_PATHS.register, { username: 'ab', password: 'password1' }),
      );

      expect(error.error.message).toBe('"username" must be 3 to 32 characters long.');
    });

    it('answers 409 username_taken for an existing username', async () => {
      const error = await refusal(
        http.post(API_PATHS.register, { username: 'demo', password: 'password1' }),
      );

      expect(error.status).toBe(409);
      expect(error.error.error).toBe('username_taken');
    });
  });

  describe('POST api/auth/login', () => {
    it('answers 200 with a Bearer token pair, lifetimes in seconds and the user', async () => {
      const response = await login({ username: 'demo', password: 'demo1234' });

      expect(response.status).toBe(200);
      expect(response.headers.get('Cache-Control')).toBe('no-store');
      const body = response.body!;
      expect(body.tokenType).toBe('Bearer');
      expect(body.expiresIn).toBe(30);
      expect(body.refreshExpiresIn).toBe(300);
      expect(body.user.username).toBe('demo');
      expect(body.user.lastLoginAt).toBe(new Date(server.clock.now()).toISOString());
      expect(body.accessToken).not.toBe(body.refreshToken);
    });

    it('issues HS256 tokens with every claim and a shared session id', async () => {
      const { accessToken, refreshToken, user } = (
        await login({ username: 'admin', password: 'admin1234' })
      ).body!;
      const access = decodeClaims(accessToken);
      const refresh = decodeClaims(refreshToken);
      const header = JSON.parse(atob(accessToken.split('.')[0]));

      expect(header).toEqual({ alg: 'HS256', typ: 'at+jwt' });
      expect(JSON.parse(atob(refreshToken.split('.')[0]))).toEqual({ alg: 'HS256', typ: 'rt+jwt' });
      expect(access).toEqual({
        iss: TOKEN_ISSUER,
        aud: TOKEN_AUDIENCE,
        sub: user.id,
        name: 'Admin User',
        roles: ['user', 'admin'],
        iat: Math.floor(server.clock.now() / 1000),
        exp: Math.floor(server.clock.now() / 1000) + 30,
        jti: jasmine.any(String),
        sid: refresh.sid,
        typ: 'access',
        client_id: CLIENT_ID,
      });
      expect(refresh.typ).toBe('refresh');
      expect(refresh.exp - refresh.iat).toBe(300);
      expect(refresh.jti).not.toBe(access.jti);
    });

    it('ignores the case of the username and surrounding spaces', async () => {
      expect((await login({ username: ' Demo ', password: 'demo1234' })).status).toBe(200);
    });

    it('answers 401 invalid_credentials with the same message for a wrong password and an unknown user', async () => {
      const wrongPassword = await refusal(
        http.post(API_PATHS.login, { username: 'demo', password: 'nope-nope' }),
      );
      const unknownUser = await refusal(
        http.post(API_PATHS.login, { username: 'nobody', password: 'demo1234' }),
      );

      expect(wrongPassword.status).toBe(401);
      expect(wrongPassword.error.error).toBe('invalid_credentials');
      expect(unknownUser.status).toBe(401);
      expect(unknownUser.error).toEqual(wrongPassword.error);
    });

    const invalidBodies: [string, unknown][] = [
      ['no body', undefined],
      ['a missing password', { username: 'demo' }],
      ['an empty username', { username: '', password: 'demo1234' }],
      ['a password that is not a string', { username: 'demo', password: true }],
    ];
    for (const [description, body] of invalidBodies) {
      it(`answers 400 invalid_request for ${description}`, async () => {
        const error = await refusal(http.post(API_PATHS.login, body));

        expect(error.status).toBe(400);
        expect(error.error.error).toBe('invalid_request');
      });
    }

    it('answers 429 too_many_attempts with retryAfter after 5 failures within 60 s, even for the right password', async () => {
      for (let attempt = 1; attempt <= 5; attempt++) {
        expect(
          (await refusal(http.post(API_PATHS.login, { username: 'demo', password: 'wrong-pass' })))
            .status,
        ).toBe(401);
        server.clock.advance(10);
      }
      const limited = await refusal(
        http.post(API_PATHS.login, { username: 'demo', password: 'demo1234' }),
      );

      expect(limited.status).toBe(429);
      expect(limited.error).toEqual({
        error: 'too_many_attempts',
        message: 'Too many failed sign-in attempts. Try again in 10 seconds.',
        retryAfter: 10,
      });
      expect(limited.headers.get('Retry-After')).toBe('10');
    });

    it('lets the user in again once the oldest failure leaves the 60 s window', async () => {
      for (let attempt = 1; attempt <= 5; attempt++) {
        await refusal(http.post(API_PATHS.login, { username: 'demo', password: 'wrong-pass' }));
      }
      server.clock.advance(59);
      expect(
        (await refusal(http.post(API_PATHS.login, { username: 'demo', password: 'demo1234' })))
          .status,
      ).toBe(429);

      server.clock.advance(1);
      expect((await login({ username: 'demo', password: 'demo1234' })).status).toBe(200);
    });

    it('counts failures per username, also for usernames that do not exist', async () => {
      for (let attempt = 1; attempt <= 5; attempt++) {
        await refusal(http.post(API_PATHS.login, { username: 'ghost', password: 'wrong-pass' }));
      }

      expect(
        (await refusal(http.post(API_PATHS.login, { username: 'ghost', password: 'x' }))).status,
      ).toBe(429);
      expect((await login({ username: 'demo', password: 'demo1234' })).status).toBe(200);
    });

    it('forgets earlier failures after a successful sign-in', async () => {
      for (let attempt = 1; attempt <= 4; attempt++) {
        await refusal(http.post(API_PATHS.login, { username: 'demo', password: 'wrong-pass' }));
      }
      await login({ username: 'demo', password: 'demo1234' });
      await refusal(http.post(API_PATHS.login, { username: 'demo', password: 'wrong-pass' }));

      expect((await login({ username: 'demo', password: 'demo1234' })).status).toBe(200);
    });

    it('makes a token that the protected endpoints accept', async () => {
      const { accessToken } = await signIn(http);
      const me = await send(
        http.get<User>(API_PATHS.me, { ...bearer(accessToken), observe: 'response' }),
      );

      expect(me.body!.username).toBe('demo');
    });
  });
});
