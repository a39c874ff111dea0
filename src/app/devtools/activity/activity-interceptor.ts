import { HttpErrorResponse, HttpInterceptorFn, HttpResponse } from '@angular/common/http';
import { DOCUMENT, inject } from '@angular/core';
import { defer, tap } from 'rxjs';

import { httpErrorMessage } from '../../http-error-message';
import { ActivityLog, ActivityTag } from './activity-log';
import { ActivityTrace } from './activity-trace';

/**
 * Records every request that reaches it on the devtools timeline (`ActivityLog`): method, path,
 * status (0 for a network error), duration and tags: `bearer` when it carries an Authorization
 * header, what the auth flow reported about it (`ActivityTrace`: `refresh`, `proactive`,
 * `queued`, `retried`, with the refresh id) and `401`; a 401 gets the id of the refresh it led to
 * as soon as the auth flow reports it. It only watches: requests, responses and errors pass
 * through unchanged.
 *
 * Register it right AFTER `authInterceptor`, so it sees what is really sent: each retry as its
 * own request, with the token attached, and the very request object the auth flow reported.
 */
export const activityInterceptor: HttpInterceptorFn = (request, next) => {
  const log = inject(ActivityLog);
  const flow = inject(ActivityTrace);
  const baseUri = inject(DOCUMENT).baseURI;

  return defer(() => {
    const trace = flow.noteFor(request);
    const bearer: ActivityTag[] = request.headers.has('Authorization') ? ['bearer'] : [];
    const id = log.start({
      startedAt: Date.now(),
      method: request.method,
      path: pathFromBase(request.urlWithParams, baseUri),
      tags: [...bearer, ...trace.tags],
      refreshId: trace.refreshId,
    });
    let settled = false;
    const end = (status: number | null, detail: string | null = null, tags: ActivityTag[] = []) => {
      if (settled) return;
      settled = true;
      log.finish(id, { status, finishedAt: Date.now(), detail, tags });
    };

    return next(request).pipe(
      tap({
        next: (event) => {
          if (event instanceof HttpResponse) end(event.status);
        },
        error: (error: unknown) => {
          const status = statusOf(error);
          end(status, httpErrorMessage(error));
          // The auth flow will say which refresh this 401 started or joined.
          if (status === 401) trace.answered401?.(id);
        },
        // Also fires when a caller unsubscribes right after the response (`firstValueFrom`).
        unsubscribe: () => end(null, null, ['cancelled']),
      }),
    );
  });
};

/** `api/todos` under the base `https://host/app/` reads `/api/todos`; other origins stay whole. */
export function pathFromBase(url: string, baseUri: string): string {
  try {
    const base = new URL(baseUri);
    const target = new URL(url, base);
    if (target.origin !== base.origin) return target.href;
    const baseDir = base.pathname.slice(0, base.pathname.lastIndexOf('/') + 1);
    const path = target.pathname.startsWith(baseDir)
      ? `/${target.pathname.slice(baseDir.length)}`
      : target.pathname;
    return `${path}${target.search}`;
  } catch {
    return url;
  }
}

function statusOf(error: unknown): number {
  return error instanceof HttpErrorResponse ? error.status : 0;
}
