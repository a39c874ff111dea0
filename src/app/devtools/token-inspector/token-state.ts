import { JwtHelperService } from '@auth0/angular-jwt';

/** What the inspector's badge says about a token. */
export type TokenState = 'valid' | 'expiring' | 'expired' | 'none';

/** Issue and expiry times of a token, in ms since the epoch. */
export interface TokenTiming {
  readonly issuedAt: number;
  readonly expiresAt: number;
}

/** Everything the countdown and the progress bar show, for one moment. */
export interface TokenCountdown {
  readonly state: TokenState;
  /** Whole seconds left (0 once expired). */
  readonly secondsLeft: number;
  readonly lifetimeSeconds: number;
  /** 0–100, the share of the lifetime that is left. */
  readonly percentLeft: number;
  /** "expires in 12 s", "expired 3 s ago", "no token". */
  readonly text: string;
}

/** The decoded parts of a JWT; a part that cannot be decoded is null. */
export interface DecodedToken {
  readonly header: Record<string, unknown> | null;
  readonly payload: Record<string, unknown> | null;
  readonly timing: TokenTiming | null;
}

/**
 * `none` without a token, `expired` from its expiry on, `expiring` when at most `expiringWithinMs`
 * are left, else `valid`.
 */
export function tokenState(
  timing: TokenTiming | null,
  now: number,
  expiringWithinMs: number,
): TokenState {
  if (!timing) return 'none';
  const left = timing.expiresAt - now;
  if (left <= 0) return 'expired';
  return left <= expiringWithinMs ? 'expiring' : 'valid';
}

export function tokenCountdown(
  timing: TokenTiming | null,
  now: number,
  expiringWithinMs: number,
): TokenCountdown {
  const state = tokenState(timing, now, expiringWithinMs);
  if (!timing) {
    return { state, secondsLeft: 0, lifetimeSeconds: 0, percentLeft: 0, text: 'no token' };
  }
  const lifetimeSeconds = Math.max(0, Math.round((timing.expiresAt - timing.issuedAt) / 1000));
  const msLeft = timing.expiresAt - now;
  const secondsLeft = Math.max(0, Math.ceil(msLeft / 1000));
  const percentLeft = lifetimeSeconds ? Math.min(100, (secondsLeft / lifetimeSeconds) * 100) : 0;
  const text =
    state === 'expired'
      ? `expired ${formatSeconds(Math.floor(-msLeft / 1000))} ago`
      : `expires in ${formatSeconds(secondsLeft)}`;
  return { state, secondsLeft, lifetimeSeconds, percentLeft: Math.round(percentLeft), text };
}

/** `12 s`, `4 min 59 s`, `2 h 5 min`, `6 d 23 h`. */
export function formatSeconds(total: number): string {
  const s = Math.max(0, Math.floor(total));
  if (s < 60) return `${s} s`;
  if (s < 3600) return join(Math.floor(s / 60), 'min', s % 60, 's');
  if (s < 86_400) return join(Math.floor(s / 3600), 'h', Math.floor((s % 3600) / 60), 'min');
  return join(Math.floor(s / 86_400), 'd', Math.floor((s % 86_400) / 3600), 'h');
}

function join(big: number, bigUnit: string, small: number, smallUnit: string): string {
  return small ? `${big} ${bigUnit} ${small} ${smallUnit}` : `${big} ${bigUnit}`;
}

/** Decodes header and payload with `JwtHelperService`; never throws. */
export function decodeToken(jwt: JwtHelperService, token: string | null): DecodedToken {
  if (!token) return { header: null, payload: null, timing: null };
  const header = attempt(() => JSON.parse(jwt.urlBase64Decode(token.split('.')[0])) as unknown);
  const payload = attempt(() => jwt.decodeToken(token) as unknown);
  return { header: asRecord(header), payload: asRecord(payload), timing: timingOf(payload) };
}

function timingOf(payload: unknown): TokenTiming | null {
  const claims = asRecord(payload);
  const exp = claims?.['exp'];
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return null;
  const iat = claims?.['iat'];
  const issued = typeof iat === 'number' && Number.isFinite(iat) ? iat : exp;
  return { issuedAt: issued * 1000, expiresAt: exp * 1000 };
}

function attempt(read: () => unknown): unknown {
  try {
    return read();
  } catch {
    return null;
  }
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** Share of a refresh token's lifetime that counts as "expiring". */
export const REFRESH_EXPIRING_SHARE = 0.2;

/**
 * How close to expiry a token reads "expiring": for the access token the proactive-refresh
 * leeway (the moment the interceptor would refresh first), for the refresh token the last fifth
 * of its lifetime.
 */
export function expiringWindowMs(
  kind: 'access' | 'refresh',
  timing: TokenTiming | null,
  leewaySeconds: number,
): number {
  if (kind === 'access') return leewaySeconds * 1000;
  return timing ? (timing.expiresAt - timing.issuedAt) * REFRESH_EXPIRING_SHARE : 0;
}
