import { TestBed } from '@angular/core/testing';

import { AuthEvent, AuthEvents } from './auth-events';
import { TEST_USER } from './testing/fake-tokens';

describe('AuthEvents', () => {
  let bus: AuthEvents;

  beforeEach(() => {
    bus = TestBed.inject(AuthEvents);
  });

  it('delivers every event, in order, synchronously', () => {
    const seen: AuthEvent[] = [];
    bus.events$.subscribe((event) => seen.push(event));
    bus.emit({ type: 'signedIn', user: TEST_USER });
    bus.emit({ type: 'tokenRefreshed', refreshId: 1, proactive: false });
    bus.emit({ type: 'signedOut' });
    expect(seen.map((event) => event.type)).toEqual(['signedIn', 'tokenRefreshed', 'signedOut']);
  });

  it('on(type) delivers only that type', () => {
    const reasons: string[] = [];
    bus.on('sessionExpired').subscribe((event) => reasons.push(event.reason));
    bus.emit({ type: 'refreshFailed', refreshId: 3, transient: false });
    bus.emit({ type: 'sessionExpired', reason: 'the refresh token expired' });
    bus.emit({ type: 'signedOut' });
    expect(reasons).toEqual(['the refresh token expired']);
  });

  it('does not replay past events to late subscribers', () => {
    bus.emit({ type: 'signedOut' });
    const seen: AuthEvent[] = [];
    bus.events$.subscribe((event) => seen.push(event));
    expect(seen).toEqual([]);
  });
});
