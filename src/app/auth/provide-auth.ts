import {
  EnvironmentProviders,
  Provider,
  inject,
  makeEnvironmentProviders,
  provideAppInitializer,
  provideEnvironmentInitializer,
} from '@angular/core';
import { JWT_OPTIONS, JwtHelperService } from '@auth0/angular-jwt';

import { SessionRecheck } from './session-recheck';
import { restoreSession } from './session-restore';
import { TabSync } from './tab-sync';

/**
 * The auth providers for `app.config.ts`: the JWT decoder, the session restore at start-up, and
 * the listeners that keep tabs in step (`TabSync`) and re-check a tab that comes back
 * (`SessionRecheck`). The stores are `providedIn: 'root'`; the interceptor is registered with
 * `provideHttpClient`.
 */
export function provideAuth(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideJwtDecoder(),
    provideEnvironmentInitializer(() => {
      inject(TabSync).start();
      inject(SessionRecheck).start();
    }),
    provideAppInitializer(restoreSession),
  ]);
}

/** `JwtHelperService` as a plain decoder (its own interceptor and JwtModule are not used). */
export function provideJwtDecoder(): Provider[] {
  return [{ provide: JWT_OPTIONS, useValue: {} }, JwtHelperService];
}
