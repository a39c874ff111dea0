import { DOCUMENT, DestroyRef, Injectable, inject } from '@angular/core';

import { AUTH_SETTINGS_KEY, AuthSettings } from './auth-settings';
import { AuthStore } from './auth-store';
import { TOKENS_KEY } from './token-storage';

/**
 * Keeps this tab in step with the others through `storage` events, which the browser fires in
 * every other tab of the origin when one tab changes localStorage (never in the tab that wrote):
 *
 * - `auth:tokens` changed: `AuthStore.syncWithStorage()` takes over the other tab's rotation or
 *   sign-in, or signs this tab out when the shared session ended (localStorage mode only);
 * - `auth:settings` changed: the switches are re-read, and a new storage mode is followed.
 *
 * Started once by `provideAuth()`; the listener goes with the app.
 */
@Injectable({ providedIn: 'root' })
export class TabSync {
  readonly #store = inject(AuthStore);
  readonly #settings = inject(AuthSettings);
  readonly #window = inject(DOCUMENT).defaultView;
  readonly #destroyRef = inject(DestroyRef);
  #started = false;

  start(): void {
    const window = this.#window;
    if (this.#started || !window) return;
    this.#started = true;
    const listener = (event: StorageEvent) => this.apply(event);
    window.addEventListener('storage', listener);
    this.#destroyRef.onDestroy(() => window.removeEventListener('storage', listener));
  }

  /** Applies one `storage` event (a `key` of null means another tab cleared localStorage). */
  apply(event: StorageEvent): void {
    if (event.storageArea !== this.#window?.localStorage) return;
    if (event.key === null || event.key === AUTH_SETTINGS_KEY) this.#settingsChanged();
    if (event.key === null || event.key === TOKENS_KEY) this.#store.syncWithStorage();
  }

  #settingsChanged(): void {
    const before = this.#settings.storageMode();
    this.#settings.reload();
    const after = this.#settings.storageMode();
    if (after !== before) this.#store.followStorageMode(after);
  }
}
