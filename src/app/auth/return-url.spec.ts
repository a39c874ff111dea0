import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';

import { loginUrlTree, safeReturnUrl } from './return-url';

describe('return URLs', () => {
  it('safeReturnUrl accepts in-app paths only', () => {
    expect(safeReturnUrl('/admin?x=1#top')).toBe('/admin?x=1#top');
    for (const unsafe of ['//evil.com', '/\\evil.com', 'https://evil.com', 'admin', '', null, 42]) {
      expect(safeReturnUrl(unsafe)).withContext(String(unsafe)).toBeNull();
    }
  });

  it('loginUrlTree keeps a useful returnUrl and drops guest pages and the root', () => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const router = TestBed.inject(Router);
    const url = (returnUrl: string | null) => router.serializeUrl(loginUrlTree(router, returnUrl));
    expect(url('/admin')).toBe('/login?returnUrl=%2Fadmin');
    expect(url('/login?returnUrl=%2Fadmin')).toBe('/login');
    expect(url('/register')).toBe('/login');
    expect(url('/')).toBe('/login');
    expect(url(null)).toBe('/login');
  });
});
