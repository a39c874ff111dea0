import { inject } from '@angular/core';

import { AuthApi } from './auth-api';
import { AuthSettings } from './auth-settings';
import { AuthStore } from './auth-store';

/** Longest start-up waits for a refresh; after that the app starts and the refresh carries on. */
export const RESTORE_WAIT_LIMIT_MS = 5_000;

/**
 * The app initializer (see `provideAuth`): restores the stored session before the first route.
 *
 * - nothing, garbage or an expired refresh token in storage: signed out, storage cleared;
 * - a valid access token: signed in at once; `GET api/users/me` confirms it in the background
 *   (a revoked session then ends through the interceptor's normal 401 path);
 * - an access token that is expired (or within the leeway): refreshed first. Refused: signed
 *   out, with the reason as session notice. Transient failure: still signed in with the tokens.
 *
 * It never throws: a rejected initializer would leave a blank page.
 */
export async function restoreSession(): Promise<void> {
  const store = inject(AuthStore);
  const settings = inject(AuthSettings);
  const api = inject(AuthApi);
  try {
    if (!store.resumeStoredSession()) return;
    if (store.accessTokenExpiresWithin(settings.leewaySeconds())) {
      await settledWithin(store.refresh(), RESTORE_WAIT_LIMIT_MS);
    } else {
      api.me().subscribe({ next: (user) => store.setUser(user), error: () => undefined });
    }
  } catch (error) {
    console.error('Could not restore the session; starting signed out.', error);
  }
}

/** Resolves when `promise` settles either way, or after `ms`, whichever comes first. */
function settledWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    promise.then(done, done);
  });
}
