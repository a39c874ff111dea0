/**
 * Runs at most `limit` tasks at once; the others wait their turn, first come first served. A task
 * that fails frees its place like one that succeeds.
 *
 * The server runs password hashing through one (`PASSWORD_WORK` in `passwords.ts`): PBKDF2 keeps
 * a core busy for its whole run, so ten parallel sign-ins would otherwise take every core and
 * every Web Crypto worker thread, and a refresh's few-microsecond HMAC would wait behind them.
 */
export class WorkLimit {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`Bad work limit: ${limit}`);
  }

  /** Tasks running or waiting. */
  get pending(): number {
    return this.#running + this.#waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running < this.limit) this.#running++;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await task();
    } finally {
      // The place goes straight to the next task in line, so #running stays as it is.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }
}
