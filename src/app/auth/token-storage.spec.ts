import { TestBed } from '@angular/core/testing';

import { AUTH_SETTINGS_KEY, AuthSettings, StorageMode } from './auth-settings';
import { provideJwtDecoder } from './provide-auth';
import { fakeJwt, fakeSession, rawJwt, TEST_USER } from './testing/fake-tokens';
import { clearAuthStorage } from './testing/auth-testing';
import { SESSION_END_KEY } from './session-end-mark';
import { StoredSession, TOKENS_KEY, TokenStorage } from './token-storage';

function validSession(overrides: Partial<StoredSession> = {}): StoredSession {
  return {
    accessToken: fakeJwt('access', 60),
    refreshToken: fakeJwt('refresh', 3600),
    user: TEST_USER,
    previousRefreshToken: null,
    ...overrides,
  };
}

/** Garbage a tab, an extension or an old app version could leave behind. */
const GARBAGE: Record<string, string> = {
  'not JSON': '{"accessToken": ',
  'a JSON string': '"hello"',
  'JSON null': 'null',
  'an array': '[1, 2]',
  'missing tokens': '{"accessToken": "abc"}',
  'tokens that are not JWTs': '{"accessToken": "abc", "refreshToken": "def"}',
  'a JWT whose payload is not JSON': JSON.stringify({
    accessToken: 'aGVsbG8.bm90IGpzb24.c2ln',
    refreshToken: 'aGVsbG8.bm90IGpzb24.c2ln',
  }),
  'JWTs without exp': JSON.stringify({
    accessToken: rawJwt({ sub: 'u' }),
    refreshToken: rawJwt({ sub: 'u' }),
  }),
  'swapped token types': JSON.stringify({
    accessToken: fakeJwt('refresh', 3600),
    refreshToken: fakeJwt('access', 60),
  }),
};

