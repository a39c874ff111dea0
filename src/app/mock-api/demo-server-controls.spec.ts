import type { HttpClient } from '@angular/common/http';
import { provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';

import { API_PATHS, type Todo } from '../api-contract';
import { DemoServerControls } from './demo-server-controls';
import {
  bearer,
  clearServerStorage,
  decodeClaims,
  type MockApiHarness,
  refreshWith,
  refusal,
  send,
  setUpMockApi,
  signIn,
  storedState,
} from './testing/mock-api-harness';
import { provideMockApi } from './provide-mock-api';
import { SETTINGS_KEY } from './server-db';
import {
  DEFAULT_SERVER_SETTINGS,
  InvalidSettingError,
  type ServerSettings,
} from './server-settings';

describe('DemoServerControls', () => {
  let server: MockApiHarness;
  let http: HttpClient;
  let controls: DemoServerControls;

  beforeEach(async () => {
    server = await setUpMockApi();
    ({ http, controls } = server);
  });

  afterEach(() => clearServerStorage());

  it('starts from the defaults on a fresh install: 30 s, 300 s, 3600 s, 250 ms, no grace, no failure, the session check on', () => {
    clearServerStorage();
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideMockApi()] });

    expect(TestBed.inject(DemoServerControls).settings()).toEqual({
      accessTokenLifetime: 30,
      refreshTokenLifetime: 300,
      sessionLifetime: 3600,
      latency: 250,
      reuseGrace: 0,
      clockOffset: 0,
      checkSessionOnRequests: true,
      failNextRefresh: 'none',
    });
  });

  const setters: [keyof ServerSettings, (value: number) => Promise<void>, number, number][] = [
    ['accessTokenLifetime', (v) => controls.setAccessTokenLifetime(v), 5, 3600],
    ['refreshTokenLifetime', (v) => controls.setRefreshTokenLifetime(v), 10, 604_800],
    ['sessionLifetime', (v) => controls.setSessionLifetime(v), 10, 2_592_000],
    ['latency', (v) => controls.setLatency(v), 0, 5000],
    ['reuseGrace', (v) => controls.setReuseGrace(v), 0, 60],
    ['clockOffset', (v) => controls.setClockOffset(v), -3600, 3600],
  ];
  for (const [setting, set, min, max] of setters) {
    it(`sets ${setting} from ${min} to ${max} and refuses values outside that range`, async () => {
      await set(min);
      expect(controls.settings()[setting]).toBe(min);
      await set(max);
      expect(controls.settings()[setting]).toBe(max);

      for (const bad of [min - 1, max + 1, min + 0.5, Number.NaN]) {
        const refused = set(bad);
        await expectAsync(refused).toBeRejectedWith(jasmine.any(InvalidSettingError));
        const error = (await refused.catch((e: unknown) => e)) as InvalidSettingError;
        expect(error.setting).toBe(setting);
        expect(error.message).toContain(`from ${min} to ${max}`);
      }
      expect(controls.settings()[setting]).toBe(max);
    });
  }

  it('explains a refused value in words the UI can show next to the field', async () => {
    await expectAsync(controls.setAccessTokenLifetime(2)).toBeRejectedWithError(
      InvalidSettingError,
      'Access-token lifetime must be a whole number of seconds from 5 to 3600.',
    );
  });

  it('refuses an unknown refresh failure mode', async () => {
    await expectAsync(controls.failNextRefresh('sometimes' as never)).toBeRejectedWith(
      jasmine.any(InvalidSettingError),
    );
  });

  it('persists settings with the server state, so a new instance sees them', async () => {
    await controls.setAccessTokenLifetime(45);
    await controls.failNextRefresh('network-error');

    TestBed.resetTestingModule();
    const restarted = await setUpMockApi({ keepStorage: true });
    expect(restarted.controls.settings().accessTokenLifetime).toBe(45);
    expect(restarted.controls.settings().failNextRefresh).toBe('network-error');
  });

  it('applies a changed access-token lifetime to the next tokens', async () => {
    await controls.setAccessTokenLifetime(5);
    const tokens = await signIn(http);
    const claims = decodeClaims(tokens.accessToken);

    expect(tokens.expiresIn).toBe(5);
    expect(claims.exp - claims.iat).toBe(5);
    server.clock.advance(5);
    expect((await refusal(http.get(API_PATHS.me, bearer(tokens.accessToken)))).error.message).toBe(
      'the access token expired',
    );
  });

  it('moves the server’s clock by the clock offset: iat, exp and every expiry check follow it', async () => {
    const before = await signIn(http);
    await controls.setClockOffset(-600);
    const tokens = await signIn(http);
    const claims = decodeClaims(tokens.accessToken);

    expect(claims.iat).toBe(Math.floor(server.clock.now() / 1000) - 600);
    expect(claims.exp - claims.iat).toBe(30);
    const me = await send(
      http.get(API_PATHS.me, { ...bearer(tokens.accessToken), observe: 'response' }),
    );
    expect(me.status).toBe(200);
    // Ten minutes ahead instead: a token issued 30 s ago on the old clock has expired.
    await controls.setClockOffset(600);
    expect((await refusal(http.get(API_PATHS.me, bearer(before.accessToken)))).error.message).toBe(
      'the access token expired',
    );
  });

  it('reads settings stored before the clock offset existed, with offset 0 and nothing lost', async () => {
    const { clockOffset, ...older } = { ...DEFAULT_SERVER_SETTINGS, latency: 1234 };
    expect(clockOffset).toBe(0);
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(older));
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideMockApi()] });
    const warn = spyOn(console, 'warn');
    expect(TestBed.inject(DemoServerControls).settings()).toEqual({
      ...DEFAULT_SERVER_SETTINGS,
      latency: 1234,
    });
    expect(warn).not.toHaveBeenCalled();
  });

  it('updates settings() when the server consumes a one-shot refresh failure', async () => {
    const { refreshToken } = await signIn(http);
    await controls.failNextRefresh('invalid-grant');
    expect(controls.settings().failNextRefresh).toBe('invalid-grant');

    await refusal(http.post(API_PATHS.refresh, { refreshToken }));
    expect(controls.settings().failNextRefresh).toBe('none');
  });

  it('updates settings() when another tab changes them', () => {
    const fromOtherTab = { ...DEFAULT_SERVER_SETTINGS, latency: 1234 };
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(fromOtherTab));
    window.dispatchEvent(new StorageEvent('storage', { key: SETTINGS_KEY }));

    expect(controls.settings().latency).toBe(1234);
  });

  it('revokeSession ends one session (by sid) and leaves the others', async () => {
    const revoked = await signIn(http);
    const kept = await signIn(http);
    await controls.revokeSession(decodeClaims(revoked.refreshToken).sid);
    await controls.revokeSession(decodeClaims(revoked.refreshToken).sid);

    expect(
      (await refusal(http.post(API_PATHS.refresh, { refreshToken: revoked.refreshToken }))).error
        .message,
    ).toBe('the session was revoked');
    expect((await refreshWith(http, kept.refreshToken)).user.username).toBe('demo');
  });

  it('rejects revoking an unknown user or session with a clear error', async () => {
    await signIn(http);

    await expectAsync(controls.revokeAccessTokens('nobody')).toBeRejectedWithError(
      'There is no user with id "nobody".',
    );
    await expectAsync(controls.revokeSession('nope')).toBeRejectedWithError(
      'There is no session with id "nope".',
    );
  });

  it('reset returns to the seed state: seed users and todos, a new signing key, default settings', async () => {
    const tokens = await signIn(http);
    await send(
      http.post(
        API_PATHS.register,
        { username: 'newbie', password: 'password1' },
        { observe: 'response' },
      ),
    );
    await send(
      http.delete(`${API_PATHS.todos}/${storedState()!.todos[0].id}`, {
        ...bearer(tokens.accessToken),
        observe: 'response',
      }),
    );
    await controls.setAccessTokenLifetime(100);
    const oldKey = storedState()!.signingKey;

    await controls.reset();

    expect(controls.settings()).toEqual(DEFAULT_SERVER_SETTINGS);
    await controls.setLatency(0);
    expect((await refusal(http.get(API_PATHS.me, bearer(tokens.accessToken)))).error.message).toBe(
      'the access token signature is invalid',
    );
    const fresh = await signIn(http);
    expect(storedState()!.signingKey).not.toBe(oldKey);
    expect(storedState()!.users.map((u) => u.username)).toEqual(['demo', 'admin']);
    const todos = await send(
      http.get<Todo[]>(API_PATHS.todos, { ...bearer(fresh.accessToken), observe: 'response' }),
    );
    expect(todos.body!.length).toBe(3);
  });
});
