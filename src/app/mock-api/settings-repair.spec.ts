import { API_PATHS } from '../api-contract';
import {
  bearer,
  clearServerStorage,
  decodeClaims,
  type MockApiHarness,
  refusal,
  setUpMockApi,
  signIn,
} from './testing/mock-api-harness';
import { SETTINGS_KEY } from './server-db';
import { DEFAULT_SERVER_SETTINGS, type ServerSettings } from './server-settings';
import { BACKUP_PREFIX } from './state-backups';

describe('Mock API stored-settings repair', () => {
  let server: MockApiHarness;

  beforeEach(async () => {
    server = await setUpMockApi();
    spyOn(console, 'warn');
  });

  afterEach(() => clearServerStorage());

  const backupKeys = () => Object.keys(localStorage).filter((key) => key.startsWith(BACKUP_PREFIX));
  const stored = (): ServerSettings => JSON.parse(localStorage.getItem(SETTINGS_KEY)!);
  const withBadLatency = JSON.stringify({
    ...DEFAULT_SERVER_SETTINGS,
    accessTokenLifetime: 90,
    latency: -5,
  });

  it('keeps the good settings and replaces only a bad one by its default', async () => {
    localStorage.setItem(SETTINGS_KEY, withBadLatency);

    expect((await signIn(server.http)).expiresIn).toBe(90);
    expect(stored()).toEqual({ ...DEFAULT_SERVER_SETTINGS, accessTokenLifetime: 90 });
  });

  it('keeps a copy of the bad settings text and reports the replaced setting', async () => {
    localStorage.setItem(SETTINGS_KEY, withBadLatency);

    await signIn(server.http);

    const [repair] = server.controls.repairs();
    expect(repair.source).toBe(SETTINGS_KEY);
    expect(repair.problems).toEqual([jasmine.stringMatching(/^Settings: latency was -5; .*250/)]);
    expect(backupKeys()).toEqual([repair.backupKey!]);
    expect(localStorage.getItem(repair.backupKey!)).toBe(withBadLatency);
  });

  it('fills a missing setting with its default, with nothing to report', async () => {
    const older: Partial<ServerSettings> = { ...DEFAULT_SERVER_SETTINGS, latency: 0 };
    delete older.reuseGrace;
    localStorage.setItem(SETTINGS_KEY, JSON.stringify({ ...older, accessTokenLifetime: 45 }));

    expect((await signIn(server.http)).expiresIn).toBe(45);
    expect(server.controls.settings().reuseGrace).toBe(DEFAULT_SERVER_SETTINGS.reuseGrace);
    expect(server.controls.repairs()).toEqual([]);
    expect(backupKeys()).toEqual([]);
  });

  it('reads settings stored before the session check existed with the check on, reporting nothing', async () => {
    const older: Partial<ServerSettings> = { ...DEFAULT_SERVER_SETTINGS, latency: 0 };
    delete older.checkSessionOnRequests;
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(older));

    const tokens = await signIn(server.http);
    await server.controls.revokeSession(decodeClaims(tokens.accessToken).sid);
    expect((await refusal(server.http.get(API_PATHS.me, bearer(tokens.accessToken)))).status)
      .withContext('the revoked session’s access token')
      .toBe(401);
    expect(server.controls.repairs()).toEqual([]);
  });

  it('replaces a session check that is not a boolean by the default, on, and reports it', async () => {
    localStorage.setItem(
      SETTINGS_KEY,
      JSON.stringify({ ...DEFAULT_SERVER_SETTINGS, checkSessionOnRequests: 'no' }),
    );

    await signIn(server.http);

    expect(stored().checkSessionOnRequests).toBeTrue();
    expect(server.controls.repairs()[0].problems).toEqual([
      'Settings: check the session on every request was "no"; the default, true, is used.',
    ]);
  });

  it('uses the defaults for unreadable settings text, after keeping a copy and reporting it', async () => {
    localStorage.setItem(SETTINGS_KEY, '{"latency": ');

    expect((await signIn(server.http)).expiresIn).toBe(30);

    const [repair] = server.controls.repairs();
    expect(repair.problems).toEqual([jasmine.stringMatching(/^Settings: not readable/)]);
    expect(localStorage.getItem(repair.backupKey!)).toBe('{"latency": ');
    expect(stored()).toEqual({ ...DEFAULT_SERVER_SETTINGS });
  });
});
