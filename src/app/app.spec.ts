import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { NavigationEnd, NavigationError, provideRouter, Router } from '@angular/router';
import { filter, firstValueFrom } from 'rxjs';

import { App } from './app';
import { routes } from './app.routes';
import { AuthEvents } from './auth/auth-events';
import { provideJwtDecoder } from './auth/provide-auth';
import { clearAuthStorage } from './auth/testing/auth-testing';
import { TEST_USER } from './auth/testing/fake-tokens';
import { DEVTOOLS_OPEN_KEY } from './devtools/devtools-visibility';
import { PageLoadFailure } from './layout/page-load-failure';
import { RELOAD_PAGE } from './layout/reload-page';

describe('App shell', () => {
  beforeEach(() => {
    clearAuthStorage();
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter(routes),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideJwtDecoder(),
      ],
    });
  });

  it('renders the main navigation; signed out it offers Sign in and Register', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const nav = (fixture.nativeElement as HTMLElement).querySelector('nav[aria-label="Main"]');
    const links = Array.from(nav?.querySelectorAll('a.nav-link') ?? []).map((a) => ({
      text: a.textContent?.trim(),
      href: a.getAttribute('href'),
    }));
    expect(links).toEqual([
      { text: 'Sign in', href: '/login' },
      { text: 'Register', href: '/register' },
    ]);
  });

  it('has a router outlet inside the main landmark', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const main = (fixture.nativeElement as HTMLElement).querySelector('main');
    expect(main?.querySelector('router-outlet')).not.toBeNull();
  });

  it('shows the Auth devtools with the first page, not before (so it never jumps down)', async () => {
    localStorage.setItem(DEVTOOLS_OPEN_KEY, 'false');
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;

    expect(host.querySelector('app-devtools-panel')).toBeNull();

    await TestBed.inject(Router).navigateByUrl('/login');
    await fixture.whenStable();

    expect(host.querySelector('main h1')?.textContent).toContain('Sign in');
    expect(host.querySelector('app-devtools-panel')).not.toBeNull();
    localStorage.removeItem(DEVTOOLS_OPEN_KEY);
  });

  it('shows why a page could not be loaded above the page, with a Reload button', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    expect(host.querySelector('main [role="alert"]')).toBeNull();

    const chunkFailure = new TypeError('Failed to fetch dynamically imported module: x.js');
    TestBed.inject(PageLoadFailure).report(new NavigationError(1, '/profile', chunkFailure));
    await fixture.whenStable();

    const alert = host.querySelector('main [role="alert"]');
    expect(alert?.textContent).toContain('This page could not be loaded');
    expect(alert?.querySelector('button')?.textContent?.trim()).toBe('Reload');
  });

  describe('reacting to auth events', () => {
    let reloads: number;

    beforeEach(() => {
      reloads = 0;
      TestBed.overrideProvider(RELOAD_PAGE, { useValue: () => reloads++ });
    });

    async function startAt(url: string): Promise<Router> {
      TestBed.createComponent(App);
      const router = TestBed.inject(Router);
      await router.navigateByUrl(url);
      return router;
    }

    function nextNavigation(router: Router): Promise<unknown> {
      return firstValueFrom(router.events.pipe(filter((event) => event instanceof NavigationEnd)));
    }

    it('goes to /login with the current URL as returnUrl when the session expires', async () => {
      const router = await startAt('/somewhere/else?tab=2');
      const navigated = nextNavigation(router);
      TestBed.inject(AuthEvents).emit({
        type: 'sessionExpired',
        reason: 'the refresh token expired',
      });
      await navigated;
      expect(router.url).toBe('/login?returnUrl=%2Fsomewhere%2Felse%3Ftab%3D2');
    });

    it('goes to /login without a returnUrl after a voluntary sign-out', async () => {
      const router = await startAt('/somewhere');
      const navigated = nextNavigation(router);
      TestBed.inject(AuthEvents).emit({ type: 'signedOut' });
      await navigated;
      expect(router.url).toBe('/login');
    });

    it('keeps the returnUrl when the sign-out happened in another tab', async () => {
      const router = await startAt('/somewhere?tab=2');
      const navigated = nextNavigation(router);
      TestBed.inject(AuthEvents).emit({ type: 'signedOut', fromOtherTab: true });
      await navigated;
      expect(router.url).toBe('/login?returnUrl=%2Fsomewhere%3Ftab%3D2');
    });

    it('leaves the sign-in page for its returnUrl when another tab signs in', async () => {
      const router = await startAt('/login?returnUrl=%2Fsomewhere');
      const navigated = nextNavigation(router);
      TestBed.inject(AuthEvents).emit({ type: 'signedIn', user: TEST_USER, fromOtherTab: true });
      await navigated;
      expect(router.url).toBe('/somewhere');
    });

    // Issue 13, finding 7: the page on screen holds the first user's data.
    it('reloads the page when another tab’s sign-in as another user replaced this tab’s', async () => {
      const router = await startAt('/elsewhere');
      const events = TestBed.inject(AuthEvents);
      events.emit({ type: 'signedIn', user: TEST_USER, fromOtherTab: true });
      expect(reloads).withContext('a plain sign-in elsewhere').toBe(0);

      events.emit({
        type: 'signedIn',
        user: { ...TEST_USER, id: 'u-other', username: 'other' },
        fromOtherTab: true,
        previousUser: TEST_USER,
      });
      expect(reloads).toBe(1);
      expect(router.url).toBe('/elsewhere');
    });

    it('stays where it is on a sign-in here, or on a page that is not for guests', async () => {
      const router = await startAt('/login?returnUrl=%2Fsomewhere');
      const events = TestBed.inject(AuthEvents);
      const app = TestBed.inject(ApplicationRef);
      events.emit({ type: 'signedIn', user: TEST_USER }); // the login page navigates itself
      await app.whenStable();
      expect(router.url).toBe('/login?returnUrl=%2Fsomewhere');

      await router.navigateByUrl('/elsewhere');
      events.emit({ type: 'signedIn', user: TEST_USER, fromOtherTab: true });
      await app.whenStable();
      expect(router.url).toBe('/elsewhere');
    });
  });
});
