import { TestBed } from '@angular/core/testing';
import {
  ActivatedRouteSnapshot,
  CanActivateFn,
  convertToParamMap,
  provideRouter,
  Router,
  RouterStateSnapshot,
  UrlTree,
} from '@angular/router';

import { API_PATHS } from '../api-contract';
import { authGuard } from './auth-guard';
import { guestGuard } from './guest-guard';
import { adminGuard, roleGuard } from './role-guard';
import { fakeTokenResponse, TEST_ADMIN } from './testing/fake-tokens';
import { AuthTesting, configureAuthTesting, signInWith } from './testing/auth-testing';

/** Runs a guard the way the router does, for the URL `url` (query string included). */
function runGuard(guard: CanActivateFn, url: string): boolean | UrlTree {
  const router = TestBed.inject(Router);
  const tree = router.parseUrl(url);
  const route = { queryParamMap: convertToParamMap(tree.queryParams) } as ActivatedRouteSnapshot;
  const state = { url } as RouterStateSnapshot;
  return TestBed.runInInjectionContext(() => guard(route, state)) as boolean | UrlTree;
}

/** A guard result as a string: `true`, or the URL it redirects to. */
function outcome(result: boolean | UrlTree): string | boolean {
  return result instanceof UrlTree ? TestBed.inject(Router).serializeUrl(result) : result;
}

describe('guards', () => {
  let t: AuthTesting;

  beforeEach(() => {
    t = configureAuthTesting([provideRouter([])]);
  });

  afterEach(() => t.httpMock.verify());

  describe('authGuard', () => {
    it('returns true when signed in', async () => {
      await signInWith(t);
      expect(runGuard(authGuard, '/dashboard')).toBeTrue();
    });

    it('returns a UrlTree to /login with the requested URL as returnUrl when signed out', () => {
      expect(outcome(runGuard(authGuard, '/profile?tab=security'))).toBe(
        '/login?returnUrl=%2Fprofile%3Ftab%3Dsecurity',
      );
      expect(outcome(runGuard(authGuard, '/dashboard'))).toBe('/login?returnUrl=%2Fdashboard');
    });
  });

  describe('guestGuard', () => {
    it('returns true when signed out', () => {
      expect(runGuard(guestGuard, '/login')).toBeTrue();
      expect(runGuard(guestGuard, '/register')).toBeTrue();
    });

    it('sends a signed-in user to /dashboard', async () => {
      await signInWith(t);
      expect(outcome(runGuard(guestGuard, '/login'))).toBe('/dashboard');
      expect(outcome(runGuard(guestGuard, '/register'))).toBe('/dashboard');
    });

    it('sends a signed-in user to a safe returnUrl, and ignores one that leaves the app', async () => {
      await signInWith(t);
      expect(outcome(runGuard(guestGuard, '/login?returnUrl=%2Fprofile'))).toBe('/profile');
      const evil = '/login?returnUrl=' + encodeURIComponent('//evil.example.com/x');
      expect(outcome(runGuard(guestGuard, evil))).toBe('/dashboard');
      const absolute = '/login?returnUrl=' + encodeURIComponent('https://evil.example.com');
      expect(outcome(runGuard(guestGuard, absolute))).toBe('/dashboard');
    });
  });

  describe('roleGuard', () => {
    it('returns true for a signed-in admin', async () => {
      await signInWith(t, fakeTokenResponse({ user: TEST_ADMIN }));
      expect(runGuard(adminGuard, '/admin')).toBeTrue();
      expect(runGuard(roleGuard('user'), '/admin')).toBeTrue();
    });

    it('sends a signed-in user without the role to /forbidden and keeps them signed in', async () => {
      await signInWith(t);
      expect(outcome(runGuard(adminGuard, '/admin'))).toBe('/forbidden');
      expect(t.store.isSignedIn()).toBeTrue();
      expect(t.httpMock.match(API_PATHS.logout).length).toBe(0);
    });

    it('sends a signed-out user to /login with the returnUrl', () => {
      expect(outcome(runGuard(adminGuard, '/admin'))).toBe('/login?returnUrl=%2Fadmin');
    });
  });
});
