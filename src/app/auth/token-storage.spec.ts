import { TestBed } from '@angular/core/testing';

import { AUTH_SETTINGS_KEY, AuthSettings, StorageMode } from './auth-settings';
import { provideJwtDecoder } from './provide-auth';
import { fakeJwt, rawJwt, TEST_USER } from './testing/fake-tokens';
import { clearAuthStorage } from './testing/auth-testing';
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
  'an expired refresh token': JSON.stringify({
    accessToken: fakeJwt('access', -100),
    refreshToken: fakeJwt('refresh', -10),
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
    storage.write({ ...validSession(), refreshToken: fakeJwt('refresh', -1) });
    expect(storage.read()).toBeNull();
  });

  it('returns null instead of throwing when the browser denies storage access', () => {
    localStorage.setItem(TOKENS_KEY, JSON.stringify(validSession()));
    spyOn(Storage.prototype, 'getItem').and.throwError(new DOMException('denied', 'SecurityError'));
    expect(storage.read()).toBeNull();
  });

  it('keeps the session in memory when the browser refuses to write', () => {
    spyOn(Storage.prototype, 'setItem').and.throwError(
      new DOMException('full', 'QuotaExceededError'),
    );
    const session = validSession();
    storage.write(session);
    expect(storage.mode()).toBe('memory');
    expect(storage.read()).toEqual(session);
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
});
