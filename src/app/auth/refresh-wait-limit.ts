import { InjectionToken } from '@angular/core';

import { refreshUnavailableError } from './auth-errors';

/**
 * Longest a caller waits for a refresh before failing as "could not reach the server", and the
 * hard limit of a refresh that never answers: then it is no longer the refresh to join, its lock
 * is released, and the next request starts a new one.
 */
export const REFRESH_WAIT_LIMIT_MS = 15_000;
/** The wait limit in force: `REFRESH_WAIT_LIMIT_MS`, shorter in specs that wait it out. */
export const REFRESH_WAIT_LIMIT = new InjectionToken<number>('REFRESH_WAIT_LIMIT', {
  providedIn: 'root',
  factory: () => REFRESH_WAIT_LIMIT_MS,
});

/**
 * `promise`, or a `refresh_unavailable` error once `ms` have passed without an answer (then
 * `onGiveUp` is called).
 */
export function withWaitLimit<T>(
  promise: Promise<T>,
  ms: number,
  onGiveUp?: () => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onGiveUp?.();
      reject(refreshUnavailableError(null));
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
