import { TestBed } from '@angular/core/testing';
import { JwtHelperService } from '@auth0/angular-jwt';

import { provideJwtDecoder } from '../../auth/provide-auth';
import { fakeJwt, rawJwt } from '../../auth/testing/fake-tokens';
import {
  decodeToken,
  expiringWindowMs,
  formatSeconds,
  tokenCountdown,
  tokenState,
} from './token-state';

const NOW = 1_800_000_000_000;
const timing = (issuedSecondsAgo: number, expiresInSeconds: number) => ({
  issuedAt: NOW - issuedSecondsAgo * 1000,
  expiresAt: NOW + expiresInSeconds * 1000,
});

describe('token state', () => {
  it('is "none" without a token', () => {
    expect(tokenState(null, NOW, 5000)).toBe('none');
  });

  it('is "valid" outside the expiring window and "expiring" inside it', () => {
    expect(tokenState(timing(10, 20), NOW, 5000)).toBe('valid');
    expect(tokenState(timing(10, 5), NOW, 5000)).toBe('expiring');
    expect(tokenState(timing(10, 0.001), NOW, 5000)).toBe('expiring');
  });

  it('is "expired" from the expiry instant on', () => {
    expect(tokenState(timing(30, 0), NOW, 5000)).toBe('expired');
    expect(tokenState(timing(30, -3), NOW, 0)).toBe('expired');
  });

  it('counts down in words with the share of the lifetime left', () => {
    expect(tokenCountdown(timing(18, 12), NOW, 5000)).toEqual({
      state: 'valid',
      secondsLeft: 12,
      lifetimeSeconds: 30,
      percentLeft: 40,
      text: 'expires in 12 s',
    });
    expect(tokenCountdown(timing(33, -3), NOW, 5000)).toEqual(
      jasmine.objectContaining({ state: 'expired', secondsLeft: 0, percentLeft: 0 }),
    );
    expect(tokenCountdown(timing(33, -3), NOW, 5000).text).toBe('expired 3 s ago');
    expect(tokenCountdown(null, NOW, 5000).text).toBe('no token');
  });

  it('rounds a part-second left up, so "expires in 0 s" never shows for a live token', () => {
    expect(tokenCountdown(timing(5, 0.2), NOW, 0).text).toBe('expires in 1 s');
  });

  it('formats longer spans in minutes, hours and days', () => {
    expect(formatSeconds(59)).toBe('59 s');
    expect(formatSeconds(299)).toBe('4 min 59 s');
    expect(formatSeconds(300)).toBe('5 min');
    expect(formatSeconds(7500)).toBe('2 h 5 min');
    expect(formatSeconds(604_799)).toBe('6 d 23 h');
  });

  it('reads "expiring" inside the leeway for access tokens and in the last fifth for refresh tokens', () => {
    expect(expiringWindowMs('access', timing(0, 30), 5)).toBe(5000);
    expect(expiringWindowMs('refresh', timing(0, 300), 5)).toBe(60_000);
    expect(expiringWindowMs('refresh', null, 5)).toBe(0);
  });

  describe('decodeToken', () => {
    let jwt: JwtHelperService;
    beforeEach(() => {
      TestBed.configureTestingModule({ providers: [provideJwtDecoder()] });
      jwt = TestBed.inject(JwtHelperService);
    });

    it('decodes header, payload and the issue and expiry times', () => {
      const token = fakeJwt('access', 30);
      const decoded = decodeToken(jwt, token);
      expect(decoded.header).toEqual({ alg: 'ES256', typ: 'JWT' });
      expect(decoded.payload?.['typ']).toBe('access');
      const { issuedAt, expiresAt } = decoded.timing!;
      expect(expiresAt - issuedAt).toBe(30_000);
    });

    it('never throws on garbage and has no timing without a numeric exp', () => {
      expect(decodeToken(jwt, 'not.a.jwt')).toEqual({ header: null, payload: null, timing: null });
      expect(decodeToken(jwt, null)).toEqual({ header: null, payload: null, timing: null });
      expect(decodeToken(jwt, rawJwt({ sub: 'x', exp: 'soon' })).timing).toBeNull();
    });
  });
});
