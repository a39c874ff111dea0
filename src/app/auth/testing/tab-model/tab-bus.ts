/**
 * Test-only: what passes between the tabs of the model besides storage itself, with its delivery
 * in the schedule's hands. Each tab has an inbox: the `storage` events the browser owes it (one per
 * key another tab changed) and the `TabChannel` messages other tabs posted, in order. The schedule
 * delivers them late, loses messages (never storage events, which a live tab always gets), and
 * holds everything back while a tab is frozen.
 */
import type { TabChannel, TabMessage } from '../../tab-channel';

export type Delivery =
  | { readonly kind: 'storage'; readonly key: string }
  | { readonly kind: 'message'; readonly message: TabMessage };

export class TabBus {
  readonly #inboxes = new Map<number, Delivery[]>();
  readonly #listeners = new Map<number, Set<(message: TabMessage) => void>>();
  /** Messages posted in the run, to see that the schedules exercised them. */
  posted = 0;
  /** Called when a tab's write replaced the stored token pair (raw values, before and after). */
  onTokensWritten: (before: string | null, after: string | null) => void = () => undefined;

  join(tab: number): void {
    this.#inboxes.set(tab, []);
    this.#listeners.set(tab, new Set());
  }

  channelFor(tab: number): TabChannel {
    return {
      post: (message) => {
        this.posted++;
        this.#send(tab, { kind: 'message', message });
      },
      listen: (listener) => {
        this.#listeners.get(tab)?.add(listener);
        return () => this.#listeners.get(tab)?.delete(listener);
      },
    };
  }

  /** `tab` changed these localStorage keys: every other tab is owed a `storage` event for each. */
  storageChanged(tab: number, keys: readonly string[]): void {
    for (const key of keys) this.#send(tab, { kind: 'storage', key });
  }

  inbox(tab: number): readonly Delivery[] {
    return this.#inboxes.get(tab) ?? [];
  }

  /** Takes the oldest delivery owed to `tab`, or null. */
  take(tab: number): Delivery | null {
    return this.#inboxes.get(tab)?.shift() ?? null;
  }

  /** Loses the oldest message owed to `tab` (storage events stay); false when there is none. */
  loseMessage(tab: number): boolean {
    const inbox = this.#inboxes.get(tab) ?? [];
    const index = inbox.findIndex((delivery) => delivery.kind === 'message');
    if (index < 0) return false;
    inbox.splice(index, 1);
    return true;
  }

  /** Forgets everything owed to `tab` (a frozen tab that resumes without what it missed). */
  drop(tab: number): void {
    this.#inboxes.set(tab, []);
  }

  /** Hands a message to the listeners of `tab`. */
  hear(tab: number, message: TabMessage): void {
    for (const listener of this.#listeners.get(tab) ?? []) listener(message);
  }

  #send(from: number, delivery: Delivery): void {
    for (const [tab, inbox] of this.#inboxes) if (tab !== from) inbox.push(delivery);
  }
}
