/**
 * Test-only: sends refreshes and checks each answer against `refreshOutcome`, the model's rules:
 * - a refresh token is accepted at most once: a rotation answers a token never seen before, and
 *   a second presentation within the reuse grace gets the session's newest token, not a new one;
 * - outside the grace, a second presentation revokes the whole session (`reuse`);
 * - a forged, expired or ended session's token is refused, and a refusal rotates nothing.
 */
import type { ApiErrorBody, TokenResponse } from '../../api-contract';
import { API_PATHS } from '../../api-contract';
import type { ServerResponse } from '../http';
import { decodeClaims } from './mock-api-harness';
import type { ServerState } from '../server-state';
import { check, send, stateOf, type ServerUnderTest } from './server-driver';
import { checkNothingRotated } from './server-invariants';
import {
  forgetExpired,
  nextExpiry,
  refreshOutcome,
  type ServerModel,
  sessionOf,
} from './server-model';

/**
 * Sends a refresh for each token, all at once, and checks the answers in the order the server's
 * lock served them (a success before a refusal: a refusal first would have rotated nothing).
 * With `before`, also checks that a refusal left every rotation as it was.
 */
export async function refreshChecked(
  model: ServerModel,
  server: ServerUnderTest,
  tokens: string[],
  before?: ServerState,
): Promise<void> {
  const now = server.ctx.now();
  forgetExpired(model, now);
  const responses = await Promise.all(
    tokens.map((refreshToken) =>
      send(server, 'POST', API_PATHS.refresh, { body: { refreshToken } }),
    ),
  );
  responses.sort((a, b) => a.status - b.status);
  for (const [i, response] of responses.entries()) checkRefresh(model, tokens[i], now, response);
  if (before && responses.every((response) => response.status !== 200)) {
    checkNothingRotated(before, await stateOf(server));
  }
}

function checkRefresh(
  model: ServerModel,
  token: string,
  now: number,
  response: ServerResponse,
): void {
  const expected = refreshOutcome(model, token, now);
  const record = model.refreshTokens.get(token);
  const body = response.body as TokenResponse & ApiErrorBody;
  if (expected.kind === 'refuse') {
    const refused = response.status === 400 && body.error === 'invalid_grant';
    check(refused, `A refresh the model refuses answered ${response.status}.`);
    if (!expected.endsSession) return;
    check(body.message.includes('reuse was detected'), `A reuse was refused: ${body.message}.`);
    sessionOf(model, record!.sid).end ??= 'reuse';
    return;
  }
  check(response.status === 200, `A ${expected.kind} answered ${response.status}: ${body.message}`);
  const session = sessionOf(model, record!.sid);
  const claims = decodeClaims(body.refreshToken);
  check(claims.sid === session.sid, 'A refresh answered a token of another session.');
  session.accessTokens.push({ token: body.accessToken, exp: decodeClaims(body.accessToken).exp });
  if (expected.kind === 'grace') {
    check(body.refreshToken === expected.successor, 'A replay within the grace got a new token.');
    return;
  }
  check(!model.refreshTokens.has(body.refreshToken), 'A rotation answered an old token.');
  check(claims.exp === nextExpiry(session, now), `A rotated token expires at ${claims.exp}.`);
  record!.usedAt = now;
  session.refreshTokens.push(body.refreshToken);
  const next = {
    token: body.refreshToken,
    sid: session.sid,
    exp: claims.exp,
    usedAt: null,
    forgotten: false,
  };
  model.refreshTokens.set(body.refreshToken, next);
}
