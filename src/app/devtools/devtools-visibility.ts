import { Injectable, signal } from '@angular/core';

export const DEVTOOLS_OPEN_KEY = 'devtools:open';

/** From this width on the panel sits beside the page, so it starts open there. */
export const WIDE_SCREEN_QUERY = '(min-width: 992px)';

/**
 * Whether the Auth devtools panel is open, remembered in localStorage (`devtools:open`). Without
 * a stored choice it starts open on wide screens and closed on small ones.
 */
@Injectable({ providedIn: 'root' })
export class DevtoolsVisibility {
  readonly #open = signal(readOpen());

  readonly open = this.#open.asReadonly();

  toggle(): void {
    this.setOpen(!this.#open());
  }

  setOpen(open: boolean): void {
    this.#open.set(open);
    try {
      localStorage.setItem(DEVTOOLS_OPEN_KEY, JSON.stringify(open));
    } catch {
      // Storage blocked: the choice holds until the page is reloaded.
    }
  }
}

function readOpen(): boolean {
  try {
    const stored = localStorage.getItem(DEVTOOLS_OPEN_KEY);
    if (stored === 'true' || stored === 'false') return stored === 'true';
  } catch {
    // Storage blocked: fall through to the default.
  }
  return globalThis.matchMedia?.(WIDE_SCREEN_QUERY).matches ?? true;
}
