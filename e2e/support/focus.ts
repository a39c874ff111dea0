import type { Locator } from '@playwright/test';

import { expect } from './fixtures';

/**
 * Waits until `locator` is its page's active element: where the app moved focus. Playwright's
 * `toBeFocused` also needs the page to hold the browser's focus, which a loaded 2-core machine
 * sometimes leaves with another page (it then reports "inactive" for an element the app did
 * focus); the app cannot influence that, so the tests ask only for what it does.
 */
export async function expectFocused(locator: Locator): Promise<void> {
  await expect
    .poll(() => locator.evaluate((element) => element === element.ownerDocument.activeElement), {
      message: `${locator} is the page's active element`,
    })
    .toBe(true);
}
