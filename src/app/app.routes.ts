import { Routes } from '@angular/router';

/** Every page is a lazy route: only the shell is in the initial bundle. */
export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
  { path: 'login', title: 'Sign in', loadComponent: () => import('./login/login-page') },
  { path: 'register', title: 'Register', loadComponent: () => import('./register/register-page') },
  {
    path: 'dashboard',
    title: 'Dashboard',
    loadComponent: () => import('./dashboard/dashboard-page'),
  },
  { path: 'profile', title: 'Profile', loadComponent: () => import('./profile/profile-page') },
  { path: 'admin', title: 'Admin', loadComponent: () => import('./admin/admin-page') },
  { path: '**', title: 'Page not found', loadComponent: () => import('./layout/not-found-page') },
];
