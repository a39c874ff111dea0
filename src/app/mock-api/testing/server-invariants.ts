/**
 * Test-only: the invariants `server-invariants.spec.ts` checks on the server's stored state after
 * every command, beside the answers the model predicts. Each throws with what broke.
 */
import type { ServerState } from '../server-state';
import { activeSessionsOf, MAX_ACTIVE_SESSIONS } from '../sessions';
import { check, type ServerUnderTest } from './server-driver';
import { activeSessions, type ServerModel } from './server-model';

/** Each refresh-token record's rotation, `usedAt/replacedBy`, by `jti`. */
function rotations(state: ServerState): Map<string, string> {
  return new Map(state.refreshTokens.map((r) => [r.jti, `${r.usedAt}/${r.replacedBy}`]));
}

/**
 * A refused refresh rotates nothing: no record is added, none is marked used or given a
 * successor. (It may revoke, on reuse, and forget expired records.)
 */
export function checkNothingRotated(before: ServerState, after: ServerState): void {
  const was = rotations(before);
  for (const [jti, rotation] of rotations(after)) {
    check(was.get(jti) === rotation, `A refused refresh rotated ${jti}: ${rotation}.`);
  }
}

/**
 * What must hold after every command:
 * - a refresh token rotates at most once: a record's rotation, once written, never changes, and
 *   no two records name the same successor;
 * - the stored sessions are the model's, ended exactly when the model's ended (sign-out,
 *   revocation, reuse, eviction), and every refresh token of an ended one is revoked;
 * - a user has at most five active sessions, exactly the ones the model counts;
 * - the todos are exactly the model's: a request of one user never changed another's.
 */
export function checkStoredState(
  model: ServerModel,
  server: ServerUnderTest,
  before: ServerState,
  after: ServerState,
): void {
  const now = server.ctx.now();
  const was = rotations(before);
  for (const [jti, rotation] of rotations(after)) {
    const old = was.get(jti);
    if (old !== undefined && old !== 'null/null') check(old === rotation, `${jti} rotated twice.`);
  }
  const successors = after.refreshTokens.flatMap((r) => (r.replacedBy ? [r.replacedBy] : []));
  check(new Set(successors).size === successors.length, 'Two tokens rotated to one successor.');
  const kept = model.sessions.filter((s) => s.end !== 'pruned');
  check(
    after.sessions.length === kept.length,
    `${after.sessions.length} sessions, not ${kept.length}.`,
  );
  for (const session of after.sessions) {
    const modelled = kept.find((s) => s.sid === session.sid);
    check(modelled !== undefined, `Session ${session.sid} is not the model's.`);
    const ended = session.endedAt !== null;
    const says = `${ended ? 'ended' : 'running'}, the model says ${modelled.end ?? 'running'}`;
    check(ended === (modelled.end !== null), `Session ${session.sid} is ${says}.`);
    if (session.endedAt === null) continue;
    const open = after.refreshTokens.filter((r) => r.sid === session.sid && r.revokedAt === null);
    check(open.length === 0, `Session ${session.sid} ended but a token of it is not revoked.`);
  }
  const settings = server.ctx.store.settingsNow();
  for (const [username, id] of server.userIds) {
    const active = activeSessionsOf(after, id, now, settings).length;
    check(active <= MAX_ACTIVE_SESSIONS, `${username} has ${active} active sessions.`);
    const expected = activeSessions(model, username, now).length;
    check(active === expected, `${username} has ${active} active sessions, the model ${expected}.`);
  }
  const names = new Map([...server.userIds].map(([name, id]) => [id, name]));
  const stored = after.todos.map((t) => ({
    id: t.id,
    owner: names.get(t.ownerId),
    title: t.title,
    done: t.done,
  }));
  check(
    JSON.stringify(stored) === JSON.stringify(model.todos),
    `The todos are ${JSON.stringify(stored)}, the model's ${JSON.stringify(model.todos)}.`,
  );
}
