import type { Locator, Page } from '@playwright/test';

import { axeViolations } from './support/axe';
import { DevtoolsPanel } from './support/devtools-panel';
import { expect, test } from './support/fixtures';
import { DEMO_USER, SignInPage } from './support/sign-in';
import { startSignedIn } from './support/signed-in';

/**
 * The Flow view of the HTTP activity (issue 16): the latest run drawn as a sequence diagram, read
 * here the way assistive technology reads it, by role and label: the arrows are the options of
 * a listbox, each named with its step; the bars are images named with theirs.
 */

/** Signed in, the token refused by the server (the client cannot tell), the timeline empty. */
async function startWithRefusedToken(page: Page): Promise<DevtoolsPanel> {
  await startSignedIn(page, { client: { proactiveRefresh: false } });
  await expect(
    page.getByRole('list', { name: 'Your todos' }).getByRole('listitem'),
  ).not.toHaveCount(0);
  const devtools = new DevtoolsPanel(page);
  await devtools.open();
  await devtools.expireAccessTokenNow();
  await devtools.clearActivity();
  return devtools;
}

async function showFlow(devtools: DevtoolsPanel): Promise<Locator> {
  const activity = devtools.section('HTTP activity');
  await activity.locator('label', { hasText: /^Flow$/ }).click();
  await expect(activity.getByRole('radio', { name: 'Flow' })).toBeChecked();
  return activity;
}

function steps(scope: Locator): Locator {
  return scope.getByRole('listbox', { name: 'Steps, oldest first' }).getByRole('option');
}

/** The step numbers named in the options matching `pattern` (its first group). */
async function numbersIn(options: Locator, pattern: RegExp): Promise<number[]> {
  const names = await options.evaluateAll((elements) =>
    elements.map((element) => element.getAttribute('aria-label') ?? ''),
  );
  return names.flatMap((name) => {
    const match = pattern.exec(name);
    return match ? [Number(match[1])] : [];
  });
}

test.describe('Flow diagram', () => {
  test('a 10-request storm: ten 401s, one refresh bar, ten retries each linked to its 401', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const devtools = await startWithRefusedToken(page);
    const flow = await showFlow(devtools);

    expect(await devtools.fireParallelRequests(10)).toMatch(/^10 requests: 10 succeeded, 0 failed/);

    const options = steps(flow);
    await expect(
      options.and(page.locator('[aria-label*="401 unauthorized, retried in step"]')),
    ).toHaveCount(10);
    await expect(
      options.and(
        page.locator('[aria-label*="GET /api/todos again (retry), retry of the 401 in step"]'),
      ),
    ).toHaveCount(10);
    await expect(
      flow.getByRole('img', { name: /^Refresh #\d+ bar, steps \d+ to \d+: new pair$/ }),
    ).toHaveCount(1);
    await expect(flow.getByRole('img', { name: /^Refresh #/ })).toHaveCount(1);
    // Each retry names a different 401, and that 401 names it back.
    const causes = await numbersIn(options, /retry of the 401 in step (\d+)/);
    expect(new Set(causes).size).toBe(10);
    const retries = await numbersIn(options, /retried in step (\d+)/);
    const retrySteps = await numbersIn(options, /^(\d+)\. .*retry of the 401/);
    expect([...retries].sort()).toEqual([...retrySteps].sort());

    // Selecting an arrow shows its details and the code that handled it: by click, by keyboard.
    await options.and(page.locator('[aria-label*="401 unauthorized, retried"]')).first().click();
    const code = flow.getByTestId('flow-code');
    await expect(code).toHaveText('src/app/mock-api/require-auth.ts, authenticate()');
    await flow.getByRole('listbox', { name: 'Steps, oldest first' }).focus();
    await page.keyboard.press('Home');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await expect(code).toHaveText('src/app/auth/auth-interceptor.ts, authInterceptor');

    await flow.getByRole('button', { name: 'Copy as Mermaid' }).click();
    await expect(flow.getByRole('status')).toHaveText(
      /^Copied \d+ steps as a Mermaid sequenceDiagram\.$/,
    );
    const mermaid = await page.evaluate(() => navigator.clipboard.readText());
    expect(mermaid.startsWith('sequenceDiagram\n    autonumber\n')).toBe(true);
    expect(mermaid.match(/^ {4}S-->>I: 401 unauthorized$/gm)?.length).toBe(10);
  });

  test('a refused refresh fans out to the ten requests it failed and the sign-out', async ({
    page,
  }) => {
    const devtools = await startWithRefusedToken(page);
    const failNext = devtools.section('Demo controls').getByLabel('Next refresh fails with');
    await devtools.failNextRefresh('invalid grant');
    await expect(failNext).toHaveAccessibleDescription(/the session ends\./);
    const flow = await showFlow(devtools);

    expect(await devtools.fireParallelRequests(10)).toMatch(/^10 requests: 0 succeeded, 10 failed/);

    await expect(page).toHaveURL(/\/login\?returnUrl=%2Fdashboard$/);
    const options = steps(flow);
    await expect(
      options.and(
        page.locator('[aria-label*="Refresh (store and lock) to Page: fails GET /api/todos"]'),
      ),
    ).toHaveCount(10);
    await expect(
      options.and(page.locator('[aria-label$="Refresh (store and lock) to Page: signed out"]')),
    ).toHaveCount(1);
    await expect(
      flow.getByRole('img', { name: /^Refresh #\d+ bar, steps \d+ to \d+: refused$/ }),
    ).toHaveCount(1);
    await expect(options.and(page.locator('[aria-label*="(retry)"]'))).toHaveCount(0);
    // The text alternative lists the same steps.
    await flow.getByText('The steps as a list').click();
    await expect(
      flow.getByRole('list', { name: 'Steps of the latest run' }).getByRole('listitem'),
    ).toHaveCount(await options.count());
  });

  test('the Flow view and /flow pass axe; at 390 px the diagram scrolls sideways in its box', async ({
    page,
  }) => {
    const devtools = await startWithRefusedToken(page);
    const flow = await showFlow(devtools);
    await devtools.fireParallelRequests(3);
    await expect(steps(flow).first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await flow.getByRole('link', { name: 'Open the full-width flow' }).click();
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1, name: 'Flow' })).toBeVisible();
    await expect(steps(main).first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 390, height: 800 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, 'the page does not scroll sideways').toBeLessThanOrEqual(0);
    const box = main.locator('.flow-scroll');
    const [scrollWidth, clientWidth] = await box.evaluate((element) => [
      element.scrollWidth,
      element.clientWidth,
    ]);
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('/flow opens signed out, and a refused clipboard is explained', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) },
      });
    });
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.attempt(DEMO_USER.username, 'wrong-password');
    const devtools = new DevtoolsPanel(page);
    await devtools.open();
    const flow = await showFlow(devtools);
    await flow.getByRole('link', { name: 'Open the full-width flow' }).click();

    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1, name: 'Flow' })).toBeVisible();
    await expect(
      steps(main).and(
        page.locator('[aria-label*="Server to Refresh (store and lock): 401 unauthorized"]'),
      ),
    ).toHaveCount(1);
    await main.getByRole('button', { name: 'Copy as Mermaid' }).click();
    await expect(main.getByRole('status')).toHaveText(
      'The browser refused access to the clipboard. Select the Mermaid text below and copy it.',
    );
    await expect(main.getByLabel('Mermaid text')).toHaveValue(/^sequenceDiagram\n/);
    expect(await axeViolations(page)).toEqual([]);
  });
});
