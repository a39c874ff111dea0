import {
  EnvironmentProviders,
  Provider,
  makeEnvironmentProviders,
  provideAppInitializer,
} from '@angular/core';
import { JWT_OPTIONS, JwtHelperService } from '@auth0/angular-jwt';

import { restoreSession } from './session-restore';

/**
 * The auth providers for `app.config.ts`: the JWT decoder and the session restore at start-up.
 * The stores are `providedIn: 'root'`; the interceptor is registered with `provideHttpClient`.
 */
export function provideAuth(): EnvironmentProviders {
  return makeEnvironmentProviders([provideJwtDecoder(), provideAppInitializer(restoreSession)]);
}

/** `JwtHelperService` as a plain decoder (its own interceptor and JwtModule are not used). */
export function provideJwtDecoder(): Provider[] {
  return [{ provide: JWT_OPTIONS, useValue: {} }, JwtHelperService];
}
