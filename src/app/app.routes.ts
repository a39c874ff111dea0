import { Routes } from '@angular/router';

import { authGuard } from './auth/auth-guard';
import { guestGuard } from './auth/guest-guard';
import { adminGuard } from './auth/role-guard';

/**
 * Every page is a lazy route: only the shell is in the initial bundle. Guards return `true` or a
 * `UrlTree`: signed-out users go to `/login?returnUrl=…`, signed-in users are kept off the guest
 * pages, and a user without the admin role is sent to `/forbidden`.
 */
export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
  {
    path: 'login',
    title: 'Sign in',
    canActivate: [guestGuard],
    loadComponent: () => import('./login/login-page'),
  },
  {
    path: 'register',
    title: 'Register',
    canActivate: [guestGuard],
    loadComponent: () => import('./register/register-page'),
  },
  {
    path: 'dashboard',
    title: 'Dashboard',
    canActivate: [authGuard],
    loadComponent: () => import('./dashboard/dashboard-page'),
  },
  {
    path: 'profile',
    title: 'Profile',
    canActivate: [authGuard],
    loadComponent: () => import('./profile/profile-page'),
  },
  {
    path: 'admin',
    title: 'Admin',
    canActivate: [authGuard, adminGuard],
    loadComponent: () => import('./admin/admin-page'),
  },
  // Signed in or out: it draws this tab's own activity, sign-in included.
  { path: 'flow', title: 'Flow', loadComponent: () => import('./flow/flow-page') },
  {
    path: 'forbidden',
    title: 'Forbidden',
    canActivate: [authGuard],
    loadComponent: () => import('./layout/forbidden-page'),
  },
  { path: '**', title: 'Page not found', loadComponent: () => import('./layout/not-found-page') },
];
