import { HttpContext, HttpContextToken, HttpRequest } from '@angular/common/http';

/**
 * Per-request flags for the auth interceptor, carried in `HttpContext` rather than URL lists.
 *
 * - `AUTH_ENDPOINT`: set by `AuthApi` on login, register, refresh and logout. The interceptor
 *   never attaches a token to these and never refreshes when they fail.
 * - `AUTH_FLOW`: the trace the interceptor writes on every request it passes on, so the devtools
 *   timeline can show why a request was sent (proactive refresh, queued behind a refresh,
 *   retried after a 401, or the refresh call itself), which refresh it belongs to, and whether
 *   its token was refreshed by another tab (`from-other-tab`).
 * - `AUTH_FLOW_LINK`: ties the attempts of one request together (which refresh a 401 led to).
 */
export const AUTH_ENDPOINT = new HttpContextToken<boolean>(() => false);

export type AuthFlowTag = 'proactive' | 'queued' | 'retried' | 'refresh' | 'from-other-tab';

export interface AuthFlowTrace {
  readonly tags: readonly AuthFlowTag[];
  /** The id of the refresh (a counter in `AuthStore`) this request belongs to, if any. */
  readonly refreshId: number | null;
}

export const AUTH_FLOW = new HttpContextToken<AuthFlowTrace>(() => ({ tags: [], refreshId: null }));

/**
 * One per request the interceptor handles, shared by every attempt it sends for it (the first try
 * and the retry after a 401). Whoever watches an attempt (the devtools) may set
 * `onRefreshAfter401`; the interceptor calls it with the id of the refresh a 401 started or
 * joined as soon as that is known, so the 401 can be shown with its refresh even when the
 * refresh fails and nothing is retried.
 */
export interface AuthFlowLink {
  onRefreshAfter401?: (refreshId: number) => void;
}

export const AUTH_FLOW_LINK = new HttpContextToken<AuthFlowLink | null>(() => null);

/**
 * A copy of the request with its own `HttpContext` holding `trace` (and `link`). `clone()` shares
 * the context object, so setting the token on a clone would rewrite the original's trace too.
 */
export function withAuthFlow(
  request: HttpRequest<unknown>,
  trace: AuthFlowTrace,
  setHeaders: Record<string, string> = {},
  link: AuthFlowLink | null = null,
): HttpRequest<unknown> {
  const context = new HttpContext();
  for (const token of request.context.keys()) {
    context.set(token, request.context.get(token));
  }
  context.set(AUTH_FLOW, trace);
  if (link) context.set(AUTH_FLOW_LINK, link);
  return request.clone({ setHeaders, context });
}
