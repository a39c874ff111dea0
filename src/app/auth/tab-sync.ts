import { DOCUMENT, DestroyRef, Injectable, inject } from '@angular/core';

import { AUTH_SETTINGS_KEY, AuthSettings } from './auth-settings';
import { SharedSession } from './shared-session';
import { TAB_CHANNEL } from './tab-channel';
import { TOKENS_KEY } from './token-storage';

/**
 * Keeps this tab in step with the others (localStorage mode: one session for all tabs):
 *
 * - the other tabs' messages (`TAB_CHANNEL`: `rotated`, `signedIn`, `signedOut`, `ended`) go to
 *   `SharedSession.hear`, which re-reads storage when the news is about this tab's session;
 * - `storage` events, which the browser fires in every other tab when one changes localStorage,
 *   are the fallback: they carry the same news where `BroadcastChannel` is missing, or when a
 *   message came before this tab's copy of storage had caught up. `auth:tokens` changed: storage
 *   is re-read (taking the same news in twice changes nothing); `auth:settings` changed: the
 *   switches are re-read, and a new storage mode is followed (settings travel only this way).
 *
 * Started once by `provideAuth()`; the listener goes with the app.
 */
@Injectable({ providedIn: 'root' })
export class TabSync {
  readonly #shared = inject(SharedSession);
  readonly #channel = inject(TAB_CHANNEL);
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
    const stopListening = this.#channel.listen((message) => this.#shared.hear(message));
    this.#destroyRef.onDestroy(() => {
      window.removeEventListener('storage', listener);
      stopListening();
    });
  }

  /** Applies one `storage` event (a `key` of null means another tab cleared localStorage). */
  apply(event: StorageEvent): void {
    if (event.storageArea !== this.#window?.localStorage) return;
    if (event.key === null || event.key === AUTH_SETTINGS_KEY) this.#settingsChanged();
    if (event.key === null || event.key === TOKENS_KEY) this.#shared.reconcile(null);
  }

  #settingsChanged(): void {
    const before = this.#settings.storageMode();
    this.#settings.reload();
    const after = this.#settings.storageMode();
    if (after !== before) this.#shared.followStorageMode(after);
  }
}
