/**
 * Makes localStorage safe to read-modify-write under a cross-tab Web Lock. Used by the in-browser
 * server (its state) and by the auth client (the shared token pair).
 *
 * Why a lock alone is not enough: multi-process browsers keep a copy of localStorage in every tab
 * and bring it up to date asynchronously (whatwg/html#403). The tab that gets a lock right after
 * another tab wrote and let go can still read the old value, and its write then loses the other
 * tab's. The fence is a revision number kept in IndexedDB, which every tab reads from the one
 * backing store: the tab leaving the lock writes the revision into localStorage after its data
 * and then into IndexedDB; the next holder reads it from IndexedDB and waits until its own copy of
 * localStorage shows it, so it also sees the data written before it.
 *
 * Where IndexedDB cannot be opened the fence does nothing (the lock still serialises the tabs).
 */
export interface StorageFence {
  /** Call inside the lock: waits for the previous holder's writes, runs `task`, publishes. */
  run<T>(task: () => Promise<T>): Promise<T>;
}

export interface StorageFenceOptions {
  storage: Storage;
  /** localStorage key of the revision, next to the data it guards (e.g. `mock-api:rev`). */
  revisionKey: string;
  /** IndexedDB database of the fence (one small object store). */
  database: string;
  /** Longest wait for this tab's copy to catch up before going ahead anyway. */
  maxWaitMs?: number;
}

/** For tests and for data that is not shared between tabs. */
export const NO_FENCE: StorageFence = { run: (task) => task() };

const STORE = 'fence';
const RECORD = 'revision';
const POLL_MS = 10;

export function createStorageFence(options: StorageFenceOptions): StorageFence {
  const { storage, revisionKey, database, maxWaitMs = 1_000 } = options;
  let db: Promise<IDBDatabase | null> | null = null;

  const localRevision = (): number | null => {
    const value = Number(storage.getItem(revisionKey) ?? Number.NaN);
    return Number.isFinite(value) ? value : null;
  };

  /** Until this tab's copy shows `fence`; a missing revision means the data was reset. */
  const caughtUp = (fence: number) => {
    const revision = localRevision();
    return revision === null || revision >= fence;
  };

  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      db ??= openFenceDb(database);
      const fenceDb = await db;
      if (!fenceDb) return task();
      const fence = await readRevision(fenceDb);
      await waitUntil(() => caughtUp(fence), maxWaitMs);
      try {
        return await task();
      } finally {
        const next = Math.max(fence, localRevision() ?? 0) + 1;
        try {
          storage.setItem(revisionKey, String(next));
          await writeRevision(fenceDb, next);
        } catch {
          // Storage full or IndexedDB gone: the next holder waits at most maxWaitMs.
        }
      }
    },
  };
}

/** Resolves once `condition()` holds, checking on each `storage` event and every 10 ms. */
function waitUntil(condition: () => boolean, maxWaitMs: number): Promise<void> {
  if (condition()) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const started = Date.now();
    const check = () => {
      if (!condition() && Date.now() - started < maxWaitMs) return;
      clearInterval(timer);
      globalThis.removeEventListener?.('storage', check);
      resolve();
    };
    const timer = setInterval(check, POLL_MS);
    globalThis.addEventListener?.('storage', check);
  });
}

function openFenceDb(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    try {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

function readRevision(db: IDBDatabase): Promise<number> {
  return new Promise((resolve) => {
    try {
      const request = db.transaction(STORE, 'readonly').objectStore(STORE).get(RECORD);
      request.onsuccess = () => resolve(typeof request.result === 'number' ? request.result : 0);
      request.onerror = () => resolve(0);
    } catch {
      resolve(0);
    }
  });
}

function writeRevision(db: IDBDatabase, revision: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(STORE, 'readwrite', { durability: 'relaxed' });
    transaction.objectStore(STORE).put(revision, RECORD);
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}
