import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { API_PATHS } from '../../api-contract';
import { AuthStore } from '../../auth/auth-store';
import { provideJwtDecoder } from '../../auth/provide-auth';
import { clearAuthStorage } from '../../auth/testing/auth-testing';
import {
  bearer,
  clearServerStorage,
  refusal,
  setUpMockApi,
} from '../../mock-api/testing/mock-api-harness';
import { ACTION_MESSAGES, SessionActions } from './session-actions';

/** The buttons against the real in-browser server, with a session signed in through AuthStore. */
describe('SessionActions', () => {
  afterEach(() => {
    clearServerStorage();
    clearAuthStorage();
  });

  async function render() {
    clearAuthStorage();
    const harness = await setUpMockApi({ providers: [provideJwtDecoder()] });
    const store = TestBed.inject(AuthStore);
    await store.signIn('demo', 'demo1234');
    const fixture = TestBed.createComponent(SessionActions);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const button = (name: string) =>
      Array.from(host.querySelectorAll('button')).find((b) => b.textContent?.trim() === name)!;
    /** Clicks and waits until the action has written its status line. */
    const click = async (name: string) => {
      await fixture.whenStable();
      expect(button(name).disabled).withContext(`${name} is enabled`).toBeFalse();
      button(name).click();
      for (let turn = 0; turn < 50 && !status(); turn++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await fixture.whenStable();
    };
    const status = () => host.querySelector('[role=status]')?.textContent?.trim() ?? '';
    return { ...harness, store, button, click, status };
  }

  it('"Expire access token now" makes the server refuse the current access token', async () => {
    const { http, store, click, status } = await render();
    const token = store.accessToken()!;
    await expectAsync(firstValueFrom(http.get(API_PATHS.todos, bearer(token)))).toBeResolved();

    await click('Expire access token now');

    expect(status()).toBe(ACTION_MESSAGES.expired);
    const error = await refusal(http.get(API_PATHS.todos, bearer(token)));
    expect(error.status).toBe(401);
    expect(store.isSignedIn()).toBeTrue();
  });

  it('"Revoke session" stops the access token and makes the next refresh end the session', async () => {
    const { http, store, click, status } = await render();

    const token = store.accessToken()!;
    await click('Revoke session');
    expect(status()).toBe(ACTION_MESSAGES.revoked);
    expect((await refusal(http.get(API_PATHS.todos, bearer(token)))).status)
      .withContext('the session check refuses the revoked session’s access token')
      .toBe(401);

    await expectAsync(store.refresh()).toBeRejected();
    expect(store.isSignedIn()).toBeFalse();
    expect(store.sessionNotice()?.message).toContain('revoked');
  });

  it('"Revoke session" says the access token works until it expires when the session check is off', async () => {
    const { http, store, controls, click, status } = await render();
    await controls.setCheckSessionOnRequests(false);

    await click('Revoke session');

    expect(status()).toBe(ACTION_MESSAGES.revokedStateless);
    await expectAsync(
      firstValueFrom(http.get(API_PATHS.todos, bearer(store.accessToken()!))),
    ).toBeResolved();
  });

  it('"Replay previous refresh token" is disabled until a refresh, then ends the session', async () => {
    const { store, button, click, status } = await render();
    expect(button('Replay previous refresh token').disabled).toBeTrue();

    await store.refresh();
    expect(store.previousRefreshToken()).not.toBeNull();
    await click('Replay previous refresh token');

    expect(status()).toContain('The server refused the replayed token');
    expect(store.isSignedIn()).toBeFalse();
    expect(store.sessionNotice()?.message).toContain('reuse');
  });

  it('"Reset demo server" signs out and restores the server’s defaults', async () => {
    const { store, controls, click, status } = await render();
    await controls.setAccessTokenLifetime(5);

    await click('Reset demo server');

    expect(status()).toBe(ACTION_MESSAGES.reset);
    expect(store.isSignedIn()).toBeFalse();
    expect(controls.settings().accessTokenLifetime).toBe(30);
  });
});
