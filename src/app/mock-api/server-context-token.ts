/**
 * The dependency-injection token of the in-browser server's one context, shared by the HTTP
 * adapter (`MockServer`) and `DemoServerControls`. Kept apart from the plain factory in
 * `server-context.ts`, which has no Angular in it.
 */
import { inject, InjectionToken } from '@angular/core';

import { MOCK_API_OPTIONS } from './mock-api-tokens';
import { createServerContext, type InBrowserServerContext } from './server-context';

export const SERVER_CONTEXT = new InjectionToken<InBrowserServerContext>('SERVER_CONTEXT', {
  providedIn: 'root',
  factory: () => createServerContext(inject(MOCK_API_OPTIONS, { optional: true }) ?? {}),
});
