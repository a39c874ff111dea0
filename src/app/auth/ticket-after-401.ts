import { Observable, defer, of } from 'rxjs';

import { AuthStore } from './auth-store';
import { RequestTrace } from './auth-trace';
import { Ticket, currentTicket, ticketFromRefresh } from './request-ticket';

/**
 * Step 3 of `authInterceptor`: the token for the one retry after a 401. A token renewed since the
 * request was sent (here or in another tab) is reused while it has not expired; an expired one
 * would only earn a second 401 and end the session, so then a refresh is joined or started like
 * for any 401. `trace` hears at once which refresh the 401 led to (before it ends, even if it fails).
 */
export function ticketAfter401(
  store: AuthStore,
  sentToken: string,
  trace: RequestTrace,
): Observable<Ticket> {
  return defer(() => {
    const current = store.accessToken();
    const renewed = current !== null && current !== sentToken;
    if (renewed && !store.refreshInProgress() && !store.accessTokenExpiresWithin(0)) {
      return of(currentTicket(store));
    }
    return ticketFromRefresh(store, trace);
  });
}
