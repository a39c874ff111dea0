import { WebLocks } from '../web-locks';

/**
 * Test-only stand-in for `navigator.locks`: exclusive locks by name, granted in request order,
 * honouring `ifAvailable` and `signal`. A free lock is granted synchronously (the real API grants
 * it a task later), so a spec can expect the HTTP call right after the call that took the lock.
 * `holdAsOtherTab(name)` plays another tab that holds a lock.
 */
export class FakeWebLocks implements WebLocks {
  /** Every lock name requested, in order. */
  readonly requested: string[] = [];
  readonly #held = new Set<string>();
  readonly #waiting = new Map<string, (() => void)[]>();

  request<T>(
    name: string,
    options: LockOptions,
    callback: (lock: Lock | null) => Promise<T>,
  ): Promise<T> {
    this.requested.push(name);
    return new Promise<T>((resolve, reject) => {
      const grant = () => {
        this.#held.add(name);
        const lock = { name, mode: options.mode ?? 'exclusive' } as Lock;
        run(() => callback(lock))
          .then(resolve, reject)
          .finally(() => this.#release(name));
      };
      if (!this.#held.has(name)) return grant();
      if (options.ifAvailable) return void run(() => callback(null)).then(resolve, reject);
      const { signal } = options;
      if (signal?.aborted) return reject(signal.reason);
      const queue = this.#waiting.get(name) ?? [];
      this.#waiting.set(name, [...queue, grant]);
      signal?.addEventListener('abort', () => {
        const rest = (this.#waiting.get(name) ?? []).filter((waiting) => waiting !== grant);
        this.#waiting.set(name, rest);
        reject(signal.reason);
      });
    });
  }

  /** Takes `name` as another tab would; call the returned function to let go. */
  holdAsOtherTab(name: string): () => void {
    if (this.#held.has(name)) throw new Error(`${name} is already held.`);
    this.#held.add(name);
    return () => this.#release(name);
  }

  isHeld(name: string): boolean {
    return this.#held.has(name);
  }

  /** How many requests wait for `name`. */
  waitingFor(name: string): number {
    return this.#waiting.get(name)?.length ?? 0;
  }

  #release(name: string): void {
    this.#held.delete(name);
    const [next, ...rest] = this.#waiting.get(name) ?? [];
    this.#waiting.set(name, rest);
    next?.();
  }
}

function run<T>(callback: () => Promise<T>): Promise<T> {
  try {
    return Promise.resolve(callback());
  } catch (error) {
    return Promise.reject(error);
  }
}
