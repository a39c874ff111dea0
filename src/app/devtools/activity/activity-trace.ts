import { HttpRequest } from '@angular/common/http';
import {
  DestroyRef,
  EnvironmentProviders,
  Injectable,
  inject,
  makeEnvironmentProviders,
  provideEnvironmentInitializer,
} from '@angular/core';

import { AuthEvent, AuthEvents } from '../../auth/auth-events';
import { AUTH_TRACE, AuthTrace, RequestTrace, SentWith } from '../../auth/auth-trace';
import { ActivityLog, ActivityTag } from './activity-log';

/** What the timeline writes on the row of a request the auth flow sent. */
export interface FlowNote {
  readonly tags: readonly ActivityTag[];
  readonly refreshId: number | null;
  /** The row got a 401: it is filed under the refresh that 401 leads to. */
  readonly answered401?: (rowId: number) => void;
}

/** Where the session's current access token came from, as the auth events tell it. */
export interface TokenOrigin {
  /** The refresh that produced it; null after a sign-in. */
  readonly refreshId: number | null;
  /** Another tab refreshed or signed in for it. */
  readonly fromOtherTab: boolean;
}

const NO_NOTE: FlowNote = { tags: [], refreshId: null };
const SIGNED_IN_HERE: TokenOrigin = { refreshId: null, fromOtherTab: false };

/**
 * The devtools' `AUTH_TRACE`: turns what the auth flow reports (which attempt goes out with which
 * refresh's token, which refresh a 401 led to, the refresh calls) and the auth events into the
 * tags and `refresh #N` badges of the timeline. `activityInterceptor` asks `noteFor()` as it
 * records each request.
 */
@Injectable({ providedIn: 'root' })
export class ActivityTrace implements AuthTrace {
  readonly #log = inject(ActivityLog);
  readonly #notes = new WeakMap<HttpRequest<unknown>, FlowNote>();
  #refreshCall: FlowNote | null = null;
  #origin = SIGNED_IN_HERE;

  constructor() {
    const events = inject(AuthEvents).events$.subscribe((event) => this.#follow(event));
    inject(DestroyRef).onDestroy(() => events.unsubscribe());
  }

  request(): RequestTrace {
    let unauthorizedRow: number | null = null;
    const fileUnder = (refreshId: number | null) => {
      if (unauthorizedRow !== null && refreshId !== null) {
        this.#log.fileUnderRefresh(unauthorizedRow, refreshId);
      }
    };
    return {
      waitingOnRefresh: fileUnder,
      sending: (attempt, sentWith) => {
        // The token it carries is that refresh's.
        if (sentWith.refresh) this.#origin = sentWith.refresh;
        const note = flowNote(sentWith, this.#origin);
        fileUnder(note.refreshId);
        this.#notes.set(attempt, { ...note, answered401: (rowId) => (unauthorizedRow = rowId) });
      },
    };
  }

  refreshCall<T>(
    { refreshId, proactive }: { refreshId: number; proactive: boolean },
    call: () => T,
  ): T {
    this.#refreshCall = { tags: proactive ? ['refresh', 'proactive'] : ['refresh'], refreshId };
    try {
      return call();
    } finally {
      this.#refreshCall = null;
    }
  }

  /** What the auth flow said about `request`: an attempt it sent, the refresh call, or nothing. */
  noteFor(request: HttpRequest<unknown>): FlowNote {
    const note = this.#notes.get(request) ?? this.#refreshCall ?? NO_NOTE;
    this.#refreshCall = null;
    return note;
  }

  #follow(event: AuthEvent): void {
    if (event.type === 'tokenRefreshed')
      this.#origin = { refreshId: event.refreshId, fromOtherTab: false };
    if (event.type === 'tokensAdopted')
      this.#origin = { refreshId: event.refreshId, fromOtherTab: true };
    if (event.type === 'signedIn')
      this.#origin = { refreshId: null, fromOtherTab: !!event.fromOtherTab };
    if (event.type === 'signedOut' || event.type === 'sessionExpired')
      this.#origin = SIGNED_IN_HERE;
  }
}

/**
 * The tags of one attempt: after a refresh, `proactive` (a first try behind a proactive refresh)
 * or `retried`, then `queued` when it joined a refresh someone else started; with the token it
 * found, a retry is `retried` and `queued` (someone else renewed it). `from-other-tab` when
 * another tab refreshed or signed in for that token.
 */
export function flowNote({ attempt, refresh }: SentWith, origin: TokenOrigin): FlowNote {
  const retried: ActivityTag[] = attempt === 'retry' ? ['retried'] : [];
  if (refresh) {
    const tags: ActivityTag[] = retried.length ? retried : refresh.proactive ? ['proactive'] : [];
    if (refresh.joined) tags.push('queued');
    if (refresh.fromOtherTab) tags.push('from-other-tab');
    return { tags, refreshId: refresh.refreshId };
  }
  const tags: ActivityTag[] = retried.length ? [...retried, 'queued'] : [];
  if (origin.fromOtherTab) tags.push('from-other-tab');
  return { tags, refreshId: retried.length ? origin.refreshId : null };
}

/** `ActivityTrace` as the `AUTH_TRACE`, listening to the auth events from start-up. */
export function provideActivityTrace(): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: AUTH_TRACE, useExisting: ActivityTrace },
    provideEnvironmentInitializer(() => inject(ActivityTrace)),
  ]);
}
