/**
 * Test-only: virtual time for the tab model. `install()` (undone by `uninstall()`) replaces
 * `setTimeout`, `setInterval`, their `clear…`, `Date.now` and `AbortSignal.timeout` with fakes on
 * one clock that moves only when told to. Unlike `jasmine.clock().tick`, `advance` stops
 * at every timer that falls due and lets the promise callbacks it started run before the next one,
 * so a timer that a promise callback sets is due at the right virtual moment.
 *
 * The client reads time only through these globals (it has no injected clock), so its wait limit,
 * lock waits and sign-out timeout all run on this clock.
 */
interface Timer {
  due: number;
  run: () => void;
  every: number | null;
}

/** Fake timer ids start here, far above the browser's, so a real id is passed on to the real clear. */
const FIRST_ID = 1_000_000_000;

export class VirtualTime {
  #now = 0;
  #nextId = FIRST_ID;
  readonly #timers = new Map<number, Timer>();
  #uninstall: () => void = () => undefined;

  now(): number {
    return this.#now;
  }

  install(): void {
    const real = {
      setTimeout: window.setTimeout,
      setInterval: window.setInterval,
      clearTimeout: window.clearTimeout,
      clearInterval: window.clearInterval,
      now: Date.now,
      timeout: AbortSignal.timeout,
    };
    const add = (run: () => void, ms: number | undefined, every: boolean) => {
      const delay = Math.max(0, ms ?? 0);
      const id = this.#nextId++;
      const timer = { due: this.#now + delay, run, every: every ? Math.max(1, delay) : null };
      this.#timers.set(id, timer);
      return id;
    };
    const clear = (realClear: (id: number) => void) => (id?: number) => {
      if (id === undefined) return;
      if (id >= FIRST_ID) this.#timers.delete(id);
      else realClear.call(window, id);
    };
    type Callback = (...args: unknown[]) => void;
    Object.assign(window, {
      setTimeout: (fn: Callback, ms?: number, ...args: unknown[]) =>
        add(() => fn(...args), ms, false),
      setInterval: (fn: Callback, ms?: number, ...args: unknown[]) =>
        add(() => fn(...args), ms, true),
      clearTimeout: clear(real.clearTimeout),
      clearInterval: clear(real.clearInterval),
    });
    Date.now = () => this.#now;
    AbortSignal.timeout = (ms: number) => {
      const controller = new AbortController();
      add(() => controller.abort(new DOMException('Timed out.', 'TimeoutError')), ms, false);
      return controller.signal;
    };
    this.#uninstall = () => {
      const { now, timeout, ...timers } = real;
      Object.assign(window, timers);
      Date.now = now;
      AbortSignal.timeout = timeout;
    };
  }

  /** Puts the real clock back (call it in `afterEach`). */
  uninstall(): void {
    this.#uninstall();
    this.#uninstall = () => undefined;
  }

  /** A new run: the clock at `start`, no timers. */
  reset(start: number): void {
    this.#now = start;
    this.#timers.clear();
  }

  /** Resolves once every promise callback queued so far, and the ones they queue, has run. */
  async settle(): Promise<void> {
    await nextTask();
    while (this.#runDue(this.#now)) await nextTask();
  }

  /** Moves the clock `ms` ahead, running every timer on the way at its own due time. */
  async advance(ms: number): Promise<void> {
    const target = this.#now + ms;
    for (let due = this.#nextDue(); due !== null && due <= target; due = this.#nextDue()) {
      this.#now = Math.max(this.#now, due);
      await this.settle();
    }
    this.#now = target;
    await this.settle();
  }

  /** When the next timer falls due; null when none is set. */
  nextDue(): number | null {
    return this.#nextDue();
  }

  #nextDue(): number | null {
    let next: number | null = null;
    for (const timer of this.#timers.values())
      if (next === null || timer.due < next) next = timer.due;
    return next;
  }

  /** Runs the earliest timer due at `now` or before; false when there is none. */
  #runDue(now: number): boolean {
    let first: [number, Timer] | null = null;
    for (const entry of this.#timers) {
      if (entry[1].due <= now && (first === null || entry[1].due < first[1].due)) first = entry;
    }
    if (!first) return false;
    const [id, timer] = first;
    if (timer.every === null) this.#timers.delete(id);
    else timer.due += timer.every;
    timer.run();
    return true;
  }
}

/** The next task: every microtask queued before it has run by then (no 4 ms clamp, unlike setTimeout). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
