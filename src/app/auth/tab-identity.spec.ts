import { TestBed } from '@angular/core/testing';

import { TAB_ID_KEY, TAB_LOCK_PREFIX, TabIdentity } from './tab-identity';
import { FakeWebLocks } from './testing/fake-web-locks';
import { clearAuthStorage, settle } from './testing/auth-testing';
import { WEB_LOCKS } from './web-locks';

const QUICK_WAIT_MS = 20;

describe('TabIdentity', () => {
  let locks: FakeWebLocks;

  function create(webLocks: FakeWebLocks | null = locks): TabIdentity {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [{ provide: WEB_LOCKS, useValue: webLocks }] });
    return TestBed.inject(TabIdentity);
  }

  beforeEach(() => {
    clearAuthStorage();
    locks = new FakeWebLocks();
  });

  afterAll(() => clearAuthStorage());

  it('gives a new tab a short id, keeps it in sessionStorage and holds its lock', async () => {
    const tab = create();
    expect(tab.id()).toMatch(/^[0-9a-f]{8}$/);
    expect(sessionStorage.getItem(TAB_ID_KEY)).toBe(tab.id());

    await expectAsync(tab.claim(QUICK_WAIT_MS)).toBeResolvedTo(false);
    expect(locks.isHeld(TAB_LOCK_PREFIX + tab.id())).toBeTrue();
    expect(tab.copiedFrom()).toBeNull();
  });

  it('keeps its id across a reload once the old page has let go of the lock', async () => {
    const before = create();
    await before.claim(QUICK_WAIT_MS);
    const id = before.id();
    TestBed.resetTestingModule(); // the old page goes away and releases its lock

    const reloaded = create();
    await expectAsync(reloaded.claim(QUICK_WAIT_MS)).toBeResolvedTo(false);
    expect(reloaded.id()).toBe(id);
  });

  it('waits for a lock that the reloading page is still letting go of', async () => {
    const release = locks.holdAsOtherTab(TAB_LOCK_PREFIX + 'aaaaaaaa');
    sessionStorage.setItem(TAB_ID_KEY, 'aaaaaaaa');
    const tab = create();
    const claimed = tab.claim(1_000);
    release();
    await expectAsync(claimed).toBeResolvedTo(false);
    expect(tab.id()).toBe('aaaaaaaa');
  });

  it('detects a duplicated tab (copied id, lock held by the original) and takes a new id', async () => {
    locks.holdAsOtherTab(TAB_LOCK_PREFIX + 'aaaaaaaa'); // the original tab, still open
    sessionStorage.setItem(TAB_ID_KEY, 'aaaaaaaa'); // copied by "Duplicate tab"

    const copy = create();
    await expectAsync(copy.claim(QUICK_WAIT_MS)).toBeResolvedTo(true);
    expect(copy.id()).not.toBe('aaaaaaaa');
    expect(copy.copiedFrom()).toBe('aaaaaaaa');
    expect(sessionStorage.getItem(TAB_ID_KEY)).toBe(copy.id());
    expect(locks.isHeld(TAB_LOCK_PREFIX + copy.id())).toBeTrue();
  });

  it('answers every claim with the first answer', async () => {
    const tab = create();
    const [first, second] = [tab.claim(QUICK_WAIT_MS), tab.claim(QUICK_WAIT_MS)];
    expect(second).toBe(first);
    await first;
    expect(locks.requested.length).toBe(1);
  });

  it('cannot tell without Web Locks, and then treats the tab as an original', async () => {
    sessionStorage.setItem(TAB_ID_KEY, 'aaaaaaaa');
    const tab = create(null);
    await expectAsync(tab.claim(QUICK_WAIT_MS)).toBeResolvedTo(false);
    expect(tab.id()).toBe('aaaaaaaa');
  });

  it('lets go of its lock when the app is destroyed', async () => {
    const tab = create();
    await tab.claim(QUICK_WAIT_MS);
    const name = TAB_LOCK_PREFIX + tab.id();
    expect(locks.isHeld(name)).toBeTrue();
    TestBed.resetTestingModule();
    await settle();
    expect(locks.isHeld(name)).toBeFalse();
  });
});
