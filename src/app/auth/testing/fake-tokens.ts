import { Role, TokenClaims, TokenResponse, User } from '../../api-contract';

/**
 * Test-only builders for JWT strings and server responses. The client only decodes tokens, so
 * these are unsigned (the signature part is a placeholder); `exp` is relative to `Date.now()`.
 */
export const TEST_USER: User = {
  id: 'u-demo',
  username: 'demo',
  displayName: 'Demo User',
  roles: ['user'],
  createdAt: '2025-01-01T00:00:00.000Z',
  lastLoginAt: null,
};

export const TEST_ADMIN: User = {
  ...TEST_USER,
  id: 'u-admin',
  username: 'admin',
  displayName: 'Admin User',
  roles: ['user', 'admin'],
};

let serial = 0;

function base64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  bytes.forEach((byte) => (binary += String.fromCharCode(byte)));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A JWT string with the given payload (no claims are added). */
export function rawJwt(payload: unknown): string {
  return `${base64Url(JSON.stringify({ alg: 'ES256', typ: 'JWT' }))}.${base64Url(
    JSON.stringify(payload),
  )}.c2lnbmF0dXJl`;
}

/**
 * A token of `typ` for `user` that expires `expiresInSeconds` from now (negative: expired), on a
 * server clock `serverAheadBy` seconds ahead of this browser's (negative: behind).
 */
export function fakeJwt(
  typ: 'access' | 'refresh',
  expiresInSeconds: number,
  user: User = TEST_USER,
  extra: Partial<TokenClaims> = {},
  serverAheadBy = 0,
): string {
  const now = Math.floor(Date.now() / 1000) + serverAheadBy;
  const claims: TokenClaims = {
    iss: 'test',
    aud: 'test',
    sub: user.id,
    name: user.displayName,
    roles: [...user.roles] as Role[],
    iat: now,
    exp: now + expiresInSeconds,
    jti: `jti-${++serial}`,
    sid: 'sid-1',
    typ,
    ...extra,
  };
  return rawJwt(claims);
}

export interface FakeSession {
  accessToken: string;
  refreshToken: string;
}

export interface FakeSessionOptions {
  accessIn?: number;
  refreshIn?: number;
  user?: User;
  /** The server session (`sid` claim); default: a new one, as after a sign-in. */
  sid?: string;
  /** Seconds the issuing server's clock is ahead of this browser's (negative: behind); 0. */
  serverAheadBy?: number;
}

/** A new server session id, as a sign-in would start. */
export function newSid(): string {
  return `sid-${++serial}`;
}

/** An access + refresh token pair; defaults: access valid 60 s, refresh valid 1 h, a new session. */
export function fakeSession(options: FakeSessionOptions = {}): FakeSession {
  const user = options.user ?? TEST_USER;
  const sid = options.sid ?? newSid();
  return {
    accessToken: fakeJwt('access', options.accessIn ?? 60, user, { sid }, options.serverAheadBy),
    refreshToken: fakeJwt(
      'refresh',
      options.refreshIn ?? 3600,
      user,
      { sid },
      options.serverAheadBy,
    ),
  };
}

/** The body the server sends for a successful login or refresh. */
export function fakeTokenResponse(options: FakeSessionOptions = {}): TokenResponse {
  const user = options.user ?? TEST_USER;
  const session = fakeSession(options);
  return {
    ...session,
    tokenType: 'Bearer',
    expiresIn: options.accessIn ?? 60,
    refreshExpiresIn: options.refreshIn ?? 3600,
    user,
  };
}
