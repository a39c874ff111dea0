import { TestBed } from '@angular/core/testing';

import { API_PATHS } from '../api-contract';
import { AuthTesting, configureAuthTesting, signInWith } from '../auth/testing/auth-testing';
import { byText, query, settled, textOf } from '../layout/testing/dom';
import { AdminApiProbe } from './admin-api-probe';

describe('AdminApiProbe', () => {
  let t: AuthTesting;

  beforeEach(async () => {
    t = configureAuthTesting();
    await signInWith(t);
  });

  afterEach(() => t.httpMock.verify());

  async function callAdminApi() {
    const fixture = TestBed.createComponent(AdminApiProbe);
    await fixture.whenStable();
    const probe = fixture.nativeElement as HTMLElement;
    const button = byText(probe, 'button', 'Call the admin API') as HTMLButtonElement;
    button.click();
    await fixture.whenStable();
    expect(button.disabled).toBeTrue();
    const request = t.httpMock.expectOne(API_PATHS.adminUsers);
    expect(request.request.headers.get('Authorization')).toMatch(/^Bearer /);
    return { fixture, probe, request, button };
  }

  it('shows a 403 as a permission message and stays signed in', async () => {
    const { fixture, probe, request, button } = await callAdminApi();

    request.flush(
      { error: 'insufficient_scope', message: 'This endpoint needs the "admin" role.' },
      { status: 403, statusText: 'Forbidden' },
    );
    await settled(fixture);

    const status = textOf(query(probe, '[role="status"]'));
    expect(status).toContain('403 Forbidden.');
    expect(status).toContain('This endpoint needs the "admin" role.');
    expect(status).toContain('You are still signed in');
    expect(button.disabled).toBeFalse();
    expect(t.store.isSignedIn()).toBeTrue();
    expect(t.events.map((event) => event.type)).toEqual(['signedIn']);
  });

  it('says how many users an admin got back', async () => {
    const { fixture, probe, request } = await callAdminApi();

    request.flush([{}, {}, {}]);
    await settled(fixture);

    expect(textOf(query(probe, '[role="status"]'))).toBe(
      '200 OK. You have the admin role: the server listed 3 users.',
    );
  });

  it('shows any other failure as such', async () => {
    const { fixture, probe, request } = await callAdminApi();

    request.error(new ProgressEvent('error'));
    await settled(fixture);

    expect(textOf(query(probe, '[role="status"]'))).toContain('The call failed.');
  });
});
