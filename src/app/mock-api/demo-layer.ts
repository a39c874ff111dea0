/**
 * The in-browser server's demo behaviour, in one layer around the real server (`handleRequest`
 * in `router.ts`), so that the handlers hold no demo switches:
 *
 * - without Web Crypto (the page opened over plain http from another machine) every request gets
 *   503 `insecure_context`, which says how to open the app instead;
 * - the simulated latency (**Latency** in the devtools), half on the way in, half on the way out;
 * - the one-shot failure the devtools set for the next `POST api/auth/refresh` (**Next refresh
 *   fails with**): a 500, a dropped connection, no answer at all, or a refusal. It takes the place
 *   of the whole request, so the refresh handler never sees it and nothing rotates.
 *
 * A server in Node runs `handleRequest` without this layer.
 */
import { API_PATHS } from '../api-contract';
import { error, networkError, neverAnswered, type ServerResponse } from './http';
import { handleRequest, type IncomingRequest } from './router';
import type { InBrowserServerContext } from './server-context';

export type DemoServer = (
  incoming: IncomingRequest,
  ctx: InBrowserServerContext,
) => Promise<ServerResponse>;

/** `server` with the demo behaviour around it. */
export function demoLayer(server: DemoServer = handleRequest): DemoServer {
  return async (incoming, ctx) => {
    const { latency } = ctx.store.settingsNow();
    await pause(latency / 2);
    const response = (await demoAnswer(incoming, ctx)) ?? (await server(incoming, ctx));
    await pause(latency / 2);
    return response;
  };
}

/** What the demo answers in the server's place, or `null` to let the request through. */
async function demoAnswer(
  incoming: IncomingRequest,
  ctx: InBrowserServerContext,
): Promise<ServerResponse | null> {
  if (!ctx.isSecureContext()) {
    return error(
      503,
      'insecure_context',
      'The in-browser auth server needs Web Crypto, which browsers only offer in a secure ' +
        'context. Open the app over https or at http://localhost.',
    );
  }
  const isRefresh = incoming.method === 'POST' && incoming.path === API_PATHS.refresh;
  return isRefresh ? simulatedRefreshFailure(ctx) : null;
}

/** Consumes the one-shot failure set by `DemoServerControls.failNextRefresh`, if any. */
async function simulatedRefreshFailure(
  ctx: InBrowserServerContext,
): Promise<ServerResponse | null> {
  switch (await ctx.store.takeRefreshFailure()) {
    case 'server-error':
      return error(500, 'server_error', 'The refresh failed on the server (simulated).');
    case 'network-error':
      return networkError();
    case 'hang':
      return neverAnswered();
    case 'invalid-grant':
      return error(400, 'invalid_grant', 'the server refused the refresh token (simulated)');
    default:
      return null;
  }
}

function pause(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
