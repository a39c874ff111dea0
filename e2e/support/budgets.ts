/**
 * How long the end-to-end tests wait, set in this one place (playwright.config.ts applies them).
 *
 * Sized for CI's machine at its busiest: 2 cores, 2 Playwright workers, each with a Chromium, and
 * `stress --cpu 1` beside them (`npm run test:stress`). Every wait is for a condition, so a
 * generous budget costs nothing when the condition comes early; it only decides how long a
 * broken test takes to say so.
 */
export const WAIT_BUDGETS = {
  /** One test, set-up included. */
  testMs: 90_000,
  /** One `expect(…)` that retries until its condition holds (a page, a URL, a text). */
  expectMs: 15_000,
  /** A web server Playwright starts (the production build is built first). */
  serverStartMs: 300_000,
} as const;
