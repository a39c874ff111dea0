/**
 * Dependency-injection tokens of the in-browser server: its options and its one shared context
 * (used by both the HTTP adapter and `DemoServerControls`).
 */
import { inject, InjectionToken } from '@angular/core';

import { createServerContext, type MockApiOptions, type ServerContext } from './server-context';

export const MOCK_API_OPTIONS = new InjectionToken<MockApiOptions>('MOCK_API_OPTIONS');

export const SERVER_CONTEXT = new InjectionToken<ServerContext>('SERVER_CONTEXT', {
  providedIn: 'root',
  factory: () => createServerContext(inject(MOCK_API_OPTIONS, { optional: true }) ?? {}),
});
