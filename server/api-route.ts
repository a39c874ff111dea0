/**
 * The HTTP transport of the shared handlers: every request under `/api` goes, as it came off the
 * wire, to the same `handleRequest` the in-browser server calls (src/app/mock-api/router.ts), and
 * its `ServerResponse` goes back out. Nothing here is server logic: routing, body checks (16 kB,
 * `application/json`, valid JSON), statuses and headers are the handlers', so both servers answer
 * alike.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { apiTarget } from '../src/app/mock-api/api-url';
import { emptyRecord } from '../src/app/mock-api/json-records';
import { MAX_BODY_BYTES } from '../src/app/mock-api/request-body';
import { handleRequest } from '../src/app/mock-api/router';
import type { ServerContext } from '../src/app/mock-api/server-context';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
/**
 * How much of a body Fastify reads before it gives up (answering 413 itself, see `replyError`).
 * Larger than the handlers' own limit, so a body a little over 16 kB gets their 413 and message.
 */
export const WIRE_BODY_LIMIT = 4 * MAX_BODY_BYTES;
/** Any host will do: only the path and query of the request URL are used. */
const URL_BASE = 'http://server.invalid/';

export async function apiRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  // Every body reaches the handlers as text, whatever its type: they answer 415 and 400 themselves.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'string', bodyLimit: WIRE_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );
  // The Node server's own endpoint, for load balancers and `npm run server`'s readiness check:
  // 200 once the storage answers, 503 when it does not.
  app.get('/api/health', async (request, reply) => {
    try {
      await ctx.store.settings();
      return reply.header('Cache-Control', 'no-store').send({ status: 'ok' });
    } catch (failure) {
      request.log.error(failure, 'health check failed');
      return reply
        .code(503)
        .send({ error: 'server_error', message: 'The storage does not answer.' });
    }
  });
  const handler = (request: FastifyRequest, reply: FastifyReply) => serve(request, reply, ctx);
  app.route({ method: METHODS, url: '/api', handler, exposeHeadRoute: false });
  app.route({ method: METHODS, url: '/api/*', handler, exposeHeadRoute: false });
}

async function serve(request: FastifyRequest, reply: FastifyReply, ctx: ServerContext) {
  const target = apiTarget(request.url, URL_BASE) ?? { path: 'api', query: {} };
  const headers = emptyRecord<string>();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const rawBody = typeof request.body === 'string' ? request.body : null;
  const response = await handleRequest(
    { method: request.method, ...target, headers, rawBody },
    ctx,
  );
  if (response.status === 0) {
    // "The connection drops before any response arrives" (a simulated network error).
    reply.hijack();
    request.raw.socket.destroy();
    return;
  }
  reply.code(response.status).headers(response.headers ?? {});
  return response.body === undefined ? reply.send() : reply.send(JSON.stringify(response.body));
}
