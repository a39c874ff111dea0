import { HttpRequest } from '@angular/common/http';
import { InjectionToken } from '@angular/core';

/** Which refresh a caller of `refresh()` waited for (`RefreshResult` without the token). */
export interface RefreshFacts {
  /** One id per refresh call (a counter), shared by everyone who waited for it. */
  readonly refreshId: number;
  /** The refresh was started before sending a request, not after a 401. */
  readonly proactive: boolean;
  /** This caller joined a refresh someone else had started. */
  readonly joined: boolean;
  /** Another tab had already refreshed: this tab took its tokens and made no refresh call. */
  readonly fromOtherTab: boolean;
}

/** Why an attempt of a request goes out with the token it carries. */
export interface SentWith {
  /** The first try, or the one retry after a 401. */
  readonly attempt: 'first' | 'retry';
  /** The refresh this attempt waited for; null when it went out with the token it found. */
  readonly refresh: RefreshFacts | null;
}

/** Watches one request through the interceptor's steps. */
export interface RequestTrace {
  /** The request waits on refresh `refreshId` (told as soon as known, before it settles). */
  waitingOnRefresh(refreshId: number): void;
  /** An attempt goes out: `attempt` is the very request passed on, with its token. */
  sending(attempt: HttpRequest<unknown>, sentWith: SentWith): void;
}

/**
 * Plain facts about the auth flow at its step boundaries, for whoever wants to watch it (the
 * devtools' timeline provides one). The flow never reads anything back; by default nobody listens.
 */
export interface AuthTrace {
  /** The interceptor takes on `request` (own API, signed in) in session `session`. */
  request(request: HttpRequest<unknown>, session: number): RequestTrace;
  /**
   * Refresh `refreshId` calls the server: `call` makes that HTTP call (synchronously, on
   * subscribe) and its result is returned, so a watcher can tell the call's request apart.
   */
  refreshCall<T>(refresh: { refreshId: number; proactive: boolean }, call: () => T): T;
}

const NOBODY_LISTENS: RequestTrace = {
  waitingOnRefresh: () => undefined,
  sending: () => undefined,
};

export const NO_TRACE: AuthTrace = {
  request: () => NOBODY_LISTENS,
  refreshCall: (_refresh, call) => call(),
};

/** Where `authInterceptor` and `RefreshCoordinator` report; `NO_TRACE` unless provided. */
export const AUTH_TRACE = new InjectionToken<AuthTrace>('AUTH_TRACE', { factory: () => NO_TRACE });
