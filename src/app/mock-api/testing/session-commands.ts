/**
 * Test-only: the `fast-check` commands of `server-invariants.spec.ts` that sign in, register,
 * refresh, sign out and end sessions (see `CheckedCommand` for what every command checks).
 */
import { API_PATHS, type TokenResponse } from '../../api-contract';
import type { ServerState } from '../server-state';
import { MAX_ACTIVE_SESSIONS } from '../sessions';
import { decodeClaims } from './mock-api-harness';
import { refreshChecked } from './refresh-checks';
import { CheckedCommand, pickSession, UnconditionalCommand } from './checked-command';
import { check, send, type ServerUnderTest } from './server-driver';
import { forgetExpired, openSessions, type ModelSession, type ServerModel } from './server-model';

/** A session's token at `index` (modulo), or its newest one when `index` is `undefined`. */
function pickToken(session: ModelSession, index: number | undefined): string {
  const tokens = session.refreshTokens;
  return index === undefined ? tokens.at(-1)! : tokens[index % tokens.length];
}

const tokenName = (index: number | undefined) => (index === undefined ? 'newest' : `#${index}`);

/**
 * Signs in (`password` is `<username>1234`). The cap ends the user's sessions that are not ended
 * yet, idle ones first, so that with the new one at most five are left.
 */
export class SignIn extends CheckedCommand {
  constructor(readonly user: string) {
    super();
  }

  override check(model: Readonly<ServerModel>): boolean {
    return model.registered.has(this.user);
  }

  async apply(model: ServerModel, server: ServerUnderTest): Promise<void> {
    const now = server.ctx.now();
    forgetExpired(model, now);
    const open = openSessions(model, this.user, now);
    for (const old of open.slice(0, Math.max(0, open.length - MAX_ACTIVE_SESSIONS + 1))) {
      old.end = 'evicted';
    }
    const password = `${this.user}1234`;
    const response = await send(server, 'POST', API_PATHS.login, {
      body: { username: this.user, password },
    });
    check(response.status === 200, `Sign-in answered ${response.status}.`);
    const tokens = response.body as TokenResponse;
    const { sid, sub, exp } = decodeClaims(tokens.refreshToken);
    check(sub === server.userIds.get(this.user), 'Signed in as another user.');
    check(!model.sessions.some((session) => session.sid === sid), 'A sign-in reused a session.');
    const access = { token: tokens.accessToken, exp: decodeClaims(tokens.accessToken).exp };
    const refreshTokens = [tokens.refreshToken];
    model.sessions.push({
      sid,
      user: this.user,
      createdAt: now,
      end: null,
      refreshTokens,
      accessTokens: [access],
    });
    model.refreshTokens.set(tokens.refreshToken, {
      token: tokens.refreshToken,
      sid,
      exp,
      usedAt: null,
      forgotten: false,
    });
  }

  toString(): string {
    return `signIn(${this.user})`;
  }
}

/** Registers `carol`: 201 the first time, 409 `username_taken` after. */
export class Register extends UnconditionalCommand {
  async apply(model: ServerModel, server: ServerUnderTest): Promise<void> {
    const response = await send(server, 'POST', API_PATHS.register, {
      body: { username: 'carol', password: 'carol1234' },
    });
    const expected = model.registered.has('carol') ? 409 : 201;
    check(response.status === expected, `Register answered ${response.status}, not ${expected}.`);
    if (expected === 409) return;
    server.userIds.set('carol', (response.body as { user: { id: string } }).user.id);
    model.registered.add('carol');
  }

  toString(): string {
    return 'register(carol)';
  }
}

/** Refreshes with a session's newest token, or with an older, rotated-out one (a replay). */
export class Refresh extends CheckedCommand {
  constructor(
    readonly session: number,
    readonly token?: number,
  ) {
    super();
  }

  async apply(model: ServerModel, server: ServerUnderTest, before: ServerState): Promise<void> {
    const token = pickToken(pickSession(model, this.session), this.token);
    await refreshChecked(model, server, [token], before);
  }

  toString(): string {
    return `refresh(session ${this.session}, ${tokenName(this.token)})`;
  }
}

/** Two refreshes of one token sent at once (two tabs, or a retried request). */
export class ParallelRefresh extends Refresh {
  override async apply(model: ServerModel, server: ServerUnderTest): Promise<void> {
    const token = pickToken(pickSession(model, this.session), this.token);
    await refreshChecked(model, server, [token, token]);
  }

  override toString(): string {
    return `parallelRefresh(session ${this.session}, ${tokenName(this.token)})`;
  }
}

/** Signs out with one of a session's refresh tokens (even an expired or rotated one): 204. */
export class Logout extends Refresh {
  override async apply(model: ServerModel, server: ServerUnderTest): Promise<void> {
    const session = pickSession(model, this.session);
    const refreshToken = pickToken(session, this.token);
    const response = await send(server, 'POST', API_PATHS.logout, { body: { refreshToken } });
    check(response.status === 204, `Logout answered ${response.status}.`);
    if (session.end !== 'pruned') session.end ??= 'logout';
  }

  override toString(): string {
    return `logout(session ${this.session}, ${tokenName(this.token)})`;
  }
}

/** The admin tool revokes a session; one the server has already forgotten cannot be found. */
export class Revoke extends CheckedCommand {
  constructor(readonly session: number) {
    super();
  }

  async apply(model: ServerModel, server: ServerUnderTest): Promise<void> {
    const session = pickSession(model, this.session);
    const revoked = await server.controls.revokeSession(session.sid).then(
      () => true,
      () => false,
    );
    check(revoked === (session.end !== 'pruned'), `revokeSession: ${revoked}, ${session.end}.`);
    if (revoked) session.end ??= 'revoked';
  }

  toString(): string {
    return `revoke(session ${this.session})`;
  }
}
