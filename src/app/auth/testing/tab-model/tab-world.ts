/**
 * Test-only: the world of the tab model. Two or three tabs (`ModelTab`) share localStorage and
 * the Web Locks, talk over the bus (`TabBus`) and send every request onto one network
 * (`ModelNetwork`) in front of the in-browser server, all on one virtual clock (`VirtualTime`).
 * The schedule's commands act through it; `TabInvariants` watches everything it does.
 */
import { HttpContext } from '@angular/common/http';
import type { EnvironmentInjector } from '@angular/core';

import { API_PATHS } from '../../../api-contract';
import { StoredSession, TOKENS_KEY, TokenStorage } from '../../token-storage';
import { Exchange, Fate, MODEL_REQUEST, ModelNetwork, ServerPort } from './model-network';
import { ModelTab, openModelTab } from './model-tab';
import { TabBus } from './tab-bus';
import { TabInvariants, sidOf } from './tab-invariants';
import type { VirtualTime } from './virtual-time';
import { FakeWebLocks } from '../fake-web-locks';
import { JwtHelperService } from '@auth0/angular-jwt';
import { resumeStoredSession } from '../../session-restore';
import { SessionCore } from '../../session-core';

/** The server with the knobs the schedule turns (wired up by the integration spec). */
export interface ModelServer extends ServerPort {
  /** Moves the server's clock with the client's (the virtual time). */
  advance(ms: number): void;
  setClockOffset(seconds: number): Promise<void>;
  setReuseGrace(seconds: number): Promise<void>;
  reuseGraceMs(): number;
  revokeAccessTokens(username: string): Promise<void>;
  stop(): void;
}

export type RequestKind = 'read' | 'write';

/** Rounds of delivering everything before a schedule must have come to rest. */
const QUIESCE_ROUNDS = 200;

export class TabWorld {
  readonly network: ModelNetwork;
  readonly bus = new TabBus();
  readonly tabs: ModelTab[];
  readonly checks: TabInvariants;
  readonly locks = new FakeWebLocks();

  constructor(
    parent: EnvironmentInjector,
    readonly time: VirtualTime,
    readonly server: ModelServer,
    tabCount: number,
  ) {
    this.network = new ModelNetwork(() => time.now());
    this.checks = new TabInvariants(
      () => time.now(),
      () => server.reuseGraceMs(),
    );
    this.network.onSend = (exchange) => this.checks.sent(exchange, this.network.log);
    this.network.onAnswer = (exchange) => this.checks.answered(exchange);
    this.bus.onTokensWritten = (before, after) => this.checks.tokensWritten(before, after);
    this.network.onServe = (exchange) =>
      this.checks.served(exchange, exchange.servedAt ?? 0, this.network.log);
    this.tabs = Array.from({ length: tabCount }, (_, id) => {
      const tab = openModelTab(id, parent, this.network, this.bus, this.locks);
      this.checks.watch(tab);
      return tab;
    });
  }

  /** Every tab starts with `session` in storage, as after a reload of each. */
  startWith(session: StoredSession): void {
    localStorage.setItem(TOKENS_KEY, JSON.stringify(session));
    for (const tab of this.tabs) {
      resumeStoredSession({
        core: tab.injector.get(SessionCore),
        storage: tab.injector.get(TokenStorage),
        jwt: tab.injector.get(JwtHelperService),
      });
      this.checks.follow(tab);
    }
  }

  /** The tab at `index` (modulo), or null when it is frozen. */
  liveTab(index: number): ModelTab | null {
    const tab = this.tabs[index % this.tabs.length];
    return tab.frozen ? null : tab;
  }

  /** What is on the wire from tabs that are not frozen. */
  pending(): Exchange[] {
    const frozen = new Set(this.tabs.filter((tab) => tab.frozen).map((tab) => tab.id));
    return this.network.pending(frozen);
  }

