import { TestBed } from '@angular/core/testing';

import {
  clearServerStorage,
  setUpMockApi,
  signIn,
  storedState,
} from '../../mock-api/testing/mock-api-harness';
import { STATE_KEY } from '../../mock-api/server-db';
import { ServerRepairNotice } from './server-repair-notice';

describe('ServerRepairNotice', () => {
  afterEach(() => clearServerStorage());

  async function render() {
    const harness = await setUpMockApi();
    const fixture = TestBed.createComponent(ServerRepairNotice);
    await fixture.whenStable();
    return { ...harness, fixture, host: fixture.nativeElement as HTMLElement };
  }

  /** Stores a state whose second todo is broken, and makes the server read it. */
  async function repairABadTodo(http: Parameters<typeof signIn>[0]): Promise<void> {
    await signIn(http);
    const state = storedState()!;
    localStorage.setItem(
      STATE_KEY,
      JSON.stringify({
        ...state,
        todos: state.todos.map((t, i) => (i === 1 ? { ...t, done: 'yes' } : t)),
      }),
    );
    spyOn(console, 'warn');
    await signIn(http);
  }

  it('shows nothing while the stored state was never repaired', async () => {
    const { host } = await render();
    expect(host.querySelector('section')).toBeNull();
  });

  it('says what was dropped and where the copy is, in a live region', async () => {
    const { host, http, fixture, controls } = await render();
    await repairABadTodo(http);
    await fixture.whenStable();

    const notice = host.querySelector('[role=status] section')!;
    expect(notice.getAttribute('aria-labelledby')).toBe('devtools-repair-title');
    expect(notice.querySelector('li')?.textContent).toContain('Todos: dropped row 2 of 5');
    const codes = Array.from(notice.querySelectorAll('code'), (code) => code.textContent);
    expect(codes).toEqual([STATE_KEY, controls.repairs()[0].backupKey!]);
  });

  it('goes away when dismissed, and the copy stays', async () => {
    const { host, http, fixture, controls } = await render();
    await repairABadTodo(http);
    await fixture.whenStable();
    const backupKey = controls.repairs()[0].backupKey!;

    host.querySelector<HTMLButtonElement>('section button')!.click();
    await fixture.whenStable();

    expect(host.querySelector('section')).toBeNull();
    expect(localStorage.getItem(backupKey)).not.toBeNull();
  });
});
