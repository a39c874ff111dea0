/**
 * The sign-in rate limit: after 5 failed attempts for one username within 60 s, further attempts
 * are refused (429) until the oldest of those failures leaves the window. Counted for unknown
 * usernames too, so the limit does not reveal which accounts exist.
 *
 * Usernames are keys of `state.loginFailures`; they are read as own keys only and written into a
 * record without a prototype, so names such as `constructor` or `__proto__` are plain keys.
 */
import { emptyRecord } from './json-records';
import type { ServerState } from './server-state';

export const LOGIN_FAILURE_LIMIT = 5;
export const LOGIN_FAILURE_WINDOW_MS = 60_000;

/**
 * The failures inside the window, oldest first. One stamped in the future (the clock stepped
 * back since) counts as made now: it still counts, but leaves the window one window from now.
 */
function recentFailures(state: ServerState, username: string, now: number): number[] {
  const failures = Object.hasOwn(state.loginFailures, username)
    ? state.loginFailures[username]
    : [];
  return failures
    .filter((time) => time > now - LOGIN_FAILURE_WINDOW_MS)
    .map((time) => Math.min(time, now))
    .sort((a, b) => a - b);
}

/** Seconds until the next attempt is allowed; 0 when it is allowed now. Never over the window. */
export function loginRetryAfter(state: ServerState, username: string, now: number): number {
  const recent = recentFailures(state, username, now);
  if (recent.length < LOGIN_FAILURE_LIMIT) return 0;
  const freedAt = recent[recent.length - LOGIN_FAILURE_LIMIT] + LOGIN_FAILURE_WINDOW_MS;
  return Math.max(1, Math.ceil((freedAt - now) / 1000));
}

/**
 * Drops failures outside the window and moves those stamped in the future to now, so after a
 * clock step back they expire one window later instead of when the clock catches up.
 */
export function pruneLoginFailures(state: ServerState, now: number): void {
  const kept = emptyRecord<number[]>();
  for (const name of Object.keys(state.loginFailures)) {
    const recent = recentFailures(state, name, now);
    if (recent.length > 0) kept[name] = recent;
  }
  state.loginFailures = kept;
}

/** Records a failure for `username` (and prunes every username's failures). */
export function recordLoginFailure(state: ServerState, username: string, now: number): void {
  pruneLoginFailures(state, now);
  state.loginFailures[username] = [...recentFailures(state, username, now), now];
}

export function clearLoginFailures(state: ServerState, username: string): void {
  if (Object.hasOwn(state.loginFailures, username)) delete state.loginFailures[username];
}
