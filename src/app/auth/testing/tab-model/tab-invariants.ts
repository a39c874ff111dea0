/**
 * Test-only: the invariants of the tab model, checked as things happen (each request put on the
 * wire, each answer, each auth event) and recorded as violations, which the schedule turns into a
 * failure after the step (a throw inside the client's own callbacks would be caught by it):
 *
 * - every request settles within the wait limit of virtual time, counting only the time the client
 *   holds it (before it is sent, and between a 401 and the retry), not the time it is on the wire;
 * - no request is sent with a token of a session other than the one it started in;
 * - no refresh token is presented again once a new pair for it reached a tab (a refusal may be
 *   presented again: it is refused again, nothing is reused), and a replay of a rotated one gets what the reuse grace says: within it never "reuse",
 *   after it never a new pair;
 * - at most one refresh call is in flight across all tabs (sent, unanswered, not yet given up);
 * - a tab's session ends only after a refusal reached it, a sign-out in it, a sign-in in it, or
 *   the session's end in another tab (a refusal, a sign-out, or a sign-in that replaced it).
 */
import { JwtHelperService } from '@auth0/angular-jwt';

import { API_PATHS } from '../../../api-contract';
import { SESSION_END_REASONS } from '../../auth-errors';
import type { AuthEvent } from '../../auth-events';
import { REFRESH_WAIT_LIMIT_MS } from '../../refresh-wait-limit';
import type { Exchange } from './model-network';
import type { ModelTab } from './model-tab';

const jwt = new JwtHelperService();

/** The server session (`sid`) of a token; null for none. */
export function sidOf(token: string | null): string | null {
  if (!token) return null;
  const claims = jwt.decodeToken<{ sid?: unknown }>(token);
  return typeof claims?.sid === 'string' ? claims.sid : null;
}

/** An app request of the model (a read or a write), from issue to settling. */
export interface AppRequest {
  readonly id: number;
  readonly tab: number;
  /** The session it started in; null when its tab was signed out. */
  readonly sid: string | null;
  /** Since when the client holds it (not on the wire); null while it is on the wire or done. */
  heldSince: number | null;
  settled: boolean;
}

/** What each tab has been told, for judging how its sessions end. */
interface TabLedger {
  sid: string | null;
  refused: Set<string>;
  retryRejected: Set<string>;
  signingOut: boolean;
}

export class TabInvariants {
  readonly violations: string[] = [];
  readonly requests: AppRequest[] = [];
  /** Sessions ended in some tab for a reason allowed there, and how many ended. */
  readonly ended = new Set<string>();
  readonly #ledgers = new Map<number, TabLedger>();

  constructor(
    readonly now: () => number,
    readonly reuseGraceMs: () => number,
  ) {}

  /** The sign-out of `tab` is under way: the end it causes is its own. */
  signingOut(tab: number, on: boolean): void {
    this.#ledger(tab).signingOut = on;
  }

