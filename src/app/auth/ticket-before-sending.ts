import { Observable, defer, of } from 'rxjs';

import { AuthSettings } from './auth-settings';
import { AuthStore } from './auth-store';
import { RequestTrace } from './auth-trace';
import { Ticket, currentTicket, orStillValidToken, ticketFromRefresh } from './request-ticket';

/**
 * Step 2 of `authInterceptor`: the token to send with, after any refresh that has to come first:
 * one already running is waited for; in proactive mode, a token that expires within the leeway is
 * refreshed first. When that refresh fails for a while and the current token is still valid, the
 * request goes out with it (`orStillValidToken`), only while the session it started in (`epoch`)
 * lasts.
 */
export function ticketBeforeSending(
  store: AuthStore,
  settings: AuthSettings,
  trace: RequestTrace,
  epoch: number,
): Observable<Ticket> {
  return defer(() => {
    const mustWait = store.refreshInProgress();
    const refreshFirst =
      !mustWait &&
      settings.proactiveRefresh() &&
      store.accessTokenExpiresWithin(settings.leewaySeconds());
    if (!mustWait && !refreshFirst) return of(currentTicket(store));
    return ticketFromRefresh(store, trace, { proactive: refreshFirst }).pipe(
      orStillValidToken(store, epoch),
    );
  });
}
