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

function recentFailures(state: ServerState, username: string, now: number): number[] {
  const failures = Object.hasOwn(state.loginFailures, username)
    ? state.loginFailures[username]
    : [];
  return failures.filter((time) => time > now - LOGIN_FAILURE_WINDOW_MS).sort((a, b) => a - b);
}

/** Seconds until the next attempt is allowed; 0 when it is allowed now. */
export function loginRetryAfter(state: ServerState, username: string, now: number): number {
  const recent = recentFailures(state, username, now);
  if (recent.length < LOGIN_FAILURE_LIMIT) return 0;
  const freedAt = recent[recent.length - LOGIN_FAILURE_LIMIT] + LOGIN_FAILURE_WINDOW_MS;
  return Math.max(1, Math.ceil((freedAt - now) / 1000));
}

/** Records a failure for `username` and drops every username's failures outside the window. */
export function recordLoginFailure(state: ServerState, username: string, now: number): void {
  const kept = emptyRecord<number[]>();
  for (const name of Object.keys(state.loginFailures)) {
    const recent = recentFailures(state, name, now);
    if (recent.length > 0) kept[name] = recent;
  }
  kept[username] = [...recentFailures(state, username, now), now];
  state.loginFailures = kept;
}

export function clearLoginFailures(state: ServerState, username: string): void {
  if (Object.hasOwn(state.loginFailures, username)) delete state.loginFailures[username];
}
