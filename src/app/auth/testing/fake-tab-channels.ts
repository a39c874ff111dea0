import { TabChannel, TabMessage } from '../tab-channel';

type Listener = (message: TabMessage) => void;

/**
 * Test-only stand-in for `BroadcastChannel` between the tabs of one spec: `channel()` is one
 * tab's end (the TestBed's tab and each `openOtherTab`). A message posted reaches every other
 * end, never the sender; at once by default (the real channel delivers a task later), or, after
 * `hold()`, only at `release()`, or never after `lose()`. `posted` logs every message sent.
 */
export class FakeTabChannels {
  readonly posted: TabMessage[] = [];
  readonly #ends = new Set<Set<Listener>>();
  #held: (() => void)[] = [];
  #mode: 'deliver' | 'hold' | 'lose' = 'deliver';

  channel(): TabChannel {
    const own = new Set<Listener>();
    this.#ends.add(own);
    return {
      post: (message) => {
        this.posted.push(message);
        if (this.#mode === 'lose') return;
        // A structured clone, as the browser sends it: no shared objects between tabs.
        const copy = structuredClone(message);
        const deliver = () => {
          for (const end of this.#ends) if (end !== own) end.forEach((listener) => listener(copy));
        };
        if (this.#mode === 'hold') this.#held.push(deliver);
        else deliver();
      },
      listen: (listener) => {
        own.add(listener);
        return () => own.delete(listener);
      },
    };
  }

  /** From now on messages wait for `release()`. */
  hold(): void {
    this.#mode = 'hold';
  }

  /** From now on messages are lost (a tab that was frozen, a browser without the channel). */
  lose(): void {
    this.#mode = 'lose';
  }

  /** Delivers the held messages in order, and every later one at once. */
  release(): void {
    this.#mode = 'deliver';
    const held = this.#held;
    this.#held = [];
    held.forEach((deliver) => deliver());
  }
}