describe('TokenStorage', () => {
  let storage: TokenStorage;

  function create(): TokenStorage {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideJwtDecoder()] });
    return TestBed.inject(TokenStorage);
  }

  beforeEach(() => {
    clearAuthStorage();
    storage = create();
  });

  afterAll(() => clearAuthStorage());

  it('uses localStorage by default and round-trips a session', () => {
    const session = validSession();
    storage.write(session);
    expect(storage.mode()).toBe('local');
    expect(JSON.parse(localStorage.getItem(TOKENS_KEY) ?? 'null')).toEqual(session);
    expect(storage.read()).toEqual(session);
  });

  it('reads an expired access token with a live refresh token as a session (it can be refreshed)', () => {
    const session = validSession({ accessToken: fakeJwt('access', -60) });
    storage.write(session);
    expect(storage.read()).toEqual(session);
  });

  // Issue 13, finding 3: this browser's clock may be wrong; the server decides what has expired.
  it('keeps a session whose refresh token looks expired on this clock, for the server to judge', () => {
    const session = validSession({
      accessToken: fakeJwt('access', -100),
      refreshToken: fakeJwt('refresh', -10),
    });
    storage.write(session);
    expect(storage.read()).toEqual(session);
    expect(localStorage.getItem(TOKENS_KEY)).not.toBeNull();
  });

  it('keeps the clock offset measured at receipt, and reads a session stored without one', () => {
    const session = validSession();
    storage.write({ ...session, clockOffsetMs: -600_000 });
    expect(storage.read()?.clockOffsetMs).toBe(-600_000);
    localStorage.setItem(TOKENS_KEY, JSON.stringify({ ...session, clockOffsetMs: 'fast' }));
    expect(storage.read()).toEqual(session);
  });

  it('drops a stored user or previous token of the wrong shape but keeps the tokens', () => {
    const session = validSession();
    localStorage.setItem(
      TOKENS_KEY,
      JSON.stringify({ ...session, user: { id: 42 }, previousRefreshToken: 7 }),
    );
    expect(storage.read()).toEqual({ ...session, user: null, previousRefreshToken: null });
  });

  for (const [mode, backing] of [
    ['local', () => localStorage],
    ['session', () => sessionStorage],
  ] as const) {
    for (const [name, raw] of Object.entries(GARBAGE)) {
      it(`reads ${name} in ${mode} storage as no session and removes it`, () => {
        storage.setMode(mode);
        backing().setItem(TOKENS_KEY, raw);
        let result: StoredSession | null | undefined;
        expect(() => (result = storage.read())).not.toThrow();
        expect(result).toBeNull();
        expect(backing().getItem(TOKENS_KEY)).toBeNull();
      });
    }
  }

  it('reads garbage written in memory mode as no session and removes it', () => {
    storage.setMode('memory');
    storage.write({ ...validSession(), accessToken: 'garbage' });
    expect(storage.read()).toBeNull();
    storage.write({ ...validSession(), refreshToken: fakeJwt('access', 60) });
    expect(storage.read()).toBeNull();
  });

  it('returns null instead of throwing when the browser denies storage access', () => {
    localStorage.setItem(TOKENS_KEY, JSON.stringify(validSession()));
    spyOn(Storage.prototype, 'getItem').and.throwError(new DOMException('denied', 'SecurityError'));
    expect(storage.read()).toBeNull();
  });

  it('keeps the session in memory when the browser refuses to write, and says so', () => {
    spyOn(Storage.prototype, 'setItem').and.throwError(
      new DOMException('full', 'QuotaExceededError'),
    );
    expect(storage.memoryOnly()).toBeFalse();
    const session = validSession();
    storage.write(session);
    expect(storage.mode()).toBe('memory');
    expect(storage.read()).toEqual(session);
    expect(storage.refusedModes()).toEqual(['local']);
    expect(storage.memoryOnly()).toBeTrue();
  });

  // Issue 13, finding 10: site data blocked makes merely reading `localStorage` throw.
  it('starts in memory, and says so, where the browser blocks site data', () => {
    const denied = new DOMException('Access is denied for this document.', 'SecurityError');
    spyOnProperty(window, 'localStorage', 'get').and.throwError(denied);
    spyOnProperty(window, 'sessionStorage', 'get').and.throwError(denied);
    storage = create();
    expect(storage.mode()).toBe('memory');
    expect(storage.refusedModes()).toEqual(['local', 'session']);
    expect(storage.memoryOnly()).toBeTrue();
    const session = validSession();
    storage.write(session);
    expect(storage.read()).toEqual(session);
  });

  it('does not call memory chosen in the devtools "memory only"', () => {
    storage.setMode('memory');
    expect(storage.mode()).toBe('memory');
    expect(storage.memoryOnly()).toBeFalse();
  });

  it('moves the session when the mode changes and persists the choice', () => {
    const session = validSession();
    storage.write(session);
    const path: StorageMode[] = ['session', 'memory', 'local'];
    for (const mode of path) {
      storage.setMode(mode);
      expect(storage.mode()).toBe(mode);
      expect(storage.read()).withContext(mode).toEqual(session);
      expect(localStorage.getItem(TOKENS_KEY) !== null).toBe(mode === 'local');
      expect(sessionStorage.getItem(TOKENS_KEY) !== null).toBe(mode === 'session');
      expect(JSON.parse(localStorage.getItem(AUTH_SETTINGS_KEY) ?? '{}').storageMode).toBe(mode);
    }
  });

  it('starts in the persisted mode after a reload', () => {
    storage.setMode('session');
    storage.write(validSession());
    const reloaded = create();
    expect(TestBed.inject(AuthSettings).storageMode()).toBe('session');
    expect(reloaded.mode()).toBe('session');
    expect(reloaded.read()).not.toBeNull();
  });

  it('loses a memory-mode session on reload, as memory mode promises', () => {
    storage.setMode('memory');
    storage.write(validSession());
    expect(create().read()).toBeNull();
  });

  it('clear() removes the session from every storage', () => {
    localStorage.setItem(TOKENS_KEY, 'x');
    sessionStorage.setItem(TOKENS_KEY, 'y');
    storage.clear();
    expect(localStorage.getItem(TOKENS_KEY)).toBeNull();
    expect(sessionStorage.getItem(TOKENS_KEY)).toBeNull();
  });

  it('never touches the server’s mock-api: keys', () => {
    localStorage.setItem('mock-api:test-probe', 'keep');
    storage.write(validSession());
    storage.setMode('session');
    storage.clear();
    expect(localStorage.getItem('mock-api:test-probe')).toBe('keep');
    localStorage.removeItem('mock-api:test-probe');
  });

  describe('several tabs', () => {
    const ofSession = (sid: string): StoredSession => ({
      ...fakeSession({ sid }),
      user: TEST_USER,
      previousRefreshToken: null,
    });

    it('records how the shared session ended, for the other tabs', () => {
      const session = ofSession('sid-a');
      storage.write(session);
      expect(storage.sessionId(session)).toBe('sid-a');
      storage.clear({ kind: 'expired', reason: 'the session was revoked' });

      expect(localStorage.getItem(TOKENS_KEY)).toBeNull();
      expect(storage.endOf('sid-a')).toEqual(
        jasmine.objectContaining({ kind: 'expired', reason: 'the session was revoked' }),
      );
      expect(storage.endOf('sid-b')).withContext('another session').toBeNull();
    });

    it('records nothing for a per-tab session', () => {
      storage.setMode('session');
      storage.write(ofSession('sid-a'));
      storage.clear({ kind: 'signedOut' });
      expect(localStorage.getItem(SESSION_END_KEY)).toBeNull();
    });

    it('keeps a signed-out session ended when a late writer puts it back', () => {
      storage.write(ofSession('sid-a'));
      storage.clear({ kind: 'signedOut' });
      storage.write(ofSession('sid-a')); // a tab that had not heard, storing its rotation

      expect(storage.read()).toBeNull();
      expect(localStorage.getItem(TOKENS_KEY)).toBeNull();
      const next = ofSession('sid-b');
      storage.write(next);
      expect(storage.read()).withContext('a new session is fine').toEqual(next);
    });

    it('marks the shared session as moved when this tab takes it into session storage', () => {
      const session = ofSession('sid-a');
      storage.write(session);
      storage.setMode('session');
      expect(storage.endOf('sid-a')?.kind).toBe('moved');
      storage.setMode('local');
      expect(storage.read()).withContext('a moved session is still alive').toEqual(session);
    });

    it('follows a mode switched in another tab without recording it', () => {
      const shared = ofSession('sid-a');
      storage.write(shared);
      storage.followMode('session');
      expect(storage.mode()).toBe('session');
      expect(localStorage.getItem(TOKENS_KEY))
        .withContext('the shared session stays where the other tab put it')
        .not.toBeNull();
      expect(JSON.parse(localStorage.getItem(AUTH_SETTINGS_KEY) ?? '{}').storageMode).toBe(
        undefined,
      );

      localStorage.removeItem(TOKENS_KEY);
      const own = ofSession('sid-b');
      storage.write(own);
      storage.followMode('memory');
      expect(sessionStorage.getItem(TOKENS_KEY)).toBeNull();
      expect(storage.read()).withContext('its own session moves along').toEqual(own);
    });

    it('keeps the shared session when following into localStorage, else shares its own', () => {
      storage.followMode('session');
      const own = ofSession('sid-b');
      storage.write(own);
      storage.followMode('local');
      expect(storage.read()).toEqual(own);

      storage.followMode('session');
      storage.write(ofSession('sid-c'));
      localStorage.setItem(TOKENS_KEY, JSON.stringify(own));
      storage.followMode('local');
      expect(storage.read()).toEqual(own);
      expect(sessionStorage.getItem(TOKENS_KEY)).toBeNull();
    });
  });
});
