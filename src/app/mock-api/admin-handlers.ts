/**
 * Endpoints for the `admin` role: `listUsers`. The router wraps it in `protect(..., 'admin')`,
 * so a signed-in caller without the role gets 403 `insufficient_scope` before it runs.
 */
import type { AdminUserRow } from '../api-contract';
import { json, type ServerResponse } from './http';
import type { AuthedRequest } from './require-auth';
import type { ServerContext } from './server-context';
import { toUser } from './server-state';
import { isSessionActive } from './sessions';

/** `GET api/admin/users` → 200 every user with their number of active sessions. */
export async function listUsers(_req: AuthedRequest, ctx: ServerContext): Promise<ServerResponse> {
  const [users, settings] = await Promise.all([ctx.store.listUsers(), ctx.store.settings()]);
  const now = ctx.now();
  const rows: AdminUserRow[] = await Promise.all(
    users.map(async (user) => {
      const sessions = await ctx.store.sessionsOf(user.id);
      const active = sessions.filter(({ session, tokens }) =>
        isSessionActive(session, tokens, now, settings),
      );
      return { ...toUser(user), activeSessions: active.length };
    }),
  );
  return json(200, rows);
}
