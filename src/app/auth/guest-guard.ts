import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';

import { AuthStore } from './auth-store';
import { HOME_PATH, safeReturnUrl } from './return-url';

/**
 * Keeps signed-in users off `/login` and `/register`: `true` when signed out, else a `UrlTree`
 * to the page's own `returnUrl` (when it is a safe in-app path) or to `/dashboard`.
 */
export const guestGuard: CanActivateFn = (route) => {
  if (!inject(AuthStore).isSignedIn()) return true;
  const returnUrl = safeReturnUrl(route.queryParamMap.get('returnUrl'));
  return inject(Router).parseUrl(returnUrl ?? HOME_PATH);
};
