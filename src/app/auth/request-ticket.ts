import { HttpErrorResponse } from '@angular/common/http';
import { Observable, catchError, from, map, of, throwError } from 'rxjs';

import { isRefreshUnavailable } from './auth-errors';
import { AuthStore } from './auth-store';
import { RequestTrace, SentWith } from './auth-trace';

/** The token an attempt of a request is sent with, and the refresh it came from, if any. */
export interface Ticket {
  readonly token: string;
  readonly refresh: SentWith['refresh'];
}

/** The token the session holds now. */
export function currentTicket(store: AuthStore): Ticket {
  return { token: store.accessToken() ?? '', refresh: null };
}

/** Starts or joins a refresh, tells `trace` at once which one, and gives the token it brings. */
export function ticketFromRefresh(
  store: AuthStore,
  trace: RequestTrace,
  options: { proactive?: boolean } = {},
): Observable<Ticket> {
  const refresh = store.refresh(options);
  const refreshId = store.runningRefreshId;
  if (refreshId !== null) trace.waitingOnRefresh(refreshId);
  return from(refresh).pipe(
    map(({ accessToken, ...facts }) => ({ token: accessToken, refresh: facts })),
  );
}

/**
 * A refresh made ahead of time that fails for a while (not a refusal) while the current token has
 * not expired lets the request go out with that token: it must never cost a request that works.
 * Only the token of the session the request started in (`epoch`), never the next session's.
 */
export function orStillValidToken(store: AuthStore, epoch: number) {
  return catchError<Ticket, Observable<Ticket>>((error: unknown) =>
    isRefreshUnavailable(error) &&
    store.sessionEpoch() === epoch &&
    store.isSignedIn() &&
    !store.accessTokenExpiresWithin(0)
      ? of(currentTicket(store))
      : throwError(() => error),
  );
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 401;
}
