/**
 * Test-only: a fresh in-browser server for each run of a property, driven through its router
 * (`handleRequest`) with no HttpClient in between, so a thousand runs fit in a minute and every
 * answer is seen exactly as the server gave it. Storage is in memory, the lock the in-tab queue,
 * and the clock a `TestClock`, so no real time passes and nothing is left in localStorage.
 *
 * Every answer is checked on the way: a success, or a 4xx with the contract's `{error, message}`.
 * A 500 is the router's answer to a handler that threw, so it always fails the run.
 */
import { Injector } from '@angular/core';

import { MemoryStorage } from '../../browser-storage';
import { DemoServerControls } from '../demo-server-controls';
import type { ServerResponse } from '../http';
import { TEST_PASSWORD_ITERATIONS, TestClock } from './mock-api-harness';
import { handleRequest } from '../router';
import { createSeedState } from '../seed';
import { createServerContext, type InBrowserServerContext } from '../server-context';
import { SERVER_CONTEXT } from '../server-context-token';
import { STATE_KEY } from '../server-db';
import type { ServerState } from '../server-state';
import { createQueueLock } from '../server-lock';

export interface ServerUnderTest {
  ctx: InBrowserServerContext;
  clock: TestClock;
  controls: DemoServerControls;
  /** How many requests `send` has sent, to see that the runs did work. */
  requests: number;
  /** User ids by username. */
  userIds: Map<string, string>;
  /** Ends the controls' listeners. */
  stop(): void;
}

/** The stored text of a seeded state, made once: hashing the seed passwords per run is slow. */
export async function seedText(): Promise<string> {
  return JSON.stringify(await createSeedState(TEST_PASSWORD_ITERATIONS, Date.now()));
}

export function startServer(seed: string): ServerUnderTest {
  const storage = new MemoryStorage();
  storage.setItem(STATE_KEY, seed);
  const clock = new TestClock();
  const ctx = createServerContext({
    now: clock.now,
    passwordIterations: TEST_PASSWORD_ITERATIONS,
    storage,
    lock: createQueueLock(),
  });
  const injector = Injector.create({
    providers: [{ provide: SERVER_CONTEXT, useValue: ctx }, DemoServerControls],
  });
  const state = JSON.parse(seed) as ServerState;
  return {
    ctx,
    clock,
    controls: injector.get(DemoServerControls),
    requests: 0,
    userIds: new Map(state.users.map((user) => [user.username, user.id])),
    stop: () => injector.destroy(),
  };
}

export interface Call {
  body?: unknown;
  token?: string;
}

/** Sends one request through the router and checks that the answer is one the contract allows. */
export async function send(
  server: ServerUnderTest,
  method: string,
  path: string,
  { body, token }: Call = {},
): Promise<ServerResponse> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
  const rawBody = body === undefined ? null : JSON.stringify(body);
  server.requests++;
  const response = await handleRequest({ method, path, query: {}, headers, rawBody }, server.ctx);
  if (![200, 201, 204].includes(response.status) && !isClearRefusal(response)) {
    throw new Error(`${method} ${path} answered ${response.status} ${JSON.stringify(response)}`);
  }
  return response;
}

/** A 4xx whose body names an error code and a message for people. */
function isClearRefusal({ status, body }: ServerResponse): boolean {
  const { error, message } = (body ?? {}) as Record<string, unknown>;
  return (
    status >= 400 &&
    status < 500 &&
    typeof error === 'string' &&
    typeof message === 'string' &&
    message.length > 0
  );
}

/** The server's state as stored now (a fresh copy, parsed from storage). */
export async function stateOf(server: ServerUnderTest): Promise<ServerState> {
  return server.ctx.store.snapshot();
}

/** Throws `message` unless `condition` holds; the properties' only assertion. */
export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
