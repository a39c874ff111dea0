/**
 * The app's `HttpBackend` while `provideMockApi()` is on: `api/` requests go to the in-browser
 * server, every other URL to the real network.
 *
 * The server itself (with angular-in-memory-web-api and jose) is not in the app's first bundle:
 * it is loaded on the first `api/` request, once, and started in this injector. Until then the
 * request simply waits. If the code cannot be loaded (offline, a new deployment removed the old
 * chunk), the request fails with a clear 503 and the next request tries again.
 */
import {
  FetchBackend,
  type HttpBackend,
  type HttpEvent,
  HttpErrorResponse,
  type HttpRequest,
  HttpXhrBackend,
} from '@angular/common/http';
import { EnvironmentInjector, inject, Injectable } from '@angular/core';
import { catchError, from, type Observable, switchMap, throwError } from 'rxjs';

import type { ApiErrorBody } from '../api-contract';
import { apiTarget } from './api-url';
import { MOCK_SERVER_LOADER } from './mock-api-tokens';

@Injectable()
export class MockApiBackend implements HttpBackend {
  readonly #injector = inject(EnvironmentInjector);
  readonly #loadServer = inject(MOCK_SERVER_LOADER);
  #server: Promise<HttpBackend> | null = null;

  handle(req: HttpRequest<unknown>): Observable<HttpEvent<unknown>> {
    if (apiTarget(req.urlWithParams) === null) return this.#network().handle(req);
    return from(this.#startedServer()).pipe(
      catchError((failure: unknown) => throwError(() => serverNotLoaded(failure, req))),
      switchMap((server) => server.handle(req)),
    );
  }

  /** The running server, loaded and started by the first call; a failed load is retried. */
  #startedServer(): Promise<HttpBackend> {
    this.#server ??= this.#loadServer()
      .then((startServer) => startServer(this.#injector))
      .catch((failure: unknown) => {
        this.#server = null;
        throw failure;
      });
    return this.#server;
  }

  /** The backend `provideHttpClient` would have used: fetch with `withFetch()`, else XHR. */
  #network(): HttpBackend {
    return this.#injector.get(FetchBackend, null) ?? this.#injector.get(HttpXhrBackend);
  }
}

/** 503 with a contract-shaped body: what a real backend's gateway says when it is down. */
function serverNotLoaded(failure: unknown, req: HttpRequest<unknown>): HttpErrorResponse {
  const detail = failure instanceof Error ? failure.message : String(failure);
  const body: ApiErrorBody = {
    error: 'server_error',
    message: `The in-browser server could not be loaded (${detail}). Check the connection and try again.`,
  };
  return new HttpErrorResponse({
    error: body,
    status: 503,
    statusText: 'Service Unavailable',
    url: req.urlWithParams,
  });
}
