/**
 * Test-only: the todo command of `server-invariants.spec.ts`. It calls `api/todos` with one of
 * the access tokens any session was given (or a tampered copy), and checks:
 * - a token is let through exactly while the model accepts it: never after its session ended
 *   (sign-out, revocation, reuse, eviction, absolute lifetime) or it expired;
 * - a user sees exactly their own todos and can change only those: another user's todo answers
 *   404 and stays as it was (`checkStoredState` compares every todo with the model).
 */
import { API_PATHS, type Todo } from '../../api-contract';
import { decodeClaims, tamperedToken } from './mock-api-harness';
import { check, send, type ServerUnderTest } from './server-driver';
import { acceptsAccess, type ServerModel } from './server-model';
import { CheckedCommand } from './checked-command';

export type TodoCallKind = 'list' | 'create' | 'update';

export class TodoCall extends CheckedCommand {
  constructor(
    readonly kind: TodoCallKind,
    readonly token: number,
    readonly todo: number,
    readonly tampered: boolean,
  ) {
    super();
  }

  async apply(model: ServerModel, server: ServerUnderTest): Promise<void> {
    const given = model.sessions.flatMap((session) =>
      session.accessTokens.map((access) => ({ user: session.user, token: access.token })),
    );
    const { user, token } = given[this.token % given.length];
    const accepted = !this.tampered && acceptsAccess(model, token, server.ctx.now());
    const sent = this.tampered
      ? tamperedToken(token, { exp: decodeClaims(token).exp + 3600 })
      : token;
    const target = model.todos[this.todo % model.todos.length];
    const response =
      this.kind === 'list'
        ? await send(server, 'GET', API_PATHS.todos, { token: sent })
        : this.kind === 'create'
          ? await send(server, 'POST', API_PATHS.todos, { token: sent, body: { title: 'New' } })
          : await send(server, 'PATCH', `${API_PATHS.todos}/${target.id}`, {
              token: sent,
              body: { done: !target.done },
            });
    if (!accepted) {
      check(response.status === 401, `A refused access token answered ${response.status}.`);
      return;
    }
    if (this.kind === 'list') {
      const seen = (response.body as Todo[]).map(({ id, title, done }) => ({ id, title, done }));
      const own = model.todos
        .filter((todo) => todo.owner === user)
        .map(({ id, title, done }) => ({ id, title, done }));
      check(JSON.stringify(seen) === JSON.stringify(own), `${user} sees ${JSON.stringify(seen)}.`);
    } else if (this.kind === 'create') {
      check(response.status === 201, `Creating a todo answered ${response.status}.`);
      model.todos.push({ id: (response.body as Todo).id, owner: user, title: 'New', done: false });
    } else {
      const expected = target.owner === user ? 200 : 404;
      check(response.status === expected, `An update answered ${response.status}.`);
      if (expected === 200) target.done = !target.done;
    }
  }

  toString(): string {
    const tampered = this.tampered ? ', tampered' : '';
    return `todo(${this.kind}, access token #${this.token}, todo #${this.todo}${tampered})`;
  }
}
