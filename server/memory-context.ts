/**
 * The server context the Node server runs on for now: the in-browser server's own store over a
 * `MemoryStorage` with the in-process queue lock (one process, so no cross-tab lock is needed).
 * A restart starts again from the seed; the SQL adapter of `ServerStore` will replace it.
 */
import { MemoryStorage } from '../src/app/browser-storage';
import { createServerContext, type ServerContext } from '../src/app/mock-api/server-context';
import { createQueueLock } from '../src/app/mock-api/server-lock';

export function memoryServerContext(options: { passwordIterations?: number } = {}): ServerContext {
  return createServerContext({ ...options, storage: new MemoryStorage(), lock: createQueueLock() });
}
