import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';

import { AuthStore } from '../auth/auth-store';
import { APP_NAME } from './app-title-strategy';

interface NavLink {
  readonly path: string;
  readonly label: string;
}

const USER_LINKS: readonly NavLink[] = [
  { path: '/dashboard', label: 'Dashboard' },
  { path: '/profile', label: 'Profile' },
];
const ADMIN_LINK: NavLink = { path: '/admin', label: 'Admin' };
const GUEST_LINKS: readonly NavLink[] = [
  { path: '/login', label: 'Sign in' },
  { path: '/register', label: 'Register' },
];

/**
 * Top navigation. Signed in: Dashboard, Profile, Admin (admins only), the user's name and
 * "Sign out"; signed out: "Sign in" and "Register". Collapses behind a toggle button on small
 * screens (no Bootstrap JS needed); Escape closes the open menu.
 */
@Component({
  selector: 'app-navbar',
  imports: [RouterLink, RouterLinkActive],
  templateUrl: './navbar.html',
  // The current page is marked by more than colour: it is underlined too.
  styles: `
    .nav-link.active {
      text-decoration: underline;
      text-underline-offset: 0.35em;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(keydown.escape)': 'closeMenu()' },
})
export class Navbar {
  readonly #store = inject(AuthStore);

  protected readonly appName = APP_NAME;
  protected readonly user = this.#store.user;
  protected readonly signedIn = this.#store.isSignedIn;
  /** Signed in: the pages (Admin only for admins). Signed out: Sign in and Register. */
  protected readonly links = computed(() => {
    if (!this.#store.isSignedIn()) return GUEST_LINKS;
    return this.#store.isAdmin() ? [...USER_LINKS, ADMIN_LINK] : USER_LINKS;
  });
  protected readonly menuOpen = signal(false);

  protected toggleMenu(): void {
    this.menuOpen.update((open) => !open);
  }

  protected closeMenu(): void {
    this.menuOpen.set(false);
  }

  /** Ends the session; the shell then opens `/login` (it listens for `signedOut`). */
  protected signOut(): void {
    this.closeMenu();
    void this.#store.signOut();
  }
}
