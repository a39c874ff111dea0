import type { HttpClient } from '@angular/common/http';

import { API_PATHS, type Todo, type TokenResponse } from '../api-contract';
import {
  bearer,
  type MockApiHarness,
  refusal,
  send,
  setUpMockApi,
  signIn,
} from './testing/mock-api-harness';

describe('Mock API todos (api/todos)', () => {
  let server: MockApiHarness;
  let http: HttpClient;
  let demo: TokenResponse;

  beforeEach(async () => {
    server = await setUpMockApi();
    http = server.http;
    demo = await signIn(http);
  });

  const auth = (token = demo.accessToken) => ({ ...bearer(token), observe: 'response' as const });
  const list = (token?: string) => send(http.get<Todo[]>(API_PATHS.todos, auth(token)));
  const create = (body: unknown, token?: string) =>
    http.post<Todo>(API_PATHS.todos, body, auth(token));
  const update = (id: string, body: unknown, token?: string) =>
    http.patch<Todo>(`${API_PATHS.todos}/${id}`, body, auth(token));
  const remove = (id: string, token?: string) =>
    http.delete(`${API_PATHS.todos}/${id}`, auth(token));

  it('GET answers 200 with the seeded todos of the caller only', async () => {
    const admin = await signIn(http, 'admin');
    const demoTodos = (await list()).body!;
    const adminTodos = (await list(admin.accessToken)).body!;

    expect(demoTodos.length).toBe(3);
    expect(adminTodos.length).toBe(2);
    expect(demoTodos.map((t) => t.id)).not.toContain(adminTodos[0].id);
    expect(Object.keys(demoTodos[0]).sort()).toEqual(['createdAt', 'done', 'id', 'title']);
  });

  it('POST answers 201 with a new, not-done todo owned by the caller', async () => {
    const response = await send(create({ title: '  Write specs  ' }));

    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: jasmine.any(String),
      title: 'Write specs',
      done: false,
      createdAt: new Date(server.clock.now()).toISOString(),
    });
    expect((await list()).body!.map((t) => t.title)).toContain('Write specs');
  });

  it('POST takes the owner from the token, never from the body', async () => {
    const admin = await signIn(http, 'admin');
    await send(create({ title: 'Mine', ownerId: admin.user.id }));

    expect((await list(admin.accessToken)).body!.map((t) => t.title)).not.toContain('Mine');
    expect((await list()).body!.map((t) => t.title)).toContain('Mine');
  });

  for (const [description, body] of [
    ['no body', null],
    ['a missing title', {}],
    ['a blank title', { title: '  ' }],
    ['a title of 201 characters', { title: 't'.repeat(201) }],
    ['a title that is not a string', { title: 7 }],
  ] as const) {
    it(`POST answers 400 invalid_request for ${description}`, async () => {
      const error = await refusal(create(body));

      expect(error.status).toBe(400);
      expect(error.error.error).toBe('invalid_request');
    });
  }

  it('PATCH changes the title, done or both and answers 200 with the todo', async () => {
    const [todo] = (await list()).body!;
    const renamed = await send(update(todo.id, { title: 'Renamed' }));
    const finished = await send(update(todo.id, { done: !todo.done }));
    const both = await send(update(todo.id, { title: 'Both', done: todo.done }));

    expect(renamed.body).toEqual({ ...todo, title: 'Renamed' });
    expect(finished.body).toEqual({ ...todo, title: 'Renamed', done: !todo.done });
    expect(both.status).toBe(200);
    expect(both.body).toEqual({ ...todo, title: 'Both' });
  });

  for (const [description, body] of [
    ['no field to change', {}],
    ['a done that is not a boolean', { done: 'yes' }],
    ['a blank title', { title: '' }],
  ] as const) {
    it(`PATCH answers 400 invalid_request for ${description}`, async () => {
      const [todo] = (await list()).body!;
      const error = await refusal(update(todo.id, body));

      expect(error.status).toBe(400);
      expect(error.error.error).toBe('invalid_request');
    });
  }

  it('DELETE answers 204 and the todo is gone', async () => {
    const [todo] = (await list()).body!;
    const response = await send(remove(todo.id));

    expect(response.status).toBe(204);
    expect((await list()).body!.map((t) => t.id)).not.toContain(todo.id);
    expect((await refusal(remove(todo.id))).status).toBe(404);
  });

  it('answers 404 not_found for another user’s todo, the same as for an unknown id, and changes nothing', async () => {
    const admin = await signIn(http, 'admin');
    const [theirs] = (await list(admin.accessToken)).body!;

    for (const request of [
      update(theirs.id, { done: true }),
      remove(theirs.id),
      update('no-such-id', { done: true }),
    ]) {
      const error = await refusal(request);
      expect(error.status).toBe(404);
      expect(error.error.error).toBe('not_found');
    }
    expect((await list(admin.accessToken)).body).toContain(theirs);
  });

  it('answers 401 on every todo endpoint without a valid token', async () => {
    const [todo] = (await list()).body!;
    const requests = [
      http.get(API_PATHS.todos),
      create({ title: 'x' }, 'bad'),
      update(todo.id, { done: true }, 'bad'),
      remove(todo.id, 'bad'),
    ];

    for (const request of requests) expect((await refusal(request)).status).toBe(401);
  });

  it('keeps all 50 of 50 parallel POSTs (every write is serialised under the lock)', async () => {
    const before = (await list()).body!.length;
    const titles = Array.from({ length: 50 }, (_, i) => `Parallel ${i}`);
    await Promise.all(titles.map((title) => send(create({ title }))));

    const after = (await list()).body!;
    expect(after.length).toBe(before + 50);
    expect(
      after
        .filter((t) => t.title.startsWith('Parallel '))
        .map((t) => t.title)
        .sort(),
    ).toEqual([...titles].sort());
  });
});
