import { HttpClient } from '@angular/common/http';
import { firstValueFrom } from 'rxjs';

import { API_PATHS } from '../../api-contract';
import { httpErrorMessage } from '../../http-error-message';

/** The outcome of N protected requests fired at once. */
export interface BurstResult {
  readonly total: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly durationMs: number;
  /** The message of the first failure, if any. */
  readonly firstError: string | null;
}

/** What each request of a burst does: read the todo list, or add one todo (a server write). */
export type BurstKind = 'read' | 'create';

/**
 * Fires `count` protected requests at the same moment and waits for all of them: GETs of
 * `api/todos`, or (`create`) POSTs that each add a todo, to watch parallel writes all land.
 * Never rejects: each failure is counted instead.
 */
export async function fireParallelRequests(
  http: HttpClient,
  count: number,
  now: () => number = () => performance.now(),
  kind: BurstKind = 'read',
): Promise<BurstResult> {
  const started = now();
  const send = (i: number) =>
    kind === 'create'
      ? http.post(API_PATHS.todos, { title: `Parallel todo ${i + 1}` })
      : http.get(API_PATHS.todos);
  const outcomes = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      firstValueFrom(send(i)).then(
        () => null,
        (error: unknown) => httpErrorMessage(error),
      ),
    ),
  );
  const failures = outcomes.filter((outcome): outcome is string => outcome !== null);
  return {
    total: count,
    succeeded: count - failures.length,
    failed: failures.length,
    durationMs: Math.round(now() - started),
    firstError: failures[0] ?? null,
  };
}

/** "10 requests: 10 succeeded, 0 failed in 612 ms", plus the first error when there is one. */
export function describeBurst(result: BurstResult): string {
  const noun = result.total === 1 ? 'request' : 'requests';
  const line = `${result.total} ${noun}: ${result.succeeded} succeeded, ${result.failed} failed in ${result.durationMs} ms`;
  return result.firstError ? `${line}. First error: ${result.firstError}` : line;
}
