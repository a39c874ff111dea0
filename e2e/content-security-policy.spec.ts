import { expect, takeExpectedErrors, test } from './support/fixtures';
import { SignInPage } from './support/sign-in';

/**
 * The production build runs under a strict Content-Security-Policy: Angular's `autoCsp`
 * (angular.json, production configuration) writes a `<meta>` policy into index.html that allows
 * only the scripts of the build, by hash, and what they load. Tokens live in browser storage, so
 * a script that gets injected into the page is the threat that matters; this is the defence.
 *
 * Every other spec also runs against the production build, so they show that the app works under
 * the policy (a blocked script or style would log a console error and fail them). The dev server
 * has no policy (it is written at build time), so playwright.config.ts leaves this file out there.
 */
test.describe('Content-Security-Policy', () => {
  test('the page allows only its own scripts, by hash, and no plugins or other base URLs', async ({
    page,
  }) => {
    await new SignInPage(page).open();

    const policies = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .evaluateAll((metas) => metas.map((meta) => meta.getAttribute('content') ?? ''));

    expect(policies).toHaveLength(1);
    const directives = parsePolicy(policies[0]);
    expect(directives.get('script-src')?.[0]).toBe("'strict-dynamic'");
    expect(directives.get('script-src')?.some((source) => source.startsWith("'sha256-"))).toBe(
      true,
    );
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
  });

  test('HTML injected into the page cannot run script: neither a handler nor a framed script', async ({
    page,
    pageErrors,
  }) => {
    await new SignInPage(page).open();

    // What a template that bypasses Angular's sanitizer (bypassSecurityTrustHtml) could let in.
    await page.evaluate(() =>
      document.body.insertAdjacentHTML(
        'beforeend',
        // A complete 1×1 GIF, so its load event fires and only its handler can be refused. Chromium
        // refuses a handler when its event fires, not when it is parsed, so the image carries the
        // handler for both outcomes: exactly one of them fires, whatever this browser makes of it.
        '<img alt="" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUQAOw==" ' +
          'onload="window.injected = \'event handler\'" ' +
          'onerror="window.injected = \'event handler\'">' +
          // A srcdoc frame inherits the page's policy: its script is refused too.
          '<iframe title="injected" srcdoc="<script>parent.injected = \'framed script\'</script>">' +
          '</iframe>',
      ),
    );

    // Chromium logs each refusal as a console error (the fixture collects them): exactly these
    // two are expected here, and nothing the injected code would have done has happened.
    const REFUSAL =
      /^console\.error: Executing inline (script|event handler) violates .*Content Security Policy/;
    await expect
      .poll(() =>
        pageErrors
          .filter((error) => REFUSAL.test(error))
          .map((error) => /inline (script|event handler)/.exec(error)?.[0])
          .sort(),
      )
      .toEqual(['inline event handler', 'inline script']);
    expect(await page.evaluate(() => (window as Window & { injected?: string }).injected)).toBe(
      undefined,
    );
    expect(takeExpectedErrors(pageErrors, REFUSAL)).toHaveLength(2);
  });
});

/** `script-src 'a' 'b'; object-src 'none'` → {script-src: ['a', 'b'], object-src: ['none']}. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}
