/**
 * Test-only: waiting in unit specs for something asynchronous that has no promise to await (a
 * request that is sent once a Web Lock and the storage fence let it through, a form that reports
 * back after the server's write). One place sets how long such a wait may take.
 */

/**
 * Long enough for a 2-core machine running three Karma runs at once beside `stress` (see
 * `npm run test:stress`); a condition that already holds returns at once.
 */
export const UNIT_WAIT_BUDGET_MS = 10_000;

/**
 * Resolves once `condition()` returns (or resolves to) true, checking after every macrotask turn; rejects with an
 * error naming `what` once `budgetMs` have passed without it. Not usable under `jasmine.clock()`.
 */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  budgetMs = UNIT_WAIT_BUDGET_MS,
): Promise<void> {
  const deadline = performance.now() + budgetMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`Waited ${budgetMs} ms for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
