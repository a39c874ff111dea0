/**
 * Test-only: the tab model's steps of requests, the network and time: a tab reads or writes
 * todos, a request on the wire meets its fate, the virtual clock moves, the server's clock
 * changes its offset, its reuse grace changes, or it refuses the access tokens a user holds.
 */
import { API_PATHS } from '../../../api-contract';
import type { Fate } from './model-network';
import { ScheduleStep } from './schedule-step';
import type { RequestKind, TabWorld } from './tab-world';

export class Request extends ScheduleStep {
  constructor(
    readonly tab: number,
    readonly kind: RequestKind,
  ) {
    super();
  }

  async apply(world: TabWorld): Promise<string | null> {
    const tab = world.liveTab(this.tab);
    if (!tab) return null;
    world.request(tab, this.kind);
    return `request(${this.kind})`;
  }

  toString(): string {
    return `request(tab ${this.tab}, ${this.kind})`;
  }
}

/**
 * The request on the wire at `index` (modulo; among refresh calls only with `refreshOnly`) meets
 * `fate`; the refresh-only fates answer the others.
 */
export class Deliver extends ScheduleStep {
  constructor(
    readonly index: number,
    readonly fate: Fate,
    readonly refreshOnly = false,
  ) {
    super();
  }

  async apply(world: TabWorld): Promise<string | null> {
    const pending = world
      .pending()
      .filter((exchange) => !this.refreshOnly || exchange.path === API_PATHS.refresh);
    if (pending.length === 0) return null;
    const exchange = pending[this.index % pending.length];
    await world.deliver(exchange, this.fate);
    const what = exchange.path === API_PATHS.refresh ? 'refresh' : exchange.path.split('/').at(-1);
    return `${what} ${this.fate} ${exchange.answered?.status ?? ''}`.trim();
  }

  toString(): string {
    return `deliver(${this.refreshOnly ? 'refresh ' : ''}#${this.index}, ${this.fate})`;
  }
}

export class Advance extends ScheduleStep {
  constructor(readonly seconds: number) {
    super();
  }

  async apply(world: TabWorld): Promise<string | null> {
    await world.advance(this.seconds * 1000);
    return 'advance';
  }

  toString(): string {
    return `advance(${this.seconds} s)`;
  }
}

/** The server's clock runs `seconds` ahead of the browsers' (negative: behind). */
export class Skew extends ScheduleStep {
  constructor(readonly seconds: number) {
    super();
  }

  async apply(world: TabWorld): Promise<string | null> {
    await world.server.setClockOffset(this.seconds);
    return 'skew';
  }

  toString(): string {
    return `skew(${this.seconds} s)`;
  }
}

export class SetGrace extends ScheduleStep {
  constructor(readonly seconds: number) {
    super();
  }

  async apply(world: TabWorld): Promise<string | null> {
    await world.server.setReuseGrace(this.seconds);
    return 'grace';
  }

  toString(): string {
    return `setReuseGrace(${this.seconds} s)`;
  }
}

/** The server refuses every access token `user` holds now (their next call gets a 401). */
export class RevokeAccess extends ScheduleStep {
  constructor(readonly user: string) {
    super();
  }

  async apply(world: TabWorld): Promise<string | null> {
    await world.server.revokeAccessTokens(this.user);
    return 'revoke access';
  }

  toString(): string {
    return `revokeAccessTokens(${this.user})`;
  }
}
