/**
 * The server's front door: the route table, then for each request route matching, JSON body
 * parsing and the call to the one handler for that endpoint. The in-browser server's demo
 * behaviour (latency, simulated failures, the Web Crypto check) wraps it in `demo-layer.ts`.
 *
 * `protect(handler)` marks the endpoints that need an access token, `protect(handler, 'admin')`
 * those that also need the admin role.
 */
import { API_PATHS } from '../api-contract';
import { listUsers } from './admin-handlers';
import { login, register } from './auth-handlers';
import { error, notFound, type ServerRequest, type ServerResponse } from './http';
import { emptyRecord } from './json-records';
import { logout, refresh } from './refresh-token-handlers';
import { type Handler, protect } from './require-auth';
import { readBody } from './request-body';
import type { ServerContext } from './server-context';
import { createTodo, deleteTodo, listTodos, updateTodo } from './todo-handlers';
import { getMe, updateMe } from './user-handlers';

interface Route {
  method: string;
  /** Segments starting with `:` match any one segment and become `params`. */
  path: string;
  handler: Handler;
}

const ROUTES: readonly Route[] = [
  { method: 'POST', path: API_PATHS.register, handler: register },
  { method: 'POST', path: API_PATHS.login, handler: login },
  { method: 'POST', path: API_PATHS.refresh, handler: refresh },
  { method: 'POST', path: API_PATHS.logout, handler: logout },
  { method: 'GET', path: API_PATHS.me, handler: protect(getMe) },
  { method: 'PATCH', path: API_PATHS.me, handler: protect(updateMe) },
  { method: 'GET', path: API_PATHS.todos, handler: protect(listTodos) },
  { method: 'POST', path: API_PATHS.todos, handler: protect(createTodo) },
  { method: 'PATCH', path: `${API_PATHS.todos}/:id`, handler: protect(updateTodo) },
  { method: 'DELETE', path: `${API_PATHS.todos}/:id`, handler: protect(deleteTodo) },
  { method: 'GET', path: API_PATHS.adminUsers, handler: protect(listUsers, 'admin') },
];

/** A request as it arrives, before routing and body parsing. */
export type IncomingRequest = Omit<ServerRequest, 'params' | 'body'> & {
  /** The body as sent over the wire; `null` when there is none. */
  rawBody: string | null;
};

export async function handleRequest(
  incoming: IncomingRequest,
  ctx: ServerContext,
): Promise<ServerResponse> {
  const { rawBody, ...request } = incoming;
  const match = matchRoute(request.method, request.path);
  if ('allowed' in match) {
    if (match.allowed.length === 0) {
      return notFound(`There is no endpoint ${request.method} ${request.path}.`);
    }
    // RFC 9110 §15.5.6: a known resource that does not support the method answers 405 + Allow.
    const allow = match.allowed.join(', ');
    return error(
      405,
      'method_not_allowed',
      `${request.path} does not answer ${request.method} (it answers ${allow}).`,
      {
        headers: { Allow: allow },
      },
    );
  }
  const read = readBody(rawBody, request.headers['content-type']);
  if (!read.ok) return read.response;
  try {
    return await match.route.handler({ ...request, params: match.params, body: read.body }, ctx);
  } catch (failure) {
    console.error(`[mock-api] ${request.method} ${request.path} failed:`, failure);
    return error(500, 'server_error', 'The server failed unexpectedly. Please try again.');
  }
}

type Match = { route: Route; params: Record<string, string> } | { allowed: string[] };

/** The route for method and path, or the methods the path does answer (none: unknown path). */
function matchRoute(method: string, path: string): Match {
  const allowed: string[] = [];
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    if (route.method === method) return { route, params };
    allowed.push(route.method);
  }
  return { allowed };
}

function matchPath(pattern: string, path: string): Record<string, string> | null {
  const expected = pattern.split('/');
  const actual = path.split('/');
  if (expected.length !== actual.length) return null;
  const params = emptyRecord<string>();
  for (const [i, segment] of expected.entries()) {
    if (segment.startsWith(':')) {
      const value = decodeSegment(actual[i]);
      if (!value) return null;
      params[segment.slice(1)] = value;
    } else if (segment !== actual[i]) {
      return null;
    }
  }
  return params;
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
