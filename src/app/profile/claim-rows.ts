/**
 * Turns a decoded JWT payload into table rows for the profile page: each claim's name, what it
 * means, its raw value, and for the time claims the moment it stands for.
 */
export interface ClaimRow {
  readonly name: string;
  readonly meaning: string;
  readonly value: string;
  /** For `iat`, `exp` and `nbf`: the time as a Date. */
  readonly time: Date | null;
}

const MEANINGS: Readonly<Record<string, string>> = {
  iss: 'issuer: who made the token',
  aud: 'audience: who should accept it',
  sub: 'subject: the user id',
  name: 'display name when it was issued',
  roles: 'roles when it was issued',
  iat: 'issued at',
  nbf: 'not valid before',
  exp: 'expires at',
  jti: 'token id (the server tracks refresh tokens by it)',
  sid: 'session id, shared by every token of one sign-in',
  typ: 'token type: access or refresh',
};

const TIME_CLAIMS = new Set(['iat', 'nbf', 'exp']);

export function claimRows(claims: object | null): ClaimRow[] {
  if (!claims) return [];
  return Object.entries(claims).map(([name, raw]: [string, unknown]) => ({
    name,
    meaning: MEANINGS[name] ?? '',
    value: typeof raw === 'string' ? raw : JSON.stringify(raw),
    time: TIME_CLAIMS.has(name) && typeof raw === 'number' ? new Date(raw * 1000) : null,
  }));
}
