/**
 * Test-only: the base of the `fast-check` commands of `server-invariants.spec.ts`. Each sends its
 * request to the server, checks the answer against what the model predicts, updates the model,
 * then checks the stored state (`checkStoredState`).
 *
 * Sessions and tokens are picked by index (modulo how many there are), so shrinking keeps a
 * counterexample valid while it removes commands.
 */
import type * as fc from 'fast-check';

import type { ServerState } from '../server-state';
import { stateOf, type ServerUnderTest } from './server-driver';
import { checkStoredState } from './server-invariants';
import type { ModelSession, ServerModel } from './server-model';

export type ServerCommand = fc.AsyncCommand<ServerModel, ServerUnderTest>;

/** Runs the command, then checks the stored state against the model and the state before. */
export abstract class CheckedCommand implements ServerCommand {
  check(model: Readonly<ServerModel>): boolean {
    return model.sessions.length > 0;
  }

  async run(model: ServerModel, server: ServerUnderTest): Promise<void> {
    const before = await stateOf(server);
    await this.apply(model, server, before);
    checkStoredState(model, server, before, await stateOf(server));
  }

  abstract apply(model: ServerModel, server: ServerUnderTest, before: ServerState): Promise<void>;
  abstract toString(): string;
}

/** The session at `index`, modulo the number of sessions. */
export function pickSession(model: ServerModel, index: number): ModelSession {
  return model.sessions[index % model.sessions.length];
}

/** A command that needs no session: it can run first, or after every session is gone. */
export abstract class UnconditionalCommand extends CheckedCommand {
  override check(): boolean {
    return true;
  }
}
