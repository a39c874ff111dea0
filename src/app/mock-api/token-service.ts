/**
 * Signing and verifying the server's JWTs: HS256 with `jose`, fixed issuer and audience, and
 * explicitly typed (RFC 8725 §3.11): the header's `typ` is `at+jwt` for access tokens (RFC 9068)
 * and `rt+jwt` for refresh tokens, and every verification requires the expected one. The two kinds
 * are signed with the same key, so without that a token of one kind could be offered as the other;
 * the payload's `typ` claim says the same for the devtools, but the header is what is checked.
 *
 * Verification never throws: it answers the claims or the one reason the token was refused, so
 * the callers can send a message that names it.
 */
import { base64url, errors, jwtVerify, SignJWT } from 'jose';

import type { Role, TokenClaims } from '../api-contract';

export const TOKEN_ISSUER = 'urn:jwt-refresh-demo:auth-server';
export const TOKEN_AUDIENCE = 'urn:jwt-refresh-demo:api';
const ALGORITHM = 'HS256';

export type TokenType = TokenClaims['typ'];

/** The JWT header `typ` of each kind of token. */
export const HEADER_TYPES: Readonly<Record<TokenType, string>> = {
  access: 'at+jwt',
  refresh: 'rt+jwt',
};
/** RFC 9068's `client_id` of every access token: the one client of this server, this app. */
export const CLIENT_ID = 'jwt-refresh-demo-spa';

/** The claims a caller chooses; issuer, audience and client are always the server's own. */
export type TokenContents = Omit<TokenClaims, 'iss' | 'aud' | 'nbf' | 'client_id'>;

export type TokenProblem =
  | 'malformed'
  | 'algorithm'
  | 'signature'
  | 'expired'
  | 'not-yet-valid'
  | 'issuer-or-audience'
  | 'wrong-type';

export type VerifiedToken =
  | { ok: true; claims: TokenClaims }
  /** `claims` is set when the signature was good (an expired token, a token of the other type). */
  | { ok: false; problem: TokenProblem; claims?: TokenClaims };

/** A new random 256-bit HS256 secret, base64url. */
export function generateSigningKey(): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(32)));
}

/**
 * Whether `key` is a usable HS256 secret: base64url (no padding) for 32 bytes or more, as
 * `generateSigningKey` makes. A key that fails this would make every signing throw.
 */
export function isSigningKey(key: unknown): key is string {
  if (typeof key !== 'string' || !/^[\w-]+$/.test(key)) return false;
  try {
    return base64url.decode(key).length >= 32;
  } catch {
    return false;
  }
}

export function signToken(contents: TokenContents, signingKey: string): Promise<string> {
  const { sub, jti, iat, exp, ...custom } = contents;
  const client = contents.typ === 'access' ? { client_id: CLIENT_ID } : {};
  return new SignJWT({ ...custom, ...client })
    .setProtectedHeader({ alg: ALGORITHM, typ: HEADER_TYPES[contents.typ] })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(sub)
    .setJti(jti)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(base64url.decode(signingKey));
}

/**
 * Checks algorithm and signature, then the header's and the payload's `typ`, then issuer, audience
 * and `exp`/`nbf` at `now` (epoch ms).
 */
export async function verifyToken(
  token: string,
  signingKey: string,
  expected: TokenType,
  now: number,
): Promise<VerifiedToken> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, base64url.decode(signingKey), {
      algorithms: [ALGORITHM],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      typ: HEADER_TYPES[expected],
      currentDate: new Date(now),
    }));
  } catch (failure) {
    const problem = problemOf(failure);
    const claims = asClaims(signedPayloadOf(failure));
    if (problem === 'wrong-type')
      return claims ? { ok: false, problem, claims } : { ok: false, problem };
    // The type comes first: a token of the other type is refused as such even when it has also
    // expired, so no caller that accepts an expired token can be handed the wrong kind.
    if (claims && claims.typ !== expected) return { ok: false, problem: 'wrong-type', claims };
    return claims && problem === 'expired'
      ? { ok: false, problem, claims }
      : { ok: false, problem };
  }
  const claims = asClaims(payload);
  if (!claims) return { ok: false, problem: 'malformed' };
  if (claims.typ !== expected) return { ok: false, problem: 'wrong-type', claims };
  return { ok: true, claims };
}

function problemOf(failure: unknown): TokenProblem {
  if (failure instanceof errors.JOSEAlgNotAllowed) return 'algorithm';
  if (failure instanceof errors.JWSSignatureVerificationFailed) return 'signature';
  if (failure instanceof errors.JWTExpired) return 'expired';
  if (failure instanceof errors.JWTClaimValidationFailed) {
    if (failure.claim === 'nbf') return 'not-yet-valid';
    if (failure.claim === 'typ') return 'wrong-type';
    if (failure.claim === 'iss' || failure.claim === 'aud') return 'issuer-or-audience';
  }
  return 'malformed';
}

/** The payload of a token refused by a claim check, which `jose` runs only after the signature. */
function signedPayloadOf(failure: unknown): unknown {
  const claimFailure =
    failure instanceof errors.JWTExpired || failure instanceof errors.JWTClaimValidationFailed;
  return claimFailure ? failure.payload : undefined;
}

/** The payload as `TokenClaims` when every claim this server relies on has the right type. */
function asClaims(payload: unknown): TokenClaims | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const p = payload as Record<string, unknown>;
  const strings = ['iss', 'aud', 'sub', 'name', 'jti', 'sid'].every(
    (claim) => typeof p[claim] === 'string',
  );
  const numbers = ['iat', 'exp'].every((claim) => typeof p[claim] === 'number');
  const roles =
    Array.isArray(p['roles']) && p['roles'].every((role: Role) => ['user', 'admin'].includes(role));
  const typ = p['typ'] === 'access' || p['typ'] === 'refresh';
  return strings && numbers && roles && typ ? (p as unknown as TokenClaims) : null;
}
