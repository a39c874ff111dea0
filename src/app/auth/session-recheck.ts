import { DOCUMENT, DestroyRef, Injectable, inject } from '@angular/core';

import { AuthSettings } from './auth-settings';
import { AuthStore } from './auth-store';

/**
 * Background tabs: browsers throttle or freeze the timers of hidden tabs, and an offline tab
 * cannot refresh. So when the tab becomes visible again, or the network comes back, the session
 * is checked at once: first brought in line with the other tabs, then refreshed now if the access
 * token expires within the leeway (proactive mode) or the refresh token looks expired, both in
 * server time. It never ends the session itself: this browser's clock may be wrong, so a refresh
 * token that looks expired is presented anyway and the server's refusal is what ends it.
 *
 * The same goes for a page the Back button restores from the browser's back/forward cache: it
 * comes back exactly as it was left. Chromium then delivers the `storage` events it held back, but
 * a browser need not, and a page that missed them would show the dashboard of a session that was
 * signed out in another tab. So `pageshow` with `persisted` checks too (browsers also report the
 * page as visible again then, but the restore is the event that says so). Likewise `resume`, which
 * Chromium fires on a tab it froze to save power, once it lets the tab run again.
 *
 * A tab that learns this way that another user has signed in meanwhile says so on `AuthEvents`
 * (`signedIn` with `previousUser`), and the shell reloads the page rather than show that other
 * user's data under the new session.
 *
 * Started once by `provideAuth()`; the listeners go with the app.
 */
@Injectable({ providedIn: 'root' })
export class SessionRecheck {
  readonly #store = inject(AuthStore);
  readonly #settings = inject(AuthSettings);
  readonly #document = inject(DOCUMENT);
  readonly #destroyRef = inject(DestroyRef);
  #started = false;

  start(): void {
    const window = this.#document.defaultView;
    if (this.#started || !window) return;
    this.#started = true;
    const onVisibility = () => {
      if (this.#document.visibilityState === 'visible') void this.recheck();
    };
    const onOnline = () => void this.recheck();
    const onResume = () => void this.recheck();
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) void this.recheck();
    };
    this.#document.addEventListener('visibilitychange', onVisibility);
    this.#document.addEventListener('resume', onResume);
    window.addEventListener('online', onOnline);
    window.addEventListener('pageshow', onPageShow);
    this.#destroyRef.onDestroy(() => {
      this.#document.removeEventListener('visibilitychange', onVisibility);
      this.#document.removeEventListener('resume', onResume);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('pageshow', onPageShow);
    });
  }

  /** The check itself; resolves when a refresh it started has settled. Never rejects. */
  async recheck(): Promise<void> {
    this.#store.syncWithStorage();
    if (!this.#store.isSignedIn()) return;
    const leeway = this.#settings.leewaySeconds();
    const due = this.#settings.proactiveRefresh() && this.#store.accessTokenExpiresWithin(leeway);
    if (due || this.#store.refreshTokenLooksExpired()) {
      // A refusal ends the session inside the store; a transient failure keeps it: nothing to add.
      await this.#store.refresh({ proactive: true }).catch(() => undefined);
    }
  }
}
