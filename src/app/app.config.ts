import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import {
  provideRouter,
  TitleStrategy,
  withComponentInputBinding,
  withNavigationErrorHandler,
  withRouterConfig,
} from '@angular/router';

import { routes } from './app.routes';
import { authInterceptor } from './auth/auth-interceptor';
import { provideAuth } from './auth/provide-auth';
import { activityInterceptor } from './devtools/activity/activity-interceptor';
import { provideActivityTrace } from './devtools/activity/activity-trace';
import { AppTitleStrategy } from './layout/app-title-strategy';
import { reportNavigationError } from './layout/page-load-failure';
import { provideMockApi } from './mock-api/provide-mock-api';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    // A page that cannot be loaded (its chunk did not arrive) is reported on screen, not thrown.
    provideRouter(
      routes,
      withComponentInputBinding(),
      withNavigationErrorHandler(reportNavigationError),
      withRouterConfig({ resolveNavigationPromiseOnError: true }),
    ),
    { provide: TitleStrategy, useClass: AppTitleStrategy },
    // Order matters: the in-browser server replaces the HttpBackend that provideHttpClient sets
    // up (the last HttpBackend wins), and the auth initializer may already call it.
    // The devtools' activity interceptor comes after the auth one, to record what is really sent.
    // It learns what the auth flow did from AUTH_TRACE, which the devtools provide.
    provideHttpClient(withInterceptors([authInterceptor, activityInterceptor])),
    provideActivityTrace(),
    provideMockApi(),
    provideAuth(),
  ],
};
