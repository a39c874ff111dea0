import { TestBed } from '@angular/core/testing';

import { AdminUserRow, API_PATHS } from '../api-contract';
import { AuthTesting, configureAuthTesting, signInWith } from '../auth/testing/auth-testing';
import { TEST_ADMIN, TEST_USER, fakeTokenResponse } from '../auth/testing/fake-tokens';
import { byText, query, settled, textOf } from '../layout/testing/dom';
import AdminPage from './admin-page';

const ROWS: AdminUserRow[] = [
  { ...TEST_USER, activeSessions: 0 },
  { ...TEST_ADMIN, activeSessions: 2, lastLoginAt: '2025-01-02T10:00:00Z' },
];

describe('AdminPage', () => {
  let t: AuthTesting;

  beforeEach(async () => {
    t = configureAuthTesting();
    await signInWith(t, fakeTokenResponse({ user: TEST_ADMIN }));
  });

  afterEach(() => t.httpMock.verify());

  async function render() {
    const fixture = TestBed.createComponent(AdminPage);
    await fixture.whenStable();
    return { fixture, page: fixture.nativeElement as HTMLElement };
  }

  it('lists every user with roles and active sessions', async () => {
    const { fixture, page } = await render();
    expect(textOf(query(page, '[role="status"]'))).toBe('Loading users…');

    t.httpMock.expectOne(API_PATHS.adminUsers).flush(ROWS);
    await settled(fixture);

    expect(textOf(query(page, 'caption'))).toBe('Users and their active sessions (2 users)');
    const headers = Array.from(page.querySelectorAll('thead th')).map((th) => textOf(th));
    expect(headers).toEqual([
      'Username',
      'Display name',
      'Roles',
      'Active sessions',
      'Created',
      'Last sign-in',
    ]);
    const cells = (row: Element) => Array.from(row.children).map((cell) => textOf(cell));
    const [demo, admin] = Array.from(page.querySelectorAll('tbody tr'));
    expect(cells(demo).slice(0, 4)).toEqual(['demo', 'Demo User', 'user', '0']);
    expect(cells(demo)[5]).toBe('never');
    expect(cells(admin).slice(0, 4)).toEqual(['admin', 'Admin User', 'user, admin', '2']);
  });

  it('shows a failed load with a way to try again, keeping nothing stale', async () => {
    const { fixture, page } = await render();

    t.httpMock
      .expectOne(API_PATHS.adminUsers)
      .flush(null, { status: 500, statusText: 'Server Error' });
    await settled(fixture);
    expect(textOf(query(page, '[role="alert"]'))).toContain('Could not load the users');
    expect(page.querySelector('table')).toBeNull();

    byText(page, 'button', 'Try again').click();
    t.httpMock.expectOne(API_PATHS.adminUsers).flush(ROWS);
    await settled(fixture);
    expect(page.querySelectorAll('tbody tr').length).toBe(2);
    expect(page.querySelector('[role="alert"]')).toBeNull();
  });

  it('reloads on request', async () => {
    const { fixture, page } = await render();
    t.httpMock.expectOne(API_PATHS.adminUsers).flush(ROWS.slice(0, 1));
    await settled(fixture);

    byText(page, 'button', 'Reload users').click();
    t.httpMock.expectOne(API_PATHS.adminUsers).flush(ROWS);
    await settled(fixture);

    expect(textOf(query(page, 'caption'))).toContain('(2 users)');
  });
});
