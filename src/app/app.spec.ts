import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { App } from './app';
import { routes } from './app.routes';

describe('App shell', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [App], providers: [provideRouter(routes)] });
  });

  it('renders the main navigation with a link to every page', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const nav = (fixture.nativeElement as HTMLElement).querySelector('nav[aria-label="Main"]');
    const links = Array.from(nav?.querySelectorAll('a.nav-link') ?? []).map((a) => ({
      text: a.textContent?.trim(),
      href: a.getAttribute('href'),
    }));
    expect(links).toEqual([
      { text: 'Dashboard', href: '/dashboard' },
      { text: 'Profile', href: '/profile' },
      { text: 'Admin', href: '/admin' },
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
});
