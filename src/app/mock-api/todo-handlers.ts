/**
 * The caller's todo list: `listTodos`, `createTodo`, `updateTodo`, `deleteTodo`. The owner is
 * always the access token's user; another user's todo answers 404 exactly like a missing one.
 */
import { invalidRequest, json, noContent, notFound, type ServerResponse } from './http';
import type { AuthedRequest } from './require-auth';
import { booleanField, checkBody, textField, type TextRule } from './request-checks';
import type { ServerContext } from './server-context';
import { toTodo, type TodoRecord } from './server-state';

const TITLE: TextRule = { trim: true, min: 1, max: 200 };

/** `GET api/todos` → 200 the caller's todos, oldest first. */
export async function listTodos(req: AuthedRequest, ctx: ServerContext): Promise<ServerResponse> {
  const own = await ctx.store.todosOf(req.caller.user.id);
  return json(200, own.map(toTodo));
}

/** `POST api/todos {title}` → 201 the new todo. */
export async function createTodo(req: AuthedRequest, ctx: ServerContext): Promise<ServerResponse> {
  const input = checkBody(req.body, (body) => ({ title: textField(body, 'title', TITLE) }));
  if (!input.ok) return invalidRequest(input.message);

  const todo: TodoRecord = {
    id: crypto.randomUUID(),
    ownerId: req.caller.user.id,
    title: input.value.title,
    done: false,
    createdAt: new Date(ctx.now()).toISOString(),
  };
  await ctx.store.addTodo(todo);
  return json(201, toTodo(todo), { Location: `api/todos/${todo.id}` });
}

/** `PATCH api/todos/:id {title?, done?}` → 200 the updated todo. */
export async function updateTodo(req: AuthedRequest, ctx: ServerContext): Promise<ServerResponse> {
  const input = checkBody(req.body, (body) => ({
    title: textField(body, 'title', { ...TITLE, optional: true }),
    done: booleanField(body, 'done'),
  }));
  if (!input.ok) return invalidRequest(input.message);
  const { title, done } = input.value;
  if (title === undefined && done === undefined) {
    return invalidRequest('Send "title", "done" or both.');
  }

  const todo = await ctx.store.updateTodo(req.caller.user.id, req.params['id'], { title, done });
  return todo ? json(200, toTodo(todo)) : todoNotFound(req);
}

/** `DELETE api/todos/:id` → 204. */
export async function deleteTodo(req: AuthedRequest, ctx: ServerContext): Promise<ServerResponse> {
  const deleted = await ctx.store.deleteTodo(req.caller.user.id, req.params['id']);
  return deleted ? noContent() : todoNotFound(req);
}

function todoNotFound(req: AuthedRequest): ServerResponse {
  return notFound(`You have no todo with id "${req.params['id']}".`);
}
