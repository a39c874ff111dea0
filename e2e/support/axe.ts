import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** One axe rule the page breaks, and the elements that break it. */
export interface AxeFinding {
  readonly rule: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: readonly string[];
}

/** Every impact axe reports, from the least to the most severe. */
export const ALL_IMPACTS = ['minor', 'moderate', 'serious', 'critical'] as const;

/**
 * Runs axe on the page as it is at rest and returns every violation of the given impacts
 * (serious and critical unless told otherwise).
 *
 * "At rest" matters: a Bootstrap button fades between its states in 0.15 s, and axe measures
 * colour contrast from the computed colours of that moment. Half-way from blue-on-white to
 * white-on-blue, the text has no contrast at all, so a check that lands inside a transition
 * (after a click re-enables a button, say) fails at random. Every finite CSS transition and
 * animation is therefore awaited first; endless ones (a spinner) are not, as they never end.
 */
export async function axeViolations(
  page: Page,
  impacts: readonly string[] = ['serious', 'critical'],
): Promise<AxeFinding[]> {
  await finishAnimations(page);
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => impacts.includes(violation.impact ?? ''))
    .map(({ id, impact, help, nodes }) => ({
      rule: id,
      impact: impact ?? '',
      help,
      targets: nodes.map((node) => node.target.join(' ')),
    }));
}

/** Resolves once every running CSS transition and animation that can end has ended. */
export async function finishAnimations(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        // A transition that another one interrupts is cancelled: its `finished` rejects.
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}
