// @ts-check
/**
 * Page object for the app's Auth devtools panel (src/app/devtools/), found by its labels the way
 * the e2e specs find it. Actions that the app completes asynchronously (fire a burst, expire the
 * access token) click inside the page and resolve on the DOM change that reports the outcome, so
 * no sleep is involved and Playwright's round trips stay out of the timings.
 */

/** The panel's burst result: "10 requests: 10 succeeded, 0 failed in 612 ms". */
const BURST_RESULT = /^(\d+) requests?: (\d+) succeeded, (\d+) failed in (\d+) ms/;

/** How long one action may take before the bench gives up on the page. */
const ACTION_TIMEOUT_MS = 60_000;

/**
 * @typedef {{ total: number, succeeded: number, failed: number, ms: number, text: string }} Burst
 * @typedef {{ requests: number, unauthorized: number, refreshes: number, retries: number }} Counters
 */

export class DevtoolsPanel {
  /** The wall-clock second (page clock) of the last "Expire access token now". */
  #lastExpireSecond = -1;

  /** @param {import('playwright').Page} page */
  constructor(page) {
    this.page = page;
  }

  /** Expands the panel unless it is open already (it remembers its state in localStorage). */
  async open() {
    const toggle = this.page.getByRole('button', { name: 'Auth devtools' });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await this.#fireButton().waitFor();
  }

  /**
   * Types the server settings and applies them. Call once per page load: it waits for the
   * form's status line to change to "Applied…".
   * @param {Record<string, number>} valuesByLabel e.g. `{ 'Latency (ms)': 100 }`
   */
  async applyServerSettings(valuesByLabel) {
    for (const [label, value] of Object.entries(valuesByLabel)) {
      await this.page.getByLabel(label, { exact: true }).fill(String(value));
    }
    const apply = this.page.getByRole('button', { name: 'Apply settings' });
    const status = this.page.locator('form', { has: apply }).getByRole('status');
    const text = await clickAndAwaitText(apply, status, /^(Applied|Not applied)/);
    if (!text.startsWith('Applied')) throw new Error(`The server settings were refused: ${text}`);
  }

  /** @param {boolean} on */
  async setProactiveRefresh(on) {
    await this.page.getByRole('switch', { name: 'Refresh before expiry' }).setChecked(on);
  }

  /** Bursts of protected reads (`GET api/todos`), not writes. */
  async burstOfReads() {
    await this.page.getByLabel('Each request', { exact: true }).selectOption('read');
  }

  /** @param {number} count */
  async setRequestCount(count) {
    await this.page.getByLabel('Number of requests', { exact: true }).fill(String(count));
  }

  /**
   * Makes the server refuse the current access token; resolves once the panel says so.
   *
   * The server's revocation mark has a resolution of one second and a token issued after a
   * revocation carries the mark as its `iat` (src/app/mock-api/sessions.ts), so a second expiry
   * within the same second would not reach a token refreshed in between. Each call therefore
   * waits, if needed, for the next second of the page's clock.
   */
  async expireAccessToken() {
    await this.page.waitForFunction(
      (last) => Math.floor(Date.now() / 1000) > last,
      this.#lastExpireSecond,
      { polling: 20, timeout: ACTION_TIMEOUT_MS },
    );
    const button = this.page.getByRole('button', { name: 'Expire access token now' });
    const status = this.page.locator('app-session-actions').getByRole('status');
    const text = await clickAndAwaitText(button, status, /\S/);
    // Read after the click: the server's mark can only be in this second or an earlier one.
    this.#lastExpireSecond = await this.page.evaluate(() => Math.floor(Date.now() / 1000));
    if (!/refuses the current access token/.test(text)) {
      throw new Error(`Expire access token now failed: ${text}`);
    }
  }

  /** Empties the HTTP activity log and its counters. */
  async clear() {
    await this.page.getByRole('button', { name: 'Clear', exact: true }).click();
    await this.page.waitForFunction(
      () => document.querySelector('[data-testid="counter-requests"]')?.textContent?.trim() === '0',
      undefined,
      { timeout: ACTION_TIMEOUT_MS },
    );
  }

  /**
   * Fires the parallel requests (the count set with `setRequestCount`) and reads the result line.
   * @returns {Promise<Burst>}
   */
  async fire() {
    const result = this.page.getByTestId('burst-result');
    const text = await clickAndAwaitText(this.#fireButton(), result, BURST_RESULT);
    return parseBurst(text);
  }

  /** @returns {Promise<Counters>} */
  async counters() {
    const read = (/** @type {string} */ id) =>
      this.page
        .getByTestId(id)
        .textContent()
        .then((text) => Number(text?.trim()));
    return {
      requests: await read('counter-requests'),
      unauthorized: await read('counter-401'),
      refreshes: await read('counter-refresh'),
      retries: await read('counter-retries'),
    };
  }

  #fireButton() {
    return this.page.getByRole('button', { name: 'Fire parallel requests' });
  }
}

/**
 * @param {string} text
 * @returns {Burst}
 */
export function parseBurst(text) {
  const match = BURST_RESULT.exec(text);
  if (!match) throw new Error(`Unexpected burst result: "${text}"`);
  const [total, succeeded, failed, ms] = match.slice(1).map(Number);
  return { total, succeeded, failed, ms, text };
}

/**
 * Clicks `button` inside the page and resolves with the text of `target` as soon as a change to
 * it matches `pattern`. Watching for a change (not just a match) keeps an earlier outcome with
 * the same text from counting.
 * @param {import('playwright').Locator} button
 * @param {import('playwright').Locator} target
 * @param {RegExp} pattern
 * @returns {Promise<string>}
 */
async function clickAndAwaitText(button, target, pattern) {
  const buttonHandle = await button.elementHandle({ timeout: ACTION_TIMEOUT_MS });
  const targetHandle = await target.elementHandle({ timeout: ACTION_TIMEOUT_MS });
  try {
    return await target.page().evaluate(
      ([clickable, watched, source, timeoutMs]) =>
        new Promise((resolve, reject) => {
          const expected = new RegExp(source);
          const observer = new MutationObserver(() => {
            const text = watched.textContent?.trim() ?? '';
            if (!expected.test(text)) return;
            observer.disconnect();
            clearTimeout(timer);
            resolve(text);
          });
          const timer = setTimeout(() => {
            observer.disconnect();
            reject(new Error(`No /${source}/ after ${timeoutMs} ms: "${watched.textContent}"`));
          }, timeoutMs);
          observer.observe(watched, { childList: true, characterData: true, subtree: true });
          /** @type {HTMLElement} */ (clickable).click();
        }),
      /** @type {const} */ ([buttonHandle, targetHandle, pattern.source, ACTION_TIMEOUT_MS]),
    );
  } finally {
    await buttonHandle?.dispose();
    await targetHandle?.dispose();
  }
}
