import { InjectionToken } from '@angular/core';

import { localStorageOrNull } from '../browser-storage';
import { createStorageFence, NO_FENCE, type StorageFence } from '../storage-fence';

/**
 * The Web Locks API (`navigator.locks`) as an injectable, so specs can fake it and the app can
 * tell when a browser lacks it. Locks are shared by every tab of the origin and released when a
 * tab closes, which makes them the cross-tab mutex of this app:
 *
 * - `auth:refresh` is held around the refresh (re-read storage, call the server, store the new
 *   pair), so two tabs never present the same refresh token (`AuthStore`);
 * - `auth:tab:<id>` is held by each tab for its lifetime, so a duplicated tab can tell that its
 *   copied id is taken (`TabIdentity`).
 *
 * `null` where the browser has no Web Locks: every tab is then on its own (single-tab-safe only),
 * and the devtools say so.
 */
export interface WebLocks {
  request<T>(
    name: string,
    options: LockOptions,
    callback: (lock: Lock | null) => Promise<T>,
  ): Promise<T>;
}

export const WEB_LOCKS = new InjectionToken<WebLocks | null>('WEB_LOCKS', {
  providedIn: 'root',
  // The DOM typings return Promise<Promise<T>> for an async callback; the lock manager awaits it.
  factory: () => (globalThis.navigator?.locks as unknown as WebLocks | undefined) ?? null,
});

export const REFRESH_LOCK_NAME = 'auth:refresh';

/**
 * Inside `auth:refresh`: waits until this tab's copy of localStorage shows the token pair the
 * previous holder stored, since a lock alone does not make another tab's write visible at once
 * (see `storage-fence.ts`). Specs replace it with `NO_FENCE`.
 */
export const REFRESH_FENCE = new InjectionToken<StorageFence>('REFRESH_FENCE', {
  providedIn: 'root',
  factory: () => {
    // Site data blocked: no shared session, so nothing to fence.
    const storage = localStorageOrNull();
    if (!storage) return NO_FENCE;
    return createStorageFence({ storage, revisionKey: 'auth:rev', database: 'auth-fence' });
  },
});

/** Lock options that give up waiting after `ms` (the request then rejects with an `AbortError`). */
export function waitAtMost(ms: number): LockOptions {
  return typeof AbortSignal.timeout === 'function' ? { signal: AbortSignal.timeout(ms) } : {};
}

/** True for the rejection of a lock request that gave up waiting. */
export function isLockWaitAbort(error: unknown): boolean {
  return (
    error instanceof DOMException && (error.name === 'AbortError' || error.name === 'TimeoutError')
  );
}
