/**
 * The sign-in rate limit: after 5 failed attempts for one username within 60 s, further attempts
 * are refused (429) until the oldest of those failures leaves the window. Counted for unknown
 * usernames too, so the limit does not reveal which accounts exist. Plain functions of one
 * username's failure times; the store keeps them (`ServerStore.recordLoginFailure`).
 */
import type { FailureLimit } from './store/server-store';

export const LOGIN_FAILURE_LIMIT = 5;
export const LOGIN_FAILURE_WINDOW_MS = 60_000;

/** The limit the store enforces when it records a failure. */
export const LOGIN_FAILURES: FailureLimit = {
  limit: LOGIN_FAILURE_LIMIT,
  windowMs: LOGIN_FAILURE_WINDOW_MS,
};

/**
 * The failures inside the window, oldest first. One stamped in the future (the clock stepped
 * back since) counts as made now: it still counts, but leaves the window one window from now.
 */
export function recentFailures(
  failures: readonly number[],
  now: number,
  windowMs = LOGIN_FAILURE_WINDOW_MS,
): number[] {
  return failures
    .filter((time) => time > now - windowMs)
    .map((time) => Math.min(time, now))
    .sort((a, b) => a - b);
}

/** Seconds until the next attempt is allowed; 0 when it is allowed now. Never over the window. */
export function loginRetryAfter(failures: readonly number[], now: number): number {
  const recent = recentFailures(failures, now);
  if (recent.length < LOGIN_FAILURE_LIMIT) return 0;
  const freedAt = recent[recent.length - LOGIN_FAILURE_LIMIT] + LOGIN_FAILURE_WINDOW_MS;
  return Math.max(1, Math.ceil((freedAt - now) / 1000));
}