  watch(tab: ModelTab): void {
    const ledger: TabLedger = {
      sid: null,
      refused: new Set(),
      retryRejected: new Set(),
      signingOut: false,
    };
    this.#ledgers.set(tab.id, ledger);
    tab.authEvents.events$.subscribe((event) => this.#judge(tab, ledger, event));
  }

  /** `tab` took up a session without an event (start-up). */
  follow(tab: ModelTab): void {
    this.#ledger(tab.id).sid = sidOf(tab.store.refreshToken());
  }

  /** A tab wrote a pair of another session over the stored one: that one ended (replaced). */
  tokensWritten(before: string | null, after: string | null): void {
    const sidIn = (raw: string | null) =>
      sidOf((JSON.parse(raw ?? 'null') as { refreshToken?: string } | null)?.refreshToken ?? null);
    const replaced = sidIn(before);
    if (replaced && sidIn(after) && replaced !== sidIn(after)) this.ended.add(replaced);
  }

  /** A request went on the wire. */
  sent(exchange: Exchange, log: readonly Exchange[]): void {
    const request = exchange.appRequest === null ? null : this.requests[exchange.appRequest];
    if (request) {
      this.#released(request, 'was held');
      const sid = sidOf(exchange.bearer);
      if (sid !== request.sid && (request.sid === null || exchange.bearer)) {
        this.#fail(
          `request #${request.id} of session ${request.sid} was sent with a token of ${sid}`,
        );
      }
    }
    if (exchange.path !== API_PATHS.refresh) return;
    const now = this.now();
    const other = log.find(
      (e) =>
        e !== exchange &&
        e.path === API_PATHS.refresh &&
        e.answered === null &&
        !e.abandoned &&
        now - e.sentAt < REFRESH_WAIT_LIMIT_MS,
    );
    if (other)
      this.#fail(
        `two refresh calls in flight: #${other.id} (tab ${other.tab}) and #${exchange.id}`,
      );
    const answeredBefore = log.find(
      (e) =>
        e !== exchange &&
        e.path === API_PATHS.refresh &&
        e.presented === exchange.presented &&
        e.answered?.status === 200,
    );
    if (answeredBefore) {
      this.#fail(
        `tab ${exchange.tab} presented a refresh token again after #${answeredBefore.id} was answered`,
      );
    }
  }

  /** The server answered a refresh at `servedAt` (its clock); `log` holds the earlier ones. */
  served(exchange: Exchange, servedAt: number, log: readonly Exchange[]): void {
    if (exchange.path !== API_PATHS.refresh || !exchange.served) return;
    const rotated = log.find(
      (e) => e !== exchange && e.presented === exchange.presented && e.served?.status === 200,
    );
    if (!rotated || rotated.servedAt === null) return;
    const sinceUse = servedAt - rotated.servedAt;
    const withinGrace = sinceUse >= 0 && sinceUse < this.reuseGraceMs();
    const { status, body } = exchange.served;
    const reuse = status === 400 && JSON.stringify(body).includes('reuse');
    if (withinGrace && reuse)
      this.#fail(`a replay within the reuse grace was called reuse (#${exchange.id})`);
    if (!withinGrace && status === 200)
      this.#fail(`a replay after the reuse grace got a new pair (#${exchange.id})`);
  }

  /** An answer reached its tab. */
  answered(exchange: Exchange): void {
    const status = exchange.answered?.status;
    const ledger = this.#ledger(exchange.tab);
    if (exchange.path === API_PATHS.refresh && (status === 400 || status === 401)) {
      const sid = sidOf(exchange.presented);
      if (sid) ledger.refused.add(sid);
    }
    const request = exchange.appRequest === null ? null : this.requests[exchange.appRequest];
    if (request && status === 401) {
      const sid = sidOf(exchange.bearer);
      if (sid) ledger.retryRejected.add(sid);
      request.heldSince = this.now();
    }
  }

  /** An app request settled (its caller got a value or an error). */
  settled(request: AppRequest): void {
    this.#released(request, 'waited');
    request.settled = true;
  }

  /** After a step: nothing held too long, and every tab's session is the one its events say. */
  checkStep(tabs: readonly ModelTab[]): void {
    for (const request of this.requests)
      if (!request.settled) this.#withinLimit(request, 'is held');
    for (const tab of tabs) {
      const sid = sidOf(tab.store.refreshToken());
      if (sid !== this.#ledger(tab.id).sid)
        this.#fail(`tab ${tab.id} changed session without an event`);
    }
  }

  #released(request: AppRequest, what: string): void {
    this.#withinLimit(request, what);
    request.heldSince = null;
  }

  #withinLimit(request: AppRequest, what: string): void {
    if (request.heldSince === null) return;
    const held = this.now() - request.heldSince;
    if (held > REFRESH_WAIT_LIMIT_MS) this.#fail(`request #${request.id} ${what} ${held} ms`);
  }

  #judge(tab: ModelTab, ledger: TabLedger, event: AuthEvent): void {
    const before = ledger.sid;
    const after = sidOf(tab.store.refreshToken());
    ledger.sid = after;
    if (before === null || before === after) return;
    const fromOtherTab = 'fromOtherTab' in event && event.fromOtherTab === true;
    const own =
      (event.type === 'signedOut' && ledger.signingOut) ||
      (event.type === 'signedIn' && !fromOtherTab) ||
      (event.type === 'sessionExpired' && ledger.refused.has(before)) ||
      (event.type === 'sessionExpired' &&
        event.reason === SESSION_END_REASONS.retryRejected &&
        ledger.retryRejected.has(before));
    if (!fromOtherTab && own) {
      this.ended.add(before);
      return;
    }
    if (fromOtherTab && (this.ended.has(before) || event.type === 'signedIn')) return;
    this.#fail(
      `tab ${tab.id} ended session ${before} with ${JSON.stringify(event)} for no reason it had`,
    );
  }

  #ledger(tab: number): TabLedger {
    return this.#ledgers.get(tab)!;
  }

  #fail(message: string): void {
    this.violations.push(`${message} (at ${this.now()} ms)`);
  }
}
