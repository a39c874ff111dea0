/**
 * The server's tiny HTTP vocabulary: request and response shapes plus response helpers.
 *
 * Handlers take a `ServerRequest` and return a `ServerResponse`, like route handlers in a small
 * Node server. Only `mock-server.ts` knows that they actually run inside Angular's HttpClient.
 */
import type { ApiErrorBody, ApiErrorCode } from '../api-contract';

export type HeaderMap = Record<string, string>;

/** A request after routing and JSON parsing. */
export interface ServerRequest {
  /** Upper case, e.g. `POST`. */
  method: string;
  /** The path below the app's base, without query or trailing slash, e.g. `api/todos/42`. */
  path: string;
  /** The values of the route's `:name` segments. */
  params: Readonly<Record<string, string>>;
  query: Readonly<Record<string, string>>;
  /** Header names in lower case. */
  headers: Readonly<HeaderMap>;
  /** The parsed JSON body, `undefined` when the request had none. */
  body: unknown;
}

/** What a handler answers. Status 0 stands for "no HTTP response at all" (a dropped connection). */
export interface ServerResponse {
  status: number;
  body?: unknown;
  headers?: HeaderMap;
}

export function json(status: number, body: unknown, headers: HeaderMap = {}): ServerResponse {
  return { status, body, headers: { 'Content-Type': 'application/json', ...headers } };
}

export function noContent(headers: HeaderMap = {}): ServerResponse {
  return { status: 204, headers };
}

/** An error response with the contract's body `{ error, message }` (plus `retryAfter` on 429). */
export function error(
  status: number,
  code: ApiErrorCode,
  message: string,
  extra: { headers?: HeaderMap; retryAfter?: number } = {},
): ServerResponse {
  const body: ApiErrorBody = { error: code, message };
  if (extra.retryAfter !== undefined) body.retryAfter = extra.retryAfter;
  return json(status, body, extra.headers);
}

/** 400 `invalid_request`: the body or a parameter breaks the contract. */
export function invalidRequest(message: string): ServerResponse {
  return error(400, 'invalid_request', message);
}

export function notFound(message: string): ServerResponse {
  return error(404, 'not_found', message);
}

/**
 * No response and no error, ever: a server that has stopped answering, or a connection that
 * silently died. Only the client's own time limit ends the wait.
 */
export function neverAnswered(): Promise<ServerResponse> {
  return new Promise<ServerResponse>(() => undefined);
}

/** The connection drops before any response arrives; the client sees status 0. */
export function networkError(): ServerResponse {
  return { status: 0 };
}
