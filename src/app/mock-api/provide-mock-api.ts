/**
 * `provideMockApi()`: runs the whole backend inside the browser. Remove it (and nothing else) to
 * point the app at a real server that answers the same `api/` paths.
 */
import { HttpBackend } from '@angular/common/http';
import {
  type EnvironmentProviders,
  inject,
  makeEnvironmentProviders,
  provideEnvironmentInitializer,
} from '@angular/core';

import { MockApiBackend } from './mock-api-backend';
import { MOCK_API_OPTIONS } from './mock-api-tokens';
import type { MockApiOptions } from './server-context';

/**
 * Replaces the app's `HttpBackend` with the in-browser auth server. The server's code is a lazy
 * chunk, loaded on the first `api/` request (see `MockApiBackend`).
 *
 * List it AFTER `provideHttpClient(...)`: the last `HttpBackend` provider wins, and in the wrong
 * order every request would silently go to the network. A wrong order throws at startup.
 *
 * ```ts
 * providers: [provideHttpClient(withInterceptors([authInterceptor])), provideMockApi()]
 * ```
 *
 * `options` are for tests (a fake clock, a low password-hashing cost, another lock or storage).
 */
export function provideMockApi(options: MockApiOptions = {}): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: MOCK_API_OPTIONS, useValue: options },
    MockApiBackend,
    { provide: HttpBackend, useExisting: MockApiBackend },
    provideEnvironmentInitializer(() => {
      if (!(inject(HttpBackend) instanceof MockApiBackend)) {
        throw new Error(
          'provideMockApi() must be listed after provideHttpClient(): another HttpBackend ' +
            'replaced it, so requests would go to the network.',
        );
      }
    }),
  ]);
}
