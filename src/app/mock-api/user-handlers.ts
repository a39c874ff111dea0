/**
 * The signed-in user's own profile: `getMe` and `updateMe`. Both run behind `protect`, so the
 * user is always the one named by the access token, never one named in the request.
 */
import { CREDENTIAL_RULES } from '../api-contract';
import { invalidRequest, json, type ServerResponse } from './http';
import type { AuthedRequest } from './require-auth';
import { checkBody, textField } from './request-checks';
import type { ServerContext } from './server-context';
import { toUser } from './server-state';

/** `GET api/users/me` → 200 the caller's user. */
export async function getMe(req: AuthedRequest): Promise<ServerResponse> {
  return json(200, toUser(req.caller.user));
}

/** `PATCH api/users/me {displayName}` → 200 the updated user. */
export async function updateMe(req: AuthedRequest, ctx: ServerContext): Promise<ServerResponse> {
  const input = checkBody(req.body, (body) => ({
    displayName: textField(body, 'displayName', {
      trim: true,
      min: 1,
      max: CREDENTIAL_RULES.displayNameMax,
    }),
  }));
  if (!input.ok) return invalidRequest(input.message);

  const user = await ctx.store.renameUser(req.caller.user.id, input.value.displayName);
  return user ? json(200, toUser(user)) : invalidRequest('The signed-in user no longer exists.');
}
