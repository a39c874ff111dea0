import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { AuthStore } from '../../auth/auth-store';
import { provideJwtDecoder } from '../../auth/provide-auth';
import { fakeJwt, TEST_USER } from '../../auth/testing/fake-tokens';
import { Clock } from './clock';
import { TokenCard } from './token-card';

describe('TokenCard', () => {
  /** `clockOffsetMs`: the server's clock minus this browser's, as the store measured it. */
  async function render(kind: 'access' | 'refresh', token: string | null, clockOffsetMs = 0) {
    const store: Pick<AuthStore, 'clockOffsetMs'> = { clockOffsetMs: signal(clockOffsetMs) };
    TestBed.configureTestingModule({
      providers: [provideJwtDecoder(), Clock, { provide: AuthStore, useValue: store }],
    });
    const fixture = TestBed.createComponent(TokenCard);
    fixture.componentRef.setInput('kind', kind);
    fixture.componentRef.setInput('token', token);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const text = (selector: string) => host.querySelector(selector)?.textContent?.trim();
    return { host, text };
  }

  it('shows a fresh access token as valid with its countdown and a labelled progress bar', async () => {
    const { host, text } = await render('access', fakeJwt('access', 30));
    expect(text('h4')).toBe('Access token');
    expect(text('[data-testid=token-state]')).toBe('valid');
    expect(text('[data-testid=token-countdown]')).toMatch(/^expires in (29|30) s$/);
    const bar = host.querySelector('[role=progressbar]')!;
    expect(bar.getAttribute('aria-label')).toBe('Access token lifetime left');
    expect(bar.getAttribute('aria-valuemax')).toBe('30');
    expect(host.querySelector('pre')?.textContent).toContain('"typ": "JWT"');
  });

  it('says "expired" in words for a token past its expiry', async () => {
    const { text } = await render('refresh', fakeJwt('refresh', -3));
    expect(text('[data-testid=token-state]')).toBe('expired');
    expect(text('[data-testid=token-countdown]')).toMatch(/^expired \d s ago$/);
  });

  it('counts down on the server’s clock when this browser’s is 10 min fast', async () => {
    const token = fakeJwt('access', 30, TEST_USER, {}, -600);
    const { text } = await render('access', token, -600_000);
    expect(text('[data-testid=token-state]')).toBe('valid');
    expect(text('[data-testid=token-countdown]')).toMatch(/^expires in (29|30) s$/);
  });

  it('says "none" when there is no token', async () => {
    const { text, host } = await render('access', null);
    expect(text('[data-testid=token-state]')).toBe('none');
    expect(host.querySelector('pre')).toBeNull();
  });
});
