import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { provideJwtDecoder } from '../../auth/provide-auth';
import { TAB_ID_KEY, TAB_LOCK_PREFIX, TabIdentity } from '../../auth/tab-identity';
import { clearAuthStorage } from '../../auth/testing/auth-testing';
import { FakeWebLocks } from '../../auth/testing/fake-web-locks';
import { WEB_LOCKS } from '../../auth/web-locks';
import { TabInfo } from './tab-info';

describe('TabInfo', () => {
  async function render(locks: FakeWebLocks | null) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideJwtDecoder(),
        { provide: WEB_LOCKS, useValue: locks },
      ],
    });
    const tab = TestBed.inject(TabIdentity);
    await tab.claim(20);
    const fixture = TestBed.createComponent(TabInfo);
    await fixture.whenStable();
    return { tab, host: fixture.nativeElement as HTMLElement };
  }

  beforeEach(() => clearAuthStorage());
  afterAll(() => clearAuthStorage());

  it('shows this tab’s id and no warning where Web Locks exist', async () => {
    const { tab, host } = await render(new FakeWebLocks());
    expect(host.querySelector('[data-testid=tab-id]')?.textContent).toBe(tab.id());
    expect(host.querySelector('[data-testid=no-web-locks]')).toBeNull();
  });

  it('names the tab a duplicated tab was copied from', async () => {
    const locks = new FakeWebLocks();
    locks.holdAsOtherTab(TAB_LOCK_PREFIX + 'aaaaaaaa');
    sessionStorage.setItem(TAB_ID_KEY, 'aaaaaaaa');
    const { host } = await render(locks);
    expect(host.textContent).toContain('a duplicate of tab aaaaaaaa');
  });

  it('says that tabs cannot take turns when the browser has no Web Locks', async () => {
    const { host } = await render(null);
    expect(host.querySelector('[data-testid=no-web-locks]')?.textContent).toContain('no Web Locks');
  });
});