  request(tab: ModelTab, kind: RequestKind): void {
    const id = this.checks.requests.length;
    const sid = sidOf(tab.store.refreshToken());
    const request = { id, tab: tab.id, sid, heldSince: this.time.now(), settled: false };
    this.checks.requests.push(request);
    const context = new HttpContext().set(MODEL_REQUEST, id);
    const call =
      kind === 'read'
        ? tab.http.get(API_PATHS.todos, { context })
        : tab.http.post(API_PATHS.todos, { title: 'New' }, { context });
    const settled = () => this.checks.settled(request);
    call.subscribe({ error: settled, complete: settled });
  }

  signIn(tab: ModelTab, username: string): void {
    void tab.store.signIn(username, `${username}1234`).catch(() => undefined);
  }

  signOut(tab: ModelTab): void {
    this.checks.signingOut(tab.id, true);
    try {
      void tab.store.signOut();
    } finally {
      this.checks.signingOut(tab.id, false);
    }
  }

  deliver(exchange: Exchange, fate: Fate): Promise<void> {
    return this.network.deliver(exchange, fate, this.server);
  }

  /** Hands `tab` the oldest `storage` event or message it is owed; false when it is owed none. */
  deliverToTab(tab: ModelTab): boolean {
    const delivery = this.bus.take(tab.id);
    if (!delivery) return false;
    if (delivery.kind === 'message') this.bus.hear(tab.id, delivery.message);
    else
      tab.sync.apply(new StorageEvent('storage', { key: delivery.key, storageArea: localStorage }));
    return true;
  }

  /** Wakes a frozen tab: with what it missed (Chromium) or without (a browser need not). */
  resume(tab: ModelTab, withMissed: boolean): void {
    tab.frozen = false;
    if (!withMissed) this.bus.drop(tab.id);
    else while (this.deliverToTab(tab));
    void tab.recheck.recheck();
  }

  async advance(ms: number): Promise<void> {
    this.server.advance(ms);
    await this.time.advance(ms);
  }

  /** Lets everything run that can, then checks the invariants; throws the first violation. */
  async settle(): Promise<void> {
    await this.time.settle();
    this.checks.checkStep(this.tabs);
    if (this.checks.violations.length > 0) throw new Error(this.checks.violations.join('\n'));
  }

  /**
   * The end of a schedule: every tab wakes, every message and event is delivered, every request on
   * the wire answered and every timer run, until nothing is left; then every tab must agree with
   * the others and with storage on the session and the user.
   */
  async quiesce(): Promise<void> {
    for (const tab of this.tabs) if (tab.frozen) this.resume(tab, true);
    for (let round = 0; round < QUIESCE_ROUNDS; round++) {
      let busy = false;
      for (const tab of this.tabs) while (this.deliverToTab(tab)) busy = true;
      for (const exchange of this.pending()) {
        busy = true;
        await this.deliver(exchange, 'answer');
      }
      await this.settle();
      if (busy) continue;
      const due = this.time.nextDue();
      if (due === null) return this.#checkAgreement();
      await this.advance(due - this.time.now());
    }
    throw new Error(`The schedule did not come to rest in ${QUIESCE_ROUNDS} rounds.`);
  }

  close(): void {
    for (const tab of this.tabs) tab.injector.destroy();
    this.server.stop();
  }

  #checkAgreement(): void {
    const views = this.tabs.map((tab) => ({
      sid: sidOf(tab.store.refreshToken()),
      user: tab.store.user()?.id ?? null,
    }));
    const text = JSON.stringify(views);
    if (views.some((view) => JSON.stringify(view) !== JSON.stringify(views[0]))) {
      throw new Error(`At rest, the tabs disagree: ${text}.`);
    }
    const stored = JSON.parse(localStorage.getItem(TOKENS_KEY) ?? 'null') as {
      refreshToken?: string;
    } | null;
    const storedSid = sidOf(stored?.refreshToken ?? null);
    if (views[0].sid !== null && storedSid !== views[0].sid) {
      throw new Error(`At rest, the tabs hold ${text} but storage holds ${storedSid}.`);
    }
  }
}
