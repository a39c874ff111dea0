import { MemoryStorage } from './browser-storage';
import { createStorageFence, StorageFence } from './storage-fence';

/** One tab's own copy of localStorage (multi-process browsers keep one per tab). */
class TabCopy extends MemoryStorage {
  /** What the browser does a moment after another tab wrote: this copy catches up. */
  catchUpWith(other: TabCopy): void {
    for (let i = 0; i < other.length; i++) {
      const key = other.key(i) as string;
      this.setItem(key, other.getItem(key) as string);
    }
  }
}

describe('createStorageFence', () => {
  let database: string;
  const fenceFor = (storage: Storage, maxWaitMs?: number): StorageFence =>
    createStorageFence({ storage, revisionKey: 'test:rev', database, maxWaitMs });

  beforeEach(() => {
    database = `storage-fence-spec-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  });

  it('publishes a new revision after the task, in localStorage and for the next holder', async () => {
    const tabA = new TabCopy();
    await expectAsync(fenceFor(tabA).run(async () => 'done')).toBeResolvedTo('done');
    expect(tabA.getItem('test:rev')).toBe('1');

    const tabB = new TabCopy();
    tabB.catchUpWith(tabA);
    await fenceFor(tabB).run(async () => undefined);
    expect(tabB.getItem('test:rev')).toBe('2');
  });

  it('makes the next holder wait until its copy shows the previous holder’s write', async () => {
    const tabA = new TabCopy();
    const tabB = new TabCopy();
    await fenceFor(tabA).run(async () => tabA.setItem('test:data', 'from A'));
    await fenceFor(tabB).run(async () => tabB.setItem('test:data', 'from B, first'));
    tabA.catchUpWith(tabB);
    await fenceFor(tabA).run(async () => tabA.setItem('test:data', 'from A, after B'));

    // Tab B's copy has not caught up with A's last write yet.
    const seen: (string | null)[] = [];
    const run = fenceFor(tabB).run(async () => seen.push(tabB.getItem('test:data')));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).withContext('still waiting').toEqual([]);

    tabB.catchUpWith(tabA);
    await run;
    expect(seen).toEqual(['from A, after B']);
  });

  it('goes ahead after the longest wait when the copy never catches up', async () => {
    const tabA = new TabCopy();
    await fenceFor(tabA).run(async () => undefined);
    const tabB = new TabCopy();
    tabB.setItem('test:rev', '0');
    const started = Date.now();
    await fenceFor(tabB, 40).run(async () => undefined);
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
  });

  it('does not wait when the guarded data was reset (no revision stored)', async () => {
    await fenceFor(new TabCopy()).run(async () => undefined);
    const started = Date.now();
    await fenceFor(new TabCopy(), 1_000).run(async () => undefined);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('publishes even when the task fails, and passes the failure on', async () => {
    const tab = new TabCopy();
    const failing = fenceFor(tab).run(() => Promise.reject(new Error('boom')));
    await expectAsync(failing).toBeRejectedWithError('boom');
    expect(tab.getItem('test:rev')).toBe('1');
  });

  it('just runs the task where IndexedDB cannot be opened', async () => {
    spyOn(indexedDB, 'open').and.throwError(new DOMException('denied', 'SecurityError'));
    const tab = new TabCopy();
    await expectAsync(fenceFor(tab).run(async () => 42)).toBeResolvedTo(42);
    expect(tab.getItem('test:rev')).toBeNull();
  });
});
