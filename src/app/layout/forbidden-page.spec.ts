import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { configureAuthTesting, signInWith } from '../auth/testing/auth-testing';
import ForbiddenPage from './forbidden-page';

describe('ForbiddenPage', () => {
  it('explains that the admin role is needed, names the user and links to the dashboard', async () => {
    const t = configureAuthTesting([provideRouter([])]);
    await signInWith(t);
    const fixture = TestBed.createComponent(ForbiddenPage);
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;

    expect(page.querySelector('h1')?.textContent).toBe('Forbidden');
    expect(page.textContent).toContain('admin');
    expect(page.textContent).toContain('Demo User');
    expect(page.querySelector('a')?.getAttribute('href')).toBe('/dashboard');
    expect(t.store.isSignedIn()).toBeTrue();
    t.httpMock.verify();
  });
});
