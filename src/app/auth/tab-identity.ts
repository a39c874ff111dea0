import { DestroyRef, Injectable, inject, signal } from '@angular/core';

import { WEB_LOCKS, waitAtMost } from './web-locks';

/** sessionStorage key of this tab's id: survives a reload, and is copied into a duplicated tab. */
export const TAB_ID_KEY = 'auth:tab-id';
/** Each open tab holds the Web Lock `auth:tab:<its id>` for as long as it lives. */
export const TAB_LOCK_PREFIX = 'auth:tab:';
/**
 * How long `claim()` waits for a taken id lock before deciding that another open tab has it.
 * A reloading tab lets go of its lock a moment after the new page starts, so 0 is too short.
 */
export const TAB_CLAIM_WAIT_MS = 1_000;

/**
 * This tab's id (shown by the devtools) and the check that tells a duplicated tab from the tab it
 * was copied from.
 *
 * Why it exists: a browser's "Duplicate tab" copies sessionStorage, so in session-storage mode the
 * copy starts with the original's refresh token. If both used it, the second rotation would be
 * refresh-token reuse and the server would revoke the session of both tabs. The id is kept in
 * sessionStorage (so it is copied too) and each tab holds a Web Lock named after it; a tab that
 * starts with an id whose lock another live tab holds is the copy. The copy then takes a new id
 * and `restoreSession` drops the copied tokens (see `session-restore.ts`).
 *
 * Without Web Locks there is no reliable check: `claim()` answers "not a copy".
 */
@Injectable({ providedIn: 'root' })
export class TabIdentity {
  readonly #locks = inject(WEB_LOCKS);
  readonly #id = signal(readStoredId() ?? newTabId());
  readonly #copiedFrom = signal<string | null>(null);
  #claim: Promise<boolean> | null = null;
  #release: (() => void) | null = null;
  #destroyed = false;

  /** A short random id, e.g. `3f9a07c2`, stable across reloads of this tab. */
  readonly id = this.#id.asReadonly();
  /** The id of the tab this one was duplicated from, once `claim()` has found out. */
  readonly copiedFrom = this.#copiedFrom.asReadonly();

  constructor() {
    storeId(this.#id());
    inject(DestroyRef).onDestroy(() => {
      this.#destroyed = true;
      this.#release?.();
    });
  }

  /**
   * Takes this tab's id lock for the tab's lifetime. Resolves `true` when another open tab already
   * had this id (this tab is its copy: it now has a new id), `false` otherwise. Never rejects;
   * every call gets the answer of the first.
   */
  claim(waitMs = TAB_CLAIM_WAIT_MS): Promise<boolean> {
    this.#claim ??= this.#claimOnce(waitMs);
    return this.#claim;
  }

  async #claimOnce(waitMs: number): Promise<boolean> {
    if (!this.#locks) return false;
    const copied = this.#id();
    if (await this.#hold(copied, waitMs)) return false;
    const fresh = newTabId();
    this.#id.set(fresh);
    this.#copiedFrom.set(copied);
    storeId(fresh);
    await this.#hold(fresh, waitMs);
    return true;
  }

  /** Resolves true once the lock for `id` is ours (kept until destroy), false if it stays taken. */
  #hold(id: string, waitMs: number): Promise<boolean> {
    const locks = this.#locks;
    if (!locks) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      locks
        .request(TAB_LOCK_PREFIX + id, waitAtMost(waitMs), () => {
          resolve(true);
          if (this.#destroyed) return Promise.resolve();
          return new Promise<void>((release) => (this.#release = release));
        })
        .catch(() => resolve(false));
    });
  }
}

function newTabId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function readStoredId(): string | null {
  try {
    const id = sessionStorage.getItem(TAB_ID_KEY);
    return id && /^[0-9a-f]{8}$/.test(id) ? id : null;
  } catch {
    return null;
  }
}

function storeId(id: string): void {
  try {
    sessionStorage.setItem(TAB_ID_KEY, id);
  } catch {
    // No sessionStorage: the id lives as long as this page.
  }
}
