/**
 * The in-browser server as an `HttpBackend`: angular-in-memory-web-api running `MockServer`.
 * `MockApiBackend` loads this file (a lazy chunk) on the first `api/` request and calls
 * `startServer`; only `api/` requests reach it.
 *
 * It is also the ONE place where the library's plain-object errors become real
 * `HttpErrorResponse`s (status, statusText, url, headers, and the JSON body as `error`), so client
 * code sees exactly what a real backend would give it. A simulated dropped connection arrives as
 * status 0 with a `ProgressEvent`, like a real network error.
 */
import { XhrFactory } from '@angular/common';
import {
  type HttpBackend,
  type HttpEvent,
  HttpErrorResponse,
  HttpHeaders,
  type HttpRequest,
} from '@angular/common/http';
import { inject, Injectable, Injector } from '@angular/core';
import { getStatusText, HttpClientBackendService } from 'angular-in-memory-web-api';
import { catchError, type Observable, throwError } from 'rxjs';

import type { ApiErrorBody } from '../api-contract';
import type { StartServer } from './mock-api-tokens';
import { MockServer } from './mock-server';

/** The library only needs XHR for its pass-through, which is not used (it is broken on 21.2). */
const NO_XHR: XhrFactory = {
  build: () => {
    throw new Error('The in-browser server never passes requests through itself.');
  },
};

/** Creates the server in a child of `parent`; its state (`SERVER_CONTEXT`) lives in the root. */
export const startServer: StartServer = (parent) =>
  Injector.create({ providers: [MockServer, InMemoryBackend], parent }).get(InMemoryBackend);

@Injectable()
export class InMemoryBackend implements HttpBackend {
  readonly #server = new HttpClientBackendService(
    inject(MockServer),
    { delay: 0, passThruUnknownUrl: false },
    NO_XHR,
  );

  handle(req: HttpRequest<unknown>): Observable<HttpEvent<unknown>> {
    return this.#server
      .handle(req)
      .pipe(catchError((failure: unknown) => throwError(() => toHttpError(failure, req))));
  }
}

/** The library errors with `{status, statusText, url, headers, body}` objects; map them once. */
export function toHttpError(failure: unknown, req: HttpRequest<unknown>): HttpErrorResponse {
  if (failure instanceof HttpErrorResponse) return failure;
  const options = (typeof failure === 'object' && failure !== null ? failure : {}) as {
    status?: unknown;
    statusText?: unknown;
    url?: unknown;
    headers?: unknown;
    body?: unknown;
  };
  const status = typeof options.status === 'number' ? options.status : 500;
  const url = typeof options.url === 'string' ? options.url : req.urlWithParams;
  if (status === 0) {
    return new HttpErrorResponse({
      error: new ProgressEvent('error'),
      status: 0,
      statusText: 'Unknown Error',
      url,
    });
  }
  return new HttpErrorResponse({
    error: isErrorBody(options.body) ? options.body : serverError(failure, options.body),
    headers: options.headers instanceof HttpHeaders ? options.headers : new HttpHeaders(),
    status,
    statusText: typeof options.statusText === 'string' ? options.statusText : statusText(status),
    url,
  });
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  const candidate = body as Partial<ApiErrorBody> | null;
  return typeof candidate?.error === 'string' && typeof candidate.message === 'string';
}

/** A contract-shaped body for a failure that was not a server response at all. */
function serverError(failure: unknown, body: unknown): ApiErrorBody {
  const libraryMessage = (body as { error?: unknown } | undefined)?.error;
  const detail =
    failure instanceof Error
      ? failure.message
      : typeof libraryMessage === 'string'
        ? libraryMessage
        : 'unknown failure';
  return { error: 'server_error', message: `The in-browser server failed: ${detail}` };
}

function statusText(status: number): string {
  try {
    return getStatusText(status) || 'Unknown Error';
  } catch {
    return 'Unknown Error';
  }
}
