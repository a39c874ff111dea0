/**
 * Test-only: the network of the tab model. Every tab has its own `HttpBackend`, and every request
 * any tab sends waits here, on the wire, until the schedule decides its fate: answered by the
 * server, refused or failed (refresh only: the server's one-shot "next refresh fails with"),
 * dropped before the server (network error, or no answer ever), or served and its answer lost.
 */
import {
  HttpBackend,
  HttpContextToken,
  HttpErrorResponse,
  HttpEvent,
  HttpHeaders,
  HttpRequest,
  HttpResponse,
} from '@angular/common/http';
import { Observable, Subscriber } from 'rxjs';

import { API_PATHS } from '../../../api-contract';

/** A request as the server's router takes it (the shape of mock-api's `IncomingRequest`). */
export interface WireRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  rawBody: string | null;
}

export interface WireResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The in-browser server as the model sees it (wired up by the integration spec). */
export interface ServerPort {
  handle(request: WireRequest): Promise<WireResponse>;
  /** The next refresh the server handles fails this way (the demo's one-shot setting). */
  failNextRefresh(mode: 'invalid-grant' | 'server-error'): Promise<void>;
  /** The server's clock (with its offset), in epoch ms. */
  now(): number;
}

export const FATES = [
  'answer',
  'refused',
  'server-error',
  'network-error',
  'lost',
  'hang',
] as const;
export type Fate = (typeof FATES)[number];

/** Marks an app request of the model, so its attempts on the wire can be told apart. */
export const MODEL_REQUEST = new HttpContextToken<number | null>(() => null);

export interface Exchange {
  readonly id: number;
  readonly tab: number;
  readonly path: string;
  readonly sentAt: number;
  /** The refresh token a refresh or logout call presents. */
  readonly presented: string | null;
  /** The access token of the `Authorization` header. */
  readonly bearer: string | null;
  readonly appRequest: number | null;
  /** What the server answered, if it saw the request, and when (the server's clock). */
  served: WireResponse | null;
  servedAt: number | null;
  /** When and with what status the answer reached the tab. */
  answered: { status: number; at: number } | null;
  fate: Fate | null;
  /** The tab stopped listening (a timeout): an answer is dropped. */
  abandoned: boolean;
  readonly request: HttpRequest<unknown>;
  readonly subscriber: Subscriber<HttpEvent<unknown>>;
}

export class ModelNetwork {
  /** Every exchange of the run, in the order sent. */
  readonly log: Exchange[] = [];
  /** Called as each request goes on the wire, and as each answer reaches its tab. */
  onSend: (exchange: Exchange) => void = () => undefined;
  onAnswer: (exchange: Exchange) => void = () => undefined;
  onServe: (exchange: Exchange) => void = () => undefined;

  constructor(readonly now: () => number) {}

  /** On the wire, neither delivered nor dropped, from the tabs not in `frozen`. */
  pending(frozen: ReadonlySet<number> = new Set()): Exchange[] {
    return this.log.filter((exchange) => exchange.fate === null && !frozen.has(exchange.tab));
  }

  backendFor(tab: number): HttpBackend {
    return {
      handle: (request) =>
        new Observable<HttpEvent<unknown>>((subscriber) => {
          const exchange = this.#exchange(tab, request, subscriber);
          this.log.push(exchange);
          this.onSend(exchange);
          return () => (exchange.abandoned = exchange.answered === null);
        }),
    };
  }

  async deliver(exchange: Exchange, fate: Fate, server: ServerPort): Promise<void> {
    exchange.fate = fate;
    if (fate === 'hang') return;
    if (fate === 'network-error') return this.#answer(exchange, { status: 0 });
    const isRefresh = exchange.path === API_PATHS.refresh;
    if (fate === 'server-error' && !isRefresh) {
      return this.#answer(exchange, { status: 500, body: { error: 'server_error', message: 'x' } });
    }
    if (isRefresh && fate === 'refused') await server.failNextRefresh('invalid-grant');
    if (isRefresh && fate === 'server-error') await server.failNextRefresh('server-error');
    exchange.served = await server.handle(wire(exchange.request));
    exchange.servedAt = server.now();
    this.onServe(exchange);
    if (fate !== 'lost') this.#answer(exchange, exchange.served);
  }

  #exchange(
    tab: number,
    request: HttpRequest<unknown>,
    subscriber: Subscriber<HttpEvent<unknown>>,
  ): Exchange {
    const body = request.body as { refreshToken?: unknown } | null;
    const presented = typeof body?.refreshToken === 'string' ? body.refreshToken : null;
    const authorization = request.headers.get('Authorization');
    return {
      id: this.log.length,
      tab,
      path: request.url,
      sentAt: this.now(),
      presented,
      bearer: authorization?.startsWith('Bearer ') ? authorization.slice(7) : null,
      appRequest: request.context.get(MODEL_REQUEST),
      served: null,
      servedAt: null,
      answered: null,
      fate: null,
      abandoned: false,
      request,
      subscriber,
    };
  }

  #answer(exchange: Exchange, response: WireResponse): void {
    if (exchange.abandoned) return;
    exchange.answered = { status: response.status, at: this.now() };
    this.onAnswer(exchange);
    const { subscriber } = exchange;
    const url = exchange.path;
    if (response.status >= 200 && response.status < 300) {
      const headers = new HttpHeaders(response.headers ?? {});
      subscriber.next(
        new HttpResponse({ body: response.body ?? null, status: response.status, url, headers }),
      );
      subscriber.complete();
      return;
    }
    const error = response.status === 0 ? new ProgressEvent('error') : response.body;
    subscriber.error(new HttpErrorResponse({ error, status: response.status, url }));
  }
}

/** The request as the server's router takes it. */
function wire(request: HttpRequest<unknown>): WireRequest {
  const headers: Record<string, string> = {};
  for (const name of request.headers.keys())
    headers[name.toLowerCase()] = request.headers.get(name) ?? '';
  const detected = request.detectContentTypeHeader();
  if (headers['content-type'] === undefined && detected !== null)
    headers['content-type'] = detected;
  const serialized = request.serializeBody();
  const rawBody =
    serialized === null || typeof serialized === 'string' ? serialized : String(serialized);
  return { method: request.method, path: request.url, query: {}, headers, rawBody };
}
