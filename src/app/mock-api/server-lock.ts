/**
 * The lock around every read-modify-write of the server's stored state.
 *
 * `navigator.locks` serialises writers across all tabs of the origin (two tabs share one server),
 * and a storage fence (`../storage-fence.ts`) makes each holder wait until its copy of
 * localStorage shows the previous holder's write; where Web Locks are missing, an in-tab promise
 * queue still keeps parallel requests of one tab from losing each other's writes.
 */
import { localStorageOrNull } from '../browser-storage';
import { createStorageFence, NO_FENCE, type StorageFence } from '../storage-fence';

/** Runs `task` while holding the lock called `name`; resolves with the task's result. */
export type LockFn = <T>(name: string, task: () => Promise<T>) => Promise<T>;

/** Web Locks (with the storage fence) when the browser has them, else the in-tab queue. */
export function defaultLock(fence: StorageFence = serverFence()): LockFn {
  const locks = globalThis.navigator?.locks;
  if (!locks) return createQueueLock();
  // The callback's promise is awaited by the lock manager, so the result is the task's value
  // (the DOM typings say Promise<Promise<T>>).
  return <T>(name: string, task: () => Promise<T>) =>
    locks.request(name, () => fence.run(task)) as unknown as Promise<T>;
}

/** The fence of the server's localStorage state (revision `mock-api:rev`); none without it. */
function serverFence(): StorageFence {
  const storage = localStorageOrNull();
  if (!storage) return NO_FENCE;
  return createStorageFence({ storage, revisionKey: 'mock-api:rev', database: 'mock-api-fence' });
}

/** An in-tab lock: tasks with the same name run one after another, in call order. */
export function createQueueLock(): LockFn {
  const tails = new Map<string, Promise<void>>();
  return <T>(name: string, task: () => Promise<T>): Promise<T> => {
    const result = (tails.get(name) ?? Promise.resolve()).then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    tails.set(name, tail);
    void tail.then(() => {
      if (tails.get(name) === tail) tails.delete(name);
    });
    return result;
  };
}
