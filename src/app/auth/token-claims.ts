import { JwtHelperService } from '@auth0/angular-jwt';

import { Role, TokenClaims, User } from '../api-contract';

/**
 * Decoding helpers on top of `JwtHelperService` that never throw: a string that is not a JWT of
 * the expected type (or has no numeric `exp` and string `sub`) decodes to `null`.
 */
export function decodeClaims(
  jwt: JwtHelperService,
  token: unknown,
  typ?: TokenClaims['typ'],
): TokenClaims | null {
  if (typeof token !== 'string' || token === '') return null;
  let claims: unknown;
  try {
    claims = jwt.decodeToken(token);
  } catch {
    return null;
  }
  if (!isRecord(claims)) return null;
  if (typeof claims['exp'] !== 'number' || typeof claims['sub'] !== 'string') return null;
  if (typ && claims['typ'] !== undefined && claims['typ'] !== typ) return null;
  return claims as unknown as TokenClaims;
}

/** The expiry of a token in ms since the epoch, or null when it cannot be decoded. */
export function expiresAt(jwt: JwtHelperService, token: string | null): number | null {
  if (!decodeClaims(jwt, token)) return null;
  return jwt.getTokenExpirationDate(token as string)?.getTime() ?? null;
}

/** A best-effort user from access-token claims, until the server's own answer arrives. */
export function userFromClaims(claims: TokenClaims): User {
  return {
    id: claims.sub,
    username: claims.name ?? claims.sub,
    displayName: claims.name ?? claims.sub,
    roles: Array.isArray(claims.roles) ? claims.roles.filter(isRole) : [],
    createdAt: Number.isFinite(claims.iat) ? new Date(claims.iat * 1000).toISOString() : '',
    lastLoginAt: null,
  };
}

/** Loose structural check of a `User` (from storage or the server). */
export function isUser(value: unknown): value is User {
  return (
    isRecord(value) &&
    typeof value['id'] === 'string' &&
    typeof value['username'] === 'string' &&
    typeof value['displayName'] === 'string' &&
    Array.isArray(value['roles']) &&
    value['roles'].every((role) => typeof role === 'string')
  );
}

function isRole(value: unknown): value is Role {
  return value === 'user' || value === 'admin';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
