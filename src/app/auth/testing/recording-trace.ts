import { HttpRequest } from '@angular/common/http';
import { TestRequest } from '@angular/common/http/testing';

import { AuthTrace, RequestTrace, SentWith } from '../auth-trace';

/** Test-only `AUTH_TRACE` that keeps what the auth flow reported, for the specs to read. */
export class RecordingTrace implements AuthTrace {
  readonly #sent = new Map<HttpRequest<unknown>, SentWith>();
  /** Every refresh call, in order. */
  readonly refreshCalls: { refreshId: number; proactive: boolean }[] = [];
  /** Per request taken on: the session it started in and the refreshes it waited on. */
  readonly requests: { session: number; waitedOn: number[] }[] = [];

  request(_request: HttpRequest<unknown>, session: number): RequestTrace {
    const record = { session, waitedOn: [] as number[] };
    this.requests.push(record);
    return {
      waitingOnRefresh: (refreshId) => record.waitedOn.push(refreshId),
      sending: (attempt, sentWith) => this.#sent.set(attempt, sentWith),
    };
  }

  refreshCall<T>(refresh: { refreshId: number; proactive: boolean }, call: () => T): T {
    this.refreshCalls.push(refresh);
    return call();
  }

  /** What the interceptor reported when it sent `request`; undefined when it sent it untouched. */
  sentWith(request: TestRequest): SentWith | undefined {
    return this.#sent.get(request.request);
  }
}
