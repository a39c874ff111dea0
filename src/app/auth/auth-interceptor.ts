import { HttpInterceptorFn } from '@angular/common/http';
import { DOCUMENT, inject } from '@angular/core';
import { catchError, switchMap, throwError } from 'rxjs';

import { isOwnApiUrl } from './api-url';
import { SESSION_END_REASONS, sessionChangedError } from './auth-errors';
import { AuthSettings } from './auth-settings';
import { AuthStore } from './auth-store';
import { AUTH_TRACE, SentWith } from './auth-trace';
import { AUTH_ENDPOINT } from './request-context';
import { Ticket, isUnauthorized } from './request-ticket';
import { ticketAfter401 } from './ticket-after-401';
import { ticketBeforeSending } from './ticket-before-sending';

/**
 * Attaches the access token to our own API's requests and keeps them working across expiry:
 *
 * 1. Auth endpoints, other origins and signed-out requests pass through untouched.
 * 2. Before sending: wait for a refresh that is already running, or refresh first when the token
 *    expires within the leeway (proactive mode, `AuthSettings`).
 * 3. On a 401: refresh (single-flight, shared with every other 401) and retry once. A 401 on the
 *    retry ends the session instead of refreshing again.
 * 4. Any other error (403 included) reaches the caller unchanged. A failed refresh reaches every
 *    waiting request as its error: nothing is left pending.
 *
 * A request belongs to the session it started in: a 401 that comes back after that session ended
 * is not retried with the next session's token, and cannot end the next session. Each step is
 * reported to `AUTH_TRACE`. It never navigates or shows UI: ending a session is `AuthStore`'s job.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const store = inject(AuthStore);
  const settings = inject(AuthSettings);
  const baseUri = inject(DOCUMENT).baseURI;

  // Step 1.
  const protectedRequest =
    !request.context.get(AUTH_ENDPOINT) && isOwnApiUrl(request.url, baseUri) && store.isSignedIn();
  if (!protectedRequest) return next(request);

  const session = store.sessionEpoch();
  const sameSession = () => store.sessionEpoch() === session;
  const trace = inject(AUTH_TRACE).request(request, session);
  const send = ({ token, refresh }: Ticket, attempt: SentWith['attempt']) => {
    const sent = request.clone({ setHeaders: { Authorization: `Bearer ${token}` } });
    trace.sending(sent, { attempt, refresh });
    return next(sent);
  };

  // Step 3: refresh and retry once; a 401 on the retry ends the session.
  const retryOnce = (sentToken: string) =>
    ticketAfter401(store, sentToken, trace).pipe(
      switchMap((ticket) =>
        send(ticket, 'retry').pipe(
          catchError((error: unknown) => {
            if (isUnauthorized(error) && sameSession()) {
              store.endSession(SESSION_END_REASONS.retryRejected);
            }
            return throwError(() => error);
          }),
        ),
      ),
    );

  // Step 2, then send. Step 4: everything but a 401 of this session goes to the caller.
  return ticketBeforeSending(store, settings, trace, session).pipe(
    switchMap((ticket) =>
      send(ticket, 'first').pipe(
        catchError((error: unknown) => {
          if (!isUnauthorized(error) || !store.isSignedIn()) return throwError(() => error);
          return sameSession() ? retryOnce(ticket.token) : throwError(() => sessionChangedError());
        }),
      ),
    ),
  );
};
