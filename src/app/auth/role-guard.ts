import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';

import { Role } from '../api-contract';
import { AuthStore } from './auth-store';
import { FORBIDDEN_PATH, loginUrlTree } from './return-url';

/**
 * `roleGuard('admin')`: `true` for a signed-in user with the role, a `UrlTree` to `/forbidden`
 * for one without it (they stay signed in), and to `/login?returnUrl=…` when signed out.
 */
export function roleGuard(role: Role): CanActivateFn {
  return (_route, state) => {
    const store = inject(AuthStore);
    const router = inject(Router);
    if (!store.isSignedIn()) return loginUrlTree(router, state.url);
    return store.hasRole(role) || router.parseUrl(FORBIDDEN_PATH);
  };
}

export const adminGuard: CanActivateFn = roleGuard('admin');
