import { DOCUMENT, InjectionToken, inject } from '@angular/core';

/**
 * Starts the page afresh (`location.reload()`). A token rather than a direct call so that specs
 * can see the shell ask for it without the test page reloading.
 */
export const RELOAD_PAGE = new InjectionToken<() => void>('RELOAD_PAGE', {
  providedIn: 'root',
  factory: () => {
    const location = inject(DOCUMENT).location;
    return () => location.reload();
  },
});
