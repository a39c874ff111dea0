import { expect, type Locator, type Page } from '@playwright/test';

export type TokenKind = 'Access token' | 'Refresh token';
export type Counter = 'requests' | '401' | 'refresh' | 'retries';
export type RefreshFailure =
  'none' | 'server error' | 'network error' | 'hangs (never answers)' | 'invalid grant';

/**
 * Page object for the Auth devtools panel (`<aside aria-label="Auth devtools">`): token
 * inspector, HTTP activity timeline with its counters, and the demo controls. Everything is found
 * by role, label or the documented test ids.
 */
export class DevtoolsPanel {
  readonly root: Locator;
  readonly toggle: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByRole('complementary', { name: 'Auth devtools' });
    this.toggle = this.root.getByRole('button', { name: 'Auth devtools' });
  }

  /** Opens the panel if it is collapsed. */
  async open(): Promise<void> {
    await expect(this.toggle).toBeVisible();
    if ((await this.toggle.getAttribute('aria-expanded')) !== 'true') await this.toggle.click();
    await expect(this.toggle).toHaveAttribute('aria-expanded', 'true');
  }

  section(name: 'Token inspector' | 'HTTP activity' | 'Demo controls'): Locator {
    return this.root.getByRole('region', { name, exact: true });
  }

  token(kind: TokenKind): Locator {
    return this.section('Token inspector').getByRole('region', { name: kind, exact: true });
  }

  tokenState(kind: TokenKind): Locator {
    return this.token(kind).getByTestId('token-state');
  }

  /** Waits (a condition, not a sleep) until the inspector reads "expired" for `kind`. */
  async waitUntilExpired(kind: TokenKind): Promise<void> {
    await expect(this.tokenState(kind)).toHaveText('expired');
  }

  counter(name: Counter): Locator {
    return this.root.getByTestId(`counter-${name}`);
  }

  async count(name: Counter): Promise<number> {
    return Number(await this.counter(name).textContent());
  }

  /** Timeline rows, newest first. */
  rows(): Locator {
    return this.root.getByTestId('activity-row');
  }

  row(text: string | RegExp): Locator {
    return this.rows().filter({ hasText: text });
  }

  /** The rows' texts, newest first, whitespace collapsed. */
  async rowTexts(): Promise<string[]> {
    const texts = await this.rows().allTextContents();
    return texts.map((text) => text.replace(/\s+/g, ' ').trim());
  }

  async clearActivity(): Promise<void> {
    await this.section('HTTP activity').getByRole('button', { name: 'Clear' }).click();
    await expect(this.counter('requests')).toHaveText('0');
  }

  async refreshNow(): Promise<void> {
    await this.root.getByRole('button', { name: 'Refresh now' }).click();
    await expect(this.section('Token inspector').getByRole('status')).toContainText(
      'New token pair',
    );
  }

  /** Fills the given server settings and applies them. */
  async setServerSettings(values: {
    accessLifetime?: number;
    refreshLifetime?: number;
    latency?: number;
    clockOffset?: number;
  }): Promise<void> {
    const controls = this.section('Demo controls');
    const fields: [string, number | undefined][] = [
      ['Access token lifetime (s)', values.accessLifetime],
      ['Refresh token lifetime (s)', values.refreshLifetime],
      ['Latency (ms)', values.latency],
      ['Server clock offset (s)', values.clockOffset],
    ];
    for (const [label, value] of fields) {
      if (value !== undefined) await controls.getByLabel(label).fill(String(value));
    }
    await controls.getByRole('button', { name: 'Apply settings' }).click();
    await expect(controls.getByText('Applied.')).toBeVisible();
  }

  async setRefreshBeforeExpiry(on: boolean): Promise<void> {
    await this.section('Demo controls').getByLabel('Refresh before expiry').setChecked(on);
  }

  /** The server's **Check the session on every request** switch. */
  sessionCheck(): Locator {
    return this.section('Demo controls').getByLabel('Check the session on every request');
  }

  /** Turns the session check on or off and waits until the server's setting shows it. */
  async setSessionCheck(on: boolean): Promise<void> {
    await this.sessionCheck().setChecked(on);
    await expect(this.sessionCheck()).toBeChecked({ checked: on });
    const hint = on ? /^On: every protected request/ : /^Off: access tokens are checked/;
    await expect(this.section('Demo controls').getByText(hint)).toBeVisible();
  }

  async failNextRefresh(failure: RefreshFailure): Promise<void> {
    const select = this.section('Demo controls').getByLabel('Next refresh fails with');
    await select.selectOption({ label: failure });
    await expect(select.locator('option:checked')).toHaveText(failure);
  }

  /** Clicks one of the session buttons and waits for its status line. */
  async sessionAction(
    name:
      | 'Expire access token now'
      | 'Revoke session'
      | 'Replay previous refresh token'
      | 'Reset demo server',
    outcome: string | RegExp,
  ): Promise<void> {
    const controls = this.section('Demo controls');
    await controls.getByRole('button', { name }).click();
    await expect(controls.getByRole('status').filter({ hasText: outcome })).toBeVisible();
  }

  async expireAccessTokenNow(): Promise<void> {
    await this.sessionAction('Expire access token now', 'refuses the current access token');
  }

  /** Fires `count` protected GETs at once; resolves with the result line. */
  async fireParallelRequests(count: number): Promise<string> {
    const controls = this.section('Demo controls');
    await controls.getByLabel('Number of requests').fill(String(count));
    await controls.getByRole('button', { name: 'Fire parallel requests' }).click();
    const result = controls.getByTestId('burst-result');
    await expect(result).toHaveText(/^\d+ requests?: \d+ succeeded, \d+ failed in \d+ ms/);
    return (await result.textContent()) ?? '';
  }
}
