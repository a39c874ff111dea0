import { inject } from '@angular/core';
import { JwtHelperService } from '@auth0/angular-jwt';

import { AuthApi } from './auth-api';
import { AuthSettings } from './auth-settings';
import { AuthStore } from './auth-store';
import { SessionCore } from './session-core';
import { COPIED_TAB } from './session-notices';
import { TabIdentity } from './tab-identity';
import { decodeClaims, userFromClaims } from './token-claims';
import { TokenStorage } from './token-storage';

/** Longest start-up waits for a refresh; after that the app starts and the refresh carries on. */
export const RESTORE_WAIT_LIMIT_MS = 5_000;

/**
 * The app initializer (see `provideAuth`): restores the stored session before the first route.
 *
 * - nothing or garbage in storage: signed out, storage cleared;
 * - a valid access token (in server time, with the clock offset stored with the session):
 *   signed in at once; `GET api/users/me` confirms it in the background (a revoked session then
 *   ends through the interceptor's normal 401 path);
 * - an access token that is expired (or within the leeway): refreshed first, even when the
 *   refresh token looks expired too (this browser's clock may be wrong; the server decides).
 *   Refused: signed out, with the reason as session notice. Transient failure: still signed in.
 * - a duplicated tab in session-storage mode (its sessionStorage, tokens included, was copied
 *   from a tab that is still open, see `TabIdentity`): the copied session is left to the original
 *   and this tab starts signed out, with a notice. Only then does start-up wait for the tab check.
 *
 * It never throws: a rejected initializer would leave a blank page.
 */
export async function restoreSession(): Promise<void> {
  const store = inject(AuthStore);
  const settings = inject(AuthSettings);
  const api = inject(AuthApi);
  const storage = inject(TokenStorage);
  const startUp: StartUp = { core: inject(SessionCore), storage, jwt: inject(JwtHelperService) };
  const claimed = inject(TabIdentity).claim();
  try {
    if (storage.mode() === 'session' && storage.read() !== null && (await claimed)) {
      leaveCopiedSession(startUp);
    }
    if (!resumeStoredSession(startUp)) return;
    if (store.accessTokenExpiresWithin(settings.leewaySeconds())) {
      await settledWithin(store.refresh(), RESTORE_WAIT_LIMIT_MS);
    } else {
      api.me().subscribe({ next: (user) => store.setUser(user), error: () => undefined });
    }
  } catch (error) {
    console.error('Could not restore the session; starting signed out.', error);
  }
}

/** What start-up works on, injected before its first `await`. */
export interface StartUp {
  readonly core: SessionCore;
  readonly storage: TokenStorage;
  readonly jwt: JwtHelperService;
}

/**
 * Adopts the session in `TokenStorage` (which drops garbage and ended sessions), with the user
 * built from the access token's claims when none was stored. Returns whether one was found.
 */
export function resumeStoredSession({ core, storage, jwt }: StartUp): boolean {
  core.forget();
  const stored = storage.read();
  const claims = stored && decodeClaims(jwt, stored.accessToken, 'access');
  if (!stored || !claims) return false;
  core.session.set({ ...stored, user: stored.user ?? userFromClaims(claims) });
  return true;
}

/**
 * A duplicated tab in session-storage mode (see `TabIdentity`): the copied tokens are the
 * original tab's, so they are dropped without a revoke and the login page says why. Using them
 * as well would make the second rotation look like reuse and end both tabs' session. (Not an end
 * of this tab's session: it has none yet.)
 */
function leaveCopiedSession({ core, storage }: StartUp): void {
  core.forget();
  storage.clear();
  core.notice.set(COPIED_TAB);
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
