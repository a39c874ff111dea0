import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { API_PATHS } from '../api-contract';
import { AuthTesting, configureAuthTesting, signInWith } from '../auth/testing/auth-testing';
import { TEST_ADMIN, fakeTokenResponse } from '../auth/testing/fake-tokens';
import { byText, query, textOf } from './testing/dom';
import { Navbar } from './navbar';

describe('Navbar', () => {
  let t: AuthTesting;

  beforeEach(() => {
    t = configureAuthTesting([provideRouter([])]);
  });

  async function render() {
    const fixture = TestBed.createComponent(Navbar);
    await fixture.whenStable();
    const nav = fixture.nativeElement as HTMLElement;
    const links = () =>
      Array.from(nav.querySelectorAll('a.nav-link')).map((link) => ({
        text: textOf(link),
        href: link.getAttribute('href'),
      }));
    return { fixture, nav, links };
  }

  it('offers Sign in and Register when signed out', async () => {
    const { nav, links } = await render();

    expect(links()).toEqual([
      { text: 'Sign in', href: '/login' },
      { text: 'Register', href: '/register' },
    ]);
    expect(textOf(nav)).not.toContain('Sign out');
  });

  it("shows a user's pages, name and Sign out, without Admin for a non-admin", async () => {
    await signInWith(t);
    const { nav, links } = await render();

    expect(links()).toEqual([
      { text: 'Dashboard', href: '/dashboard' },
      { text: 'Profile', href: '/profile' },
    ]);
    expect(textOf(query(nav, '[data-testid="signed-in-user"]'))).toBe('Signed in as Demo User');
    expect(byText(nav, 'button', 'Sign out')).toBeTruthy();
  });

  it('adds Admin for an admin', async () => {
    await signInWith(t, fakeTokenResponse({ user: TEST_ADMIN }));
    const { links } = await render();

    expect(links().map((link) => link.text)).toEqual(['Dashboard', 'Profile', 'Admin']);
  });

  it('signs out and switches back to the signed-out links', async () => {
    await signInWith(t);
    const { fixture, links, nav } = await render();

    byText(nav, 'button', 'Sign out').click();
    await fixture.whenStable();

    expect(t.store.isSignedIn()).toBeFalse();
    expect(t.events.map((event) => event.type)).toContain('signedOut');
    expect(links().map((link) => link.text)).toEqual(['Sign in', 'Register']);
    t.httpMock.expectOne(API_PATHS.logout).flush(null);
  });

  it('opens and closes the collapsed menu with its toggle and with Escape', async () => {
    const { fixture, nav } = await render();
    const toggle = query<HTMLButtonElement>(nav, '.navbar-toggler');
    const menu = query(nav, '#main-menu');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    toggle.click();
    await fixture.whenStable();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(menu.classList).toContain('show');

    nav.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await fixture.whenStable();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(menu.classList).not.toContain('show');
  });
});
