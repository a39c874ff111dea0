import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, TitleStrategy, withComponentInputBinding } from '@angular/router';

import { routes } from './app.routes';
import { authInterceptor } from './auth/auth-interceptor';
import { provideAuth } from './auth/provide-auth';
import { AppTitleStrategy } from './layout/app-title-strategy';
import { provideMockApi } from './mock-api/provide-mock-api';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding()),
    { provide: TitleStrategy, useClass: AppTitleStrategy },
    // Order matters: the in-browser server replaces the HttpBackend that provideHttpClient sets
    // up (the last HttpBackend wins), and the auth initializer may already call it.
    provideHttpClient(withInterceptors([authInterceptor])),
    provideMockApi(),
    provideAuth(),
  ],
};
