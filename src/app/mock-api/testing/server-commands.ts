/**
 * Test-only: the clock, the reuse grace and forged tokens, plus `SERVER_COMMANDS`, the
 * arbitraries `fc.commands` draws every command of `server-invariants.spec.ts` from.
 */
import * as fc from 'fast-check';

import { API_PATHS } from '../../api-contract';
import { decodeClaims, forgeToken, tamperedToken, unsignedToken } from './mock-api-harness';
import type { ServerState } from '../server-state';
import { generateSigningKey } from '../token-service';
import {
  CheckedCommand,
  pickSession,
  type ServerCommand,
  UnconditionalCommand,
} from './checked-command';
import { refreshChecked } from './refresh-checks';
import { check, send, type ServerUnderTest } from './server-driver';
import type { ServerModel } from './server-model';
import { Logout, ParallelRefresh, Refresh, Register, Revoke, SignIn } from './session-commands';
import { TodoCall, type TodoCallKind } from './todo-commands';

/**
 * Clock steps in seconds: within and past the access lifetime (30 s), the refresh lifetime
 * (300 s), the session lifetime (3600 s) and the hour the server keeps expired records, and back.
 */
const CLOCK_STEPS = [1, 4, 11, 29, 31, 299, 301, 3599, 3601, 4000, -2, -45, -3600];

/** Moves the server's clock; no request, but the state must still hold. */
export class Advance extends UnconditionalCommand {
  constructor(readonly seconds: number) {
    super();
  }

  async apply(_model: ServerModel, server: ServerUnderTest): Promise<void> {
    server.clock.advance(this.seconds);
  }

  toString(): string {
    return `advance(${this.seconds} s)`;
  }
}

/** Sets the reuse grace: 0 (every replay is reuse) or a few seconds. */
export class SetGrace extends UnconditionalCommand {
  constructor(readonly seconds: number) {
    super();
  }

  async apply(model: ServerModel, server: ServerUnderTest): Promise<void> {
    await server.controls.setReuseGrace(this.seconds);
    model.reuseGrace = this.seconds;
  }

  toString(): string {
    return `setReuseGrace(${this.seconds} s)`;
  }
}

const FORGERIES = ['longer-exp', 'other-jti', 'other-key', 'unsigned', 'access'] as const;
type Forgery = (typeof FORGERIES)[number];

/** A token made from a session's newest refresh token that the server never issued. */
function forge(kind: Forgery, token: string, access: string): Promise<string> | string {
  const claims = decodeClaims(token);
  if (kind === 'longer-exp') return tamperedToken(token, { exp: claims.exp + 86_400 });
  if (kind === 'other-jti') return tamperedToken(token, { jti: crypto.randomUUID() });
  if (kind === 'other-key') return forgeToken(claims, generateSigningKey());
  if (kind === 'unsigned') return unsignedToken(claims);
  return access;
}

/** Refreshes or signs out with a forged token: refused (or 204 for logout), nothing changes. */
export class Forged extends CheckedCommand {
  constructor(
    readonly kind: Forgery,
    readonly session: number,
    readonly endpoint: 'refresh' | 'logout',
  ) {
    super();
  }

  async apply(model: ServerModel, server: ServerUnderTest, before: ServerState): Promise<void> {
    const session = pickSession(model, this.session);
    const token = session.refreshTokens.at(-1)!;
    const forged = await forge(this.kind, token, session.accessTokens.at(-1)!.token);
    if (this.endpoint === 'refresh') return refreshChecked(model, server, [forged], before);
    const response = await send(server, 'POST', API_PATHS.logout, {
      body: { refreshToken: forged },
    });
    check(response.status === 204, `Logout answered ${response.status}.`);
  }

  toString(): string {
    return `forged(${this.kind}, session ${this.session}, ${this.endpoint})`;
  }
}

const index = fc.nat({ max: 20 });
const tokenIndex = fc.option(index, { nil: undefined });

export const SERVER_COMMANDS: fc.Arbitrary<ServerCommand>[] = [
  fc.constantFrom('demo', 'admin', 'carol').map((user) => new SignIn(user)),
  fc.constant(new Register()),
  fc.tuple(index, tokenIndex).map(([session, token]) => new Refresh(session, token)),
  fc.tuple(index, tokenIndex).map(([session, token]) => new ParallelRefresh(session, token)),
  fc.tuple(index, tokenIndex).map(([session, token]) => new Logout(session, token)),
  fc
    .tuple(
      fc.constantFrom(...FORGERIES),
      index,
      fc.constantFrom('refresh' as const, 'logout' as const),
    )
    .map(([kind, session, endpoint]) => new Forged(kind, session, endpoint)),
  index.map((session) => new Revoke(session)),
  fc.constantFrom(...CLOCK_STEPS).map((seconds) => new Advance(seconds)),
  fc.constantFrom(0, 3, 10).map((seconds) => new SetGrace(seconds)),
  fc
    .tuple(fc.constantFrom<TodoCallKind>('list', 'create', 'update'), index, index, fc.boolean())
    .map(([kind, token, todo, tampered]) => new TodoCall(kind, token, todo, tampered)),
];
