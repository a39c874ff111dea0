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

import { InMemoryBackend } from './in-memory-backend';
import { MOCK_API_OPTIONS } from './mock-api-tokens';
import { MockServer } from './mock-server';
import type { MockApiOptions } from './server-context';

/**
 * Replaces the app's `HttpBackend` with the in-browser auth server.
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
    MockServer,
    InMemoryBackend,
    { provide: HttpBackend, useExisting: InMemoryBackend },
    provideEnvironmentInitializer(() => {
      if (!(inject(HttpBackend) instanceof InMemoryBackend)) {
        throw new Error(
          'provideMockApi() must be listed after provideHttpClient(): another HttpBackend ' +
            'replaced it, so requests would go to the network.',
        );
      }
    }),
  ]);
}
