/**
 * Test-only: the Node server on a fresh in-memory state with a low password cost, and a tiny
 * built app in a temporary folder, for `app.inject` (no port is opened).
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { FastifyInstance } from 'fastify';

import { buildServer } from './app';
import { memoryServerContext } from './memory-context';

export const INDEX_HTML = '<!doctype html><title>app</title><app-root></app-root>';
export const BUNDLE = 'main-ABCDEFGH.js';

export async function testServer(): Promise<FastifyInstance> {
  const appDir = mkdtempSync(path.join(tmpdir(), 'jwt-server-app-'));
  writeFileSync(path.join(appDir, 'index.html'), INDEX_HTML);
  writeFileSync(path.join(appDir, BUNDLE), 'console.log("app");');
  mkdirSync(path.join(appDir, 'media'));
  writeFileSync(
    path.join(appDir, 'media', 'logo.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg"/>',
  );
  return buildServer(
    { appDir, logLevel: 'silent' },
    memoryServerContext({ passwordIterations: 1000 }),
  );
}

/** A JSON request through `app.inject`. */
export function send(
  app: FastifyInstance,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method,
    url,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
}
