/**
 * Endpoints for the `admin` role: `listUsers`. The router wraps it in `protect(..., 'admin')`,
 * so a signed-in caller without the role gets 403 `insufficient_scope` before it runs.
 */
import type { AdminUserRow } from '../api-contract';
import { json, type ServerResponse } from './http';
import type { AuthedRequest } from './require-auth';
import type { ServerContext } from './server-context';
import { toUser } from './server-state';
import { activeSessionsOf } from './sessions';

/** `GET api/admin/users` → 200 every user with their number of active sessions. */
export async function listUsers(_req: AuthedRequest, ctx: ServerContext): Promise<ServerResponse> {
  const state = await ctx.db.read();
  const settings = ctx.db.readSettings();
  const now = ctx.now();
  const rows: AdminUserRow[] = state.users.map((user) => ({
    ...toUser(user),
    activeSessions: activeSessionsOf(state, user.id, now, settings).length,
  }));
  return json(200, rows);
}
