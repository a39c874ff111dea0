import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterOutlet } from '@angular/router';

import { AuthEvents } from './auth/auth-events';
import { HOME_PATH, LOGIN_PATH, loginUrlTree, safeReturnUrl } from './auth/return-url';
import { DevtoolsLayout } from './devtools/devtools-layout';
import { Navbar } from './layout/navbar';
import { PageLoadFailure } from './layout/page-load-failure';
import { RELOAD_PAGE } from './layout/reload-page';

/**
 * The application shell: navbar on top, the routed page below, the Auth devtools beside it (below
 * it on small screens). It is where auth events turn into navigation: a session that ends goes to
 * `/login?returnUrl=<where the user was>` (the login page shows `AuthStore.sessionNotice()`), a
 * voluntary sign-out goes to `/login`. Another tab's sign-in as a different user, learnt late
 * (this tab was frozen or in the back/forward cache), reloads the page: the components on screen
 * hold the first user's data, and starting afresh is the one way to be sure none of it stays. A
 * page whose code cannot be loaded is reported above the page area, with a Reload button.
 */
@Component({
  selector: 'app-root',
  imports: [RouterOutlet, Navbar, DevtoolsLayout],
  templateUrl: './app.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  readonly #router = inject(Router);
  readonly #reloadPage = inject(RELOAD_PAGE);
  /** Set when the router shows its first page; the devtools panel waits for it. */
  protected readonly pageShown = signal(false);
  /** Why the last page could not be opened (its code did not load), shown above the page. */
  protected readonly pageLoadFailure = inject(PageLoadFailure).message;

  constructor() {
    const events = inject(AuthEvents);
    events
      .on('sessionExpired')
      .pipe(takeUntilDestroyed())
      .subscribe(
        () => void this.#router.navigateByUrl(loginUrlTree(this.#router, this.#userUrl())),
      );
    // From another tab (localStorage mode): a sign-out there ends the session here, so the
    // returnUrl is kept; a sign-in there takes this tab off the sign-in and register pages.
    events
      .on('signedOut')
      .pipe(takeUntilDestroyed())
      .subscribe(({ fromOtherTab }) => {
        const target = fromOtherTab ? loginUrlTree(this.#router, this.#userUrl()) : LOGIN_PATH;
        void this.#router.navigateByUrl(target);
      });
    events
      .on('signedIn')
      .pipe(takeUntilDestroyed())
      .subscribe(({ fromOtherTab, previousUser }) => {
        if (previousUser) this.#reloadPage();
        else if (fromOtherTab) void this.#leaveGuestPage();
      });
  }

  protected reload(): void {
    this.#reloadPage();
  }

  /** On `/login` or `/register`: on to the page's `returnUrl` (or home), as the guest guard would. */
  async #leaveGuestPage(): Promise<void> {
    const url = this.#router.parseUrl(this.#userUrl());
    const page = url.root.children['primary']?.segments[0]?.path;
    if (page !== 'login' && page !== 'register') return;
    await this.#router.navigateByUrl(
      safeReturnUrl(url.queryParamMap.get('returnUrl')) ?? HOME_PATH,
    );
  }

  /** Where the user is, or is going when a navigation is under way. */
  #userUrl(): string {
    const navigation = this.#router.currentNavigation();
    const target = navigation?.finalUrl ?? navigation?.extractedUrl;
    return target ? this.#router.serializeUrl(target) : this.#router.url;
  }
}
