import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { DOCUMENT, inject } from '@angular/core';
import { Observable, catchError, defer, from, map, of, switchMap, throwError } from 'rxjs';

import { isOwnApiUrl } from './api-url';
import { SESSION_END_REASONS, isRefreshUnavailable, sessionChangedError } from './auth-errors';
import { AuthSettings } from './auth-settings';
import { AuthStore } from './auth-store';
import { RefreshResult } from './refresh-coordinator';
import {
  AUTH_ENDPOINT,
  AuthFlowLink,
  AuthFlowTag,
  AuthFlowTrace,
  withAuthFlow,
} from './request-context';

/** The token a request is sent with, and the trace that explains why. */
interface Ticket {
  readonly token: string;
  readonly trace: AuthFlowTrace;
}

const NO_TRACE: AuthFlowTrace = { tags: [], refreshId: null };
const FROM_OTHER_TAB: AuthFlowTrace = { tags: ['from-other-tab'], refreshId: null };

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
 * A request whose token another tab refreshed (or signed in for) carries the `from-other-tab` tag.
 *
 * It never navigates or shows UI: ending a session is `AuthStore`'s job, reacting to it the shell's.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const store = inject(AuthStore);
  const settings = inject(AuthSettings);
  const baseUri = inject(DOCUMENT).baseURI;

  const protectedRequest =
    !request.context.get(AUTH_ENDPOINT) && isOwnApiUrl(request.url, baseUri) && store.isSignedIn();
  if (!protectedRequest) return next(request);

  // The session this request belongs to: a 401 that comes back after it ended is not retried
  // with the next session's token, and cannot end the next session.
  const epoch = store.sessionEpoch();
  const sameSession = () => store.sessionEpoch() === epoch;
  // Shared by both attempts: how a watcher of the first one learns which refresh its 401 led to.
  const link: AuthFlowLink = {};
  const send = ({ token, trace }: Ticket) =>
    next(withAuthFlow(request, trace, { Authorization: `Bearer ${token}` }, link));

  const retryOnce = (sentToken: string) =>
    ticketAfter401(store, sentToken, (refreshId) => link.onRefreshAfter401?.(refreshId)).pipe(
      switchMap((ticket) =>
        send(ticket).pipe(
          catchError((error: unknown) => {
            if (isUnauthorized(error) && sameSession()) {
              store.endSession(SESSION_END_REASONS.retryRejected);
            }
            return throwError(() => error);
          }),
        ),
      ),
    );

  return ticketBeforeSending(store, settings, epoch).pipe(
    switchMap((ticket) =>
      send(ticket).pipe(
        catchError((error: unknown) => {
          if (!isUnauthorized(error) || !store.isSignedIn()) return throwError(() => error);
          return sameSession() ? retryOnce(ticket.token) : throwError(() => sessionChangedError());
        }),
      ),
    ),
  );
};

/**
 * Step 2: the token to send with, after any refresh that has to come first. When that refresh
 * fails for a while (not a refusal) and the current token has not expired, the request goes out
 * with it: a refresh ahead of time must never cost a request that would have worked.
 */
function ticketBeforeSending(
  store: AuthStore,
  settings: AuthSettings,
  epoch: number,
): Observable<Ticket> {
  return defer(() => {
    if (store.refreshInProgress()) {
      return awaitRefresh(store.refresh(), (r) =>
        r.proactive ? ['proactive', 'queued'] : ['queued'],
      ).pipe(orStillValidToken(store, epoch));
    }
    if (settings.proactiveRefresh() && store.accessTokenExpiresWithin(settings.leewaySeconds())) {
      return awaitRefresh(store.refresh({ proactive: true }), (r) =>
        r.joined ? ['proactive', 'queued'] : ['proactive'],
      ).pipe(orStillValidToken(store, epoch));
    }
    return of(currentTicket(store));
  });
}

function currentTicket(store: AuthStore): Ticket {
  const trace = store.tokensFromOtherTab() ? FROM_OTHER_TAB : NO_TRACE;
  return { token: store.accessToken() ?? '', trace };
}

/** Only the token of the session the request started in: never the next session's. */
function orStillValidToken(store: AuthStore, epoch: number) {
  return catchError<Ticket, Observable<Ticket>>((error: unknown) =>
    isRefreshUnavailable(error) &&
    store.sessionEpoch() === epoch &&
    store.isSignedIn() &&
    !store.accessTokenExpiresWithin(0)
      ? of(currentTicket(store))
      : throwError(() => error),
  );
}

/**
 * Step 3: the token for the one retry. A token renewed since we sent (here or in another tab) is
 * reused while it has not expired; an expired one would only earn a second 401 and end the
 * session, so then a refresh is joined or started like for any 401. `reportRefresh` hears at once
 * which refresh the 401 led to (before it ends, even if it fails).
 */
function ticketAfter401(
  store: AuthStore,
  sentToken: string,
  reportRefresh: (refreshId: number) => void,
): Observable<Ticket> {
  return defer(() => {
    const current = store.accessToken();
    const renewed = current !== null && current !== sentToken;
    if (renewed && !store.refreshInProgress() && !store.accessTokenExpiresWithin(0)) {
      const trace: AuthFlowTrace = {
        tags: withOtherTab(['retried', 'queued'], store.tokensFromOtherTab()),
        refreshId: store.lastRefreshId(),
      };
      if (trace.refreshId !== null) reportRefresh(trace.refreshId);
      return of({ token: current, trace });
    }
    const refresh = store.refresh();
    const refreshId = store.runningRefreshId;
    if (refreshId !== null) reportRefresh(refreshId);
    return awaitRefresh(refresh, (r) => (r.joined ? ['retried', 'queued'] : ['retried']));
  });
}

function awaitRefresh(
  refresh: Promise<RefreshResult>,
  tagsFor: (result: RefreshResult) => AuthFlowTag[],
): Observable<Ticket> {
  return from(refresh).pipe(
    map((result) => ({
      token: result.accessToken,
      trace: {
        tags: withOtherTab(tagsFor(result), result.fromOtherTab),
        refreshId: result.refreshId,
      },
    })),
  );
}

function withOtherTab(tags: AuthFlowTag[], fromOtherTab: boolean): AuthFlowTag[] {
  return fromOtherTab ? [...tags, 'from-other-tab'] : tags;
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 401;
}
