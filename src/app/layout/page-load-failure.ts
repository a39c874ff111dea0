import { inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, NavigationError, Router } from '@angular/router';

/**
 * Why the last navigation could not open its page, for the shell to show above the page (with a
 * Reload button), instead of a click that silently does nothing or a blank first page.
 *
 * On the hosted demo the usual cause is a page's code (a lazy chunk) that cannot be fetched: the
 * connection dropped, or a newer build replaced the files this tab was loaded from. The next
 * navigation that succeeds clears it.
 */
@Injectable({ providedIn: 'root' })
export class PageLoadFailure {
  readonly #message = signal<string | null>(null);

  /** One sentence for the user, or null. */
  readonly message = this.#message.asReadonly();

  constructor() {
    inject(Router)
      .events.pipe(takeUntilDestroyed())
      .subscribe((event) => {
        if (event instanceof NavigationEnd) this.#message.set(null);
      });
  }

  report(failure: NavigationError): void {
    this.#message.set(pageLoadMessage(failure.error));
  }
}

/** For `withNavigationErrorHandler()`: records the failure; the address bar stays as it was. */
export function reportNavigationError(failure: NavigationError): void {
  inject(PageLoadFailure).report(failure);
}

/** Browsers word a failed dynamic import differently; all name the module or the import. */
const CHUNK_LOAD_FAILURE =
  /dynamically imported module|importing a module script failed|error loading dynamically imported module/i;

export function pageLoadMessage(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  if (CHUNK_LOAD_FAILURE.test(detail)) {
    return (
      'This page could not be loaded: its code did not arrive. The connection may have dropped, ' +
      'or a newer version of the demo was published. Reload to try again.'
    );
  }
  return `This page could not be opened: ${detail}`;
}
