import { TestBed } from '@angular/core/testing';

import { clearServerStorage, setUpMockApi } from '../../mock-api/testing/mock-api-harness';
import { until } from '../../testing/until';
import { APPLYING, ServerSettingsForm } from './server-settings-form';

describe('ServerSettingsForm', () => {
  afterEach(() => clearServerStorage());

  async function render() {
    const harness = await setUpMockApi();
    const fixture = TestBed.createComponent(ServerSettingsForm);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const input = (label: string) => {
      const id = Array.from(host.querySelectorAll('label')).find(
        (candidate) => candidate.textContent?.trim() === label,
      )?.htmlFor;
      return host.querySelector<HTMLInputElement>(`#${id}`)!;
    };
    const type = (label: string, text: string) => {
      input(label).value = text;
      input(label).dispatchEvent(new Event('input'));
    };
    const status = () => host.querySelector('[role=status]')?.textContent?.trim() ?? '';
    /** Submits and waits until the form says how it went (the server writes asynchronously). */
    const submit = async () => {
      host.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await until(async () => {
        await fixture.whenStable();
        return status() !== '' && status() !== APPLYING;
      }, 'the form to say how applying went');
    };
    return { ...harness, host, input, type, submit };
  }

  it('shows the server’s current values in labelled fields', async () => {
    const { input } = await render();
    expect(input('Access token lifetime (s)').value).toBe('30');
    expect(input('Refresh token lifetime (s)').value).toBe('300');
    expect(input('Latency (ms)').value).toBe('0');
    expect(input('Reuse grace (s)').value).toBe('0');
    expect(input('Server clock offset (s)').value).toBe('0');
  });

  it('sets the server clock offset, behind as well as ahead', async () => {
    const { type, submit, controls } = await render();
    type('Server clock offset (s)', '-600');
    await submit();
    expect(controls.settings().clockOffset).toBe(-600);
    type('Server clock offset (s)', '3601');
    await submit();
    expect(controls.settings().clockOffset).toBe(-600);
  });

  it('sets the reuse grace on the server', async () => {
    const { type, submit, controls } = await render();
    type('Reuse grace (s)', '10');
    await submit();
    expect(controls.settings().reuseGrace).toBe(10);
  });

  it('shows a refused value’s message at its field and sends nothing', async () => {
    const { host, input, type, submit, controls } = await render();
    type('Access token lifetime (s)', '4');
    type('Latency (ms)', '100');

    await submit();

    const field = input('Access token lifetime (s)');
    const message = 'Access-token lifetime must be a whole number of seconds from 5 to 3600.';
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = field.getAttribute('aria-describedby')!.split(' ');
    const texts = describedBy.map((id) => host.querySelector(`#${id}`)?.textContent?.trim());
    expect(texts).toContain(message);
    expect(input('Latency (ms)').getAttribute('aria-invalid')).toBeNull();
    expect(controls.settings().accessTokenLifetime).toBe(30);
    expect(controls.settings().latency).toBe(0);
  });

  it('applies valid values to the server and clears the message once the field is edited', async () => {
    const { input, type, submit, controls, host } = await render();
    type('Access token lifetime (s)', '2.5');
    await submit();
    expect(input('Access token lifetime (s)').getAttribute('aria-invalid')).toBe('true');

    type('Access token lifetime (s)', '5');
    type('Refresh token lifetime (s)', '10');
    await submit();

    expect(controls.settings().accessTokenLifetime).toBe(5);
    expect(controls.settings().refreshTokenLifetime).toBe(10);
    expect(input('Access token lifetime (s)').getAttribute('aria-invalid')).toBeNull();
    expect(host.querySelector('[role=status]')?.textContent).toContain('Applied.');
  });
});
