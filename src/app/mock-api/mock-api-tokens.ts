/**
 * Dependency-injection tokens of `provideMockApi()`: the server's options, and how the server
 * code is loaded. Kept apart from the server itself, so the app's first bundle does not carry it.
 */
import type { HttpBackend } from '@angular/common/http';
import { InjectionToken, type Injector } from '@angular/core';

import type { MockApiOptions } from './server-context';

export const MOCK_API_OPTIONS = new InjectionToken<MockApiOptions>('MOCK_API_OPTIONS');

/** Starts the in-browser server under `parent` and returns the backend that answers `api/`. */
export type StartServer = (parent: Injector) => HttpBackend;

/**
 * Loads the server code. By default a dynamic import, so the server (with
 * angular-in-memory-web-api and jose) is a lazy chunk fetched on the first `api/` request.
 * Tests replace it to simulate a chunk that fails to load.
 */
export const MOCK_SERVER_LOADER = new InjectionToken<() => Promise<StartServer>>(
  'MOCK_SERVER_LOADER',
  {
    providedIn: 'root',
    factory: () => () => import('./in-memory-backend').then((server) => server.startServer),
  },
);
