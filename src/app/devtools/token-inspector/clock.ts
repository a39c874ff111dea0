import { DestroyRef, Injectable, inject, signal } from '@angular/core';

export const CLOCK_TICK_MS = 1000;

/**
 * The one "now" behind every live countdown and progress bar: a signal that ticks once a second.
 * Not provided in root on purpose: the component that shows countdowns provides it, and the
 * timer stops when that component is destroyed (for example when the devtools are collapsed).
 */
@Injectable()
export class Clock {
  readonly #now = signal(Date.now());

  /** Milliseconds since the epoch, updated every `CLOCK_TICK_MS`. */
  readonly now = this.#now.asReadonly();

  constructor() {
    const timer = setInterval(() => this.#now.set(Date.now()), CLOCK_TICK_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}
