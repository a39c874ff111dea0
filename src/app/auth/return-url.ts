import { Router, UrlTree } from '@angular/router';

/** The routes the auth flow sends people to, and the `returnUrl` rules that keep it safe. */
export const LOGIN_PATH = '/login';
export const HOME_PATH = '/dashboard';
export const FORBIDDEN_PATH = '/forbidden';
const GUEST_PATHS = ['/login', '/register'];

/**
 * `value` when it is a path inside this app (one leading `/`), else null. Use it before
 * navigating to a `returnUrl` from the address bar, so it can never lead to another site.
 */
export function safeReturnUrl(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/')) return null;
  if (value.startsWith('//') || value.startsWith('/\\')) return null;
  return value;
}

/** `/login?returnUrl=<url>`; the `returnUrl` is left out when it is unsafe or a guest page. */
export function loginUrlTree(router: Router, returnUrl: string | null): UrlTree {
  const target = safeReturnUrl(returnUrl);
  const path = target?.split(/[?#]/)[0];
  const keep = target !== null && target !== '/' && !GUEST_PATHS.includes(path ?? '');
  return router.createUrlTree([LOGIN_PATH], keep ? { queryParams: { returnUrl: target } } : {});
}
