/**
 * The Node server as one Fastify instance: `/api` on the shared handlers, the app's files and its
 * deep-link fallback on every other path: one process, one port. `main.ts` starts it; the tests
 * call `buildServer` and send requests with `app.inject`, no port needed.
 */
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';

import type { ApiErrorBody } from '../src/app/api-contract';
import type { ServerContext } from '../src/app/mock-api/server-context';
import { apiRoutes } from './api-route';
import type { ServerConfig } from './config';
import { staticApp } from './static-app';

/** What pino never writes: tokens and passwords travel in these (the bodies are never logged). */
export const REDACTED = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

export async function buildServer(
  config: Pick<ServerConfig, 'appDir' | 'logLevel'>,
  ctx: ServerContext,
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel, redact: REDACTED },
    // Closing waits for requests in flight, but not for idle keep-alive connections.
    forceCloseConnections: 'idle',
  });
  app.setErrorHandler((failure: FastifyError, request, reply) => {
    const status = failure.statusCode ?? 500;
    if (status >= 500) request.log.error(failure, 'request failed');
    const body: ApiErrorBody =
      status === 413
        ? { error: 'payload_too_large', message: 'The request body is too large.' }
        : status < 500
          ? { error: 'invalid_request', message: failure.message }
          : { error: 'server_error', message: 'The server failed unexpectedly. Please try again.' };
    return reply.code(status).send(body);
  });
  await app.register((api) => apiRoutes(api, ctx));
  await app.register((files) => staticApp(files, config.appDir));
  return app;
}
