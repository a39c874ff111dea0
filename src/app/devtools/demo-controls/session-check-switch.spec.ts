import { TestBed } from '@angular/core/testing';

import { SETTINGS_KEY } from '../../mock-api/server-db';
import { clearServerStorage, setUpMockApi } from '../../mock-api/testing/mock-api-harness';
import { DEFAULT_SERVER_SETTINGS } from '../../mock-api/server-settings';
import { until } from '../../testing/until';
import { SESSION_CHECK_HINTS, SessionCheckSwitch } from './session-check-switch';

describe('SessionCheckSwitch', () => {
  afterEach(() => clearServerStorage());

  async function render() {
    const harness = await setUpMockApi();
    const fixture = TestBed.createComponent(SessionCheckSwitch);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const label = host.querySelector('label')!;
    const input = host.querySelector<HTMLInputElement>(`#${label.htmlFor}`)!;
    const hint = () =>
      host.querySelector(`#${input.getAttribute('aria-describedby')}`)?.textContent?.trim();
    return { ...harness, fixture, host, label, input, hint };
  }

  it('is a labelled switch, on by default, with the hint of its position', async () => {
    const { label, input, hint } = await render();

    expect(label.textContent?.trim()).toBe('Check the session on every request');
    expect(input.getAttribute('role')).toBe('switch');
    expect(input.checked).toBeTrue();
    expect(hint()).toBe(SESSION_CHECK_HINTS.on);
  });

  it('turns the server setting off and on again', async () => {
    const { fixture, input, hint, controls } = await render();

    input.click();
    await until(() => !controls.settings().checkSessionOnRequests, 'the setting to turn off');
    await fixture.whenStable();
    expect(input.checked).toBeFalse();
    expect(hint()).toBe(SESSION_CHECK_HINTS.off);

    input.click();
    await until(() => controls.settings().checkSessionOnRequests, 'the setting to turn on');
    await fixture.whenStable();
    expect(hint()).toBe(SESSION_CHECK_HINTS.on);
  });

  it('follows a change made in another tab', async () => {
    const { fixture, input } = await render();
    const fromOtherTab = { ...DEFAULT_SERVER_SETTINGS, checkSessionOnRequests: false };
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(fromOtherTab));
    window.dispatchEvent(new StorageEvent('storage', { key: SETTINGS_KEY }));
    await fixture.whenStable();

    expect(input.checked).toBeFalse();
  });

  it('explains both costs in its "What is happening here?" note', async () => {
    const { host } = await render();
    const note = host.querySelector('details')!;

    expect(note.querySelector('summary')?.textContent).toContain('What is happening here?');
    expect(note.textContent).toContain('keeps working until it expires');
    expect(note.textContent).toContain('one session lookup');
  });
});
