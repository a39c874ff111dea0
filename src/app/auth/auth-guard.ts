import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';

import { AuthStore } from './auth-store';
import { loginUrlTree } from './return-url';

/** Signed in: `true`. Signed out: a `UrlTree` to `/login?returnUrl=<the requested URL>`. */
export const authGuard: CanActivateFn = (_route, state) =>
  inject(AuthStore).isSignedIn() || loginUrlTree(inject(Router), state.url);
