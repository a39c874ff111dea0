/**
 * The adapter that plugs the server into `angular-in-memory-web-api`: its method interceptors send
 * every request to `handleRequest` (router.ts) and turn the answer into the library's response.
 * The demo behaviour (latency, simulated failures) comes from `demo-layer.ts` around the router.
 *
 * Nothing here is server logic; a port to Node replaces this file with an HTTP listener.
 */
import { HttpHeaders, type HttpRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { InMemoryDbService, RequestInfo, ResponseOptions } from 'angular-in-memory-web-api';
import { concatMap, defer, type Observable } from 'rxjs';

import { apiTarget } from './api-url';
import { demoLayer } from './demo-layer';
import type { ServerResponse } from './http';
import { emptyRecord } from './json-records';
import { SERVER_CONTEXT } from './server-context-token';
import type { IncomingRequest } from './router';

@Injectable()
export class MockServer implements InMemoryDbService {
  readonly #ctx = inject(SERVER_CONTEXT);
  readonly #server = demoLayer();

  /** Serves one request: router answer, then the library's response (with its status text). */
  readonly #serve = (info: RequestInfo): Observable<unknown> =>
    defer(() => this.#respond(info.req as HttpRequest<unknown>)).pipe(
      concatMap((response) =>
        info.utils.createResponse$(() => toResponseOptions(response, info.url)),
      ),
    );

  // The library calls the method named after the request's verb; every verb goes to the router.
  readonly get = this.#serve;
  readonly post = this.#serve;
  readonly put = this.#serve;
  readonly patch = this.#serve;
  readonly delete = this.#serve;
  readonly head = this.#serve;
  readonly options = this.#serve;

  /** No library collections: the router answers every request itself. */
  createDb(): object {
    return {};
  }

  #respond(req: HttpRequest<unknown>): Promise<ServerResponse> {
    return this.#server(toIncoming(req), this.#ctx);
  }
}

function toIncoming(req: HttpRequest<unknown>): IncomingRequest {
  const target = apiTarget(req.urlWithParams) ?? { path: '', query: {} };
  const headers = emptyRecord<string>();
  for (const name of req.headers.keys()) {
    headers[name.toLowerCase()] = (req.headers.getAll(name) ?? []).join(', ');
  }
  // The browser backend sends the Content-Type HttpClient infers (JSON for an object, text/plain
  // for a string) when none was set; the server must see the same.
  const detected = req.detectContentTypeHeader();
  if (headers['content-type'] === undefined && detected !== null)
    headers['content-type'] = detected;
  const wire = req.serializeBody();
  // A non-text body (Blob, FormData...) cannot be JSON; its string form makes the parser refuse it.
  const rawBody = wire === null || typeof wire === 'string' ? wire : String(wire);
  return { method: req.method.toUpperCase(), ...target, headers, rawBody };
}

function toResponseOptions(response: ServerResponse, url: string): ResponseOptions {
  return {
    status: response.status,
    body: response.body as object | undefined,
    headers: new HttpHeaders(response.headers ?? {}),
    url,
  };
}
