import { HttpErrorResponse } from '@angular/common/http';

import { API_PATHS } from '../api-contract';
import { isApiErrorBody } from '../http-error-message';

/**
 * The errors of the auth flow and how they are told apart. A failed refresh is either a refusal
 * (400 `invalid_grant`, or a 401 from the refresh endpoint: the session is over) or transient
 * (anything else: no answer, 408, 429, 5xx, but also a 404 during a deploy, a proxy's 403, or a
 * 200 that is not JSON: the session stays, and the next request tries again). Ending a session
 * on an answer that does not say "this refresh token is refused" would sign users out for an
 * outage. The status table is in `src/app/auth/README.md`.
 */
export const REFRESH_UNAVAILABLE = 'refresh_unavailable';

export const REFRESH_UNAVAILABLE_MESSAGE =
  'Could not reach the server to renew your session. You are still signed in; try again.';

/** Session-end reasons of the client's own; the server's `invalid_grant` messages win. */
export const SESSION_END_REASONS = {
  refused: 'the server would not renew it',
  retryRejected: 'the server did not accept the renewed access token',
  refreshExpired: 'the refresh token expired',
} as const;

export function isTransientFailure(error: unknown): boolean {
  return !isRefusal(error);
}

/** The server's "no" to a refresh token: 401, or 400 with `invalid_grant` (RFC 6749 §5.2). */
function isRefusal(error: unknown): boolean {
  if (!(error instanceof HttpErrorResponse)) return false;
  if (error.status === 401) return true;
  return (
    error.status === 400 && isApiErrorBody(error.error) && error.error.error === 'invalid_grant'
  );
}

/** The error every request waiting on a transiently failed refresh receives. */
export function refreshUnavailableError(cause: unknown): HttpErrorResponse {
  const http = cause instanceof HttpErrorResponse ? cause : null;
  return new HttpErrorResponse({
    status: http?.status ?? 0,
    statusText: http?.statusText ?? 'Unknown Error',
    url: http?.url ?? API_PATHS.refresh,
    error: { error: REFRESH_UNAVAILABLE, message: REFRESH_UNAVAILABLE_MESSAGE },
  });
}

/** Whether `error` is what waiters of a transiently failed refresh get (`refreshUnavailableError`). */
export function isRefreshUnavailable(error: unknown): boolean {
  const body: unknown = error instanceof HttpErrorResponse ? error.error : null;
  return (body as { error?: unknown } | null)?.error === REFRESH_UNAVAILABLE;
}

/** A refusal-shaped error for a refresh without a session (signed out before or meanwhile). */
export function sessionGoneError(): HttpErrorResponse {
  return new HttpErrorResponse({
    status: 401,
    statusText: 'Unauthorized',
    url: API_PATHS.refresh,
    error: {
      error: 'invalid_grant',
      message: 'You are signed out, so there is no session to renew.',
    },
  });
}

/**
 * What a request of a session that has since been replaced (signed out and in again, here or in
 * another tab) gets instead of being sent with the new session's token.
 */
export function sessionChangedError(): HttpErrorResponse {
  return new HttpErrorResponse({
    status: 401,
    statusText: 'Unauthorized',
    url: API_PATHS.refresh,
    error: {
      error: 'invalid_grant',
      message: 'The session this request started in has ended, so it was not sent.',
    },
  });
}

/** Thrown when a login or refresh answer holds tokens this app cannot decode (treated as a 502). */
export function unreadableTokensError(url: string): HttpErrorResponse {
  return new HttpErrorResponse({
    status: 502,
    statusText: 'Bad Gateway',
    url,
    error: { error: 'server_error', message: 'The server sent tokens this app cannot read.' },
  });
}

/** The reason to show after "Your session has ended: " for a refused refresh. */
export function sessionEndReason(error: unknown): string {
  if (error instanceof HttpErrorResponse && isApiErrorBody(error.error)) {
    if (error.error.error === 'invalid_grant') return asReasonFragment(error.error.message);
  }
  return SESSION_END_REASONS.refused;
}

/** "The refresh token expired." -> "the refresh token expired" (acronyms keep their case). */
export function asReasonFragment(message: string): string {
  const trimmed = message.trim().replace(/[.!\s]+$/, '');
  if (/^[A-Z][a-z]/.test(trimmed)) return trimmed[0].toLowerCase() + trimmed.slice(1);
  return trimmed;
}

/** The sentence the login page shows. */
export function sessionEndedMessage(reason: string): string {
  return `Your session has ended: ${reason}. Please sign in again.`;
}
