import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterOutlet } from '@angular/router';

import { AuthEvents } from './auth/auth-events';
import { LOGIN_PATH, loginUrlTree } from './auth/return-url';
import { DevtoolsLayout } from './devtools/devtools-layout';
import { Navbar } from './layout/navbar';

/**
 * The application shell: navbar on top, the routed page below, the Auth devtools beside it (below
 * it on small screens). It is where auth events turn into navigation: a session that ends goes to
 * `/login?returnUrl=<where the user was>` (the login page shows `AuthStore.sessionNotice()`), a
 * voluntary sign-out goes to `/login`.
 */
@Component({
  selector: 'app-root',
  imports: [RouterOutlet, Navbar, DevtoolsLayout],
  templateUrl: './app.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  readonly #router = inject(Router);

  constructor() {
    const events = inject(AuthEvents);
    events
      .on('sessionExpired')
      .pipe(takeUntilDestroyed())
      .subscribe(
        () => void this.#router.navigateByUrl(loginUrlTree(this.#router, this.#userUrl())),
      );
    events
      .on('signedOut')
      .pipe(takeUntilDestroyed())
      .subscribe(() => void this.#router.navigateByUrl(LOGIN_PATH));
  }

  /** Where the user is, or is going when a navigation is under way. */
  #userUrl(): string {
    const navigation = this.#router.currentNavigation();
    const target = navigation?.finalUrl ?? navigation?.extractedUrl;
    return target ? this.#router.serializeUrl(target) : this.#router.url;
  }
}
