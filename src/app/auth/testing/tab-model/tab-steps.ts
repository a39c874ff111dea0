/**
 * Test-only: the tab model's steps of users and tabs: sign in (as either user), sign out, a tab
 * is handed the oldest `storage` event or message it is owed, a message is lost, a tab is frozen
 * (it hears nothing, gets no answers, the user does nothing in it) and resumed, with or without
 * what it missed.
 */
import { ScheduleStep } from './schedule-step';
import type { TabWorld } from './tab-world';

export class SignIn extends ScheduleStep {
  constructor(
    readonly tab: number,
    readonly user: string,
  ) {
    super();
  }

  async apply(world: TabWorld): Promise<string | null> {
    const tab = world.liveTab(this.tab);
    if (!tab) return null;
    world.signIn(tab, this.user);
    return 'sign-in';
  }

  toString(): string {
    return `signIn(tab ${this.tab}, ${this.user})`;
  }
}

export class SignOut extends ScheduleStep {
  constructor(readonly tab: number) {
    super();
  }

  async apply(world: TabWorld): Promise<string | null> {
    const tab = world.liveTab(this.tab);
    if (!tab?.store.isSignedIn()) return null;
    world.signOut(tab);
    return 'sign-out';
  }

  toString(): string {
    return `signOut(tab ${this.tab})`;
  }
}

export class DeliverToTab extends ScheduleStep {
  constructor(readonly tab: number) {
    super();
  }

  async apply(world: TabWorld): Promise<string | null> {
    const tab = world.liveTab(this.tab);
    return tab && world.deliverToTab(tab) ? 'tab delivery' : null;
  }

  toString(): string {
    return `deliverToTab(tab ${this.tab})`;
  }
}

export class LoseMessage extends ScheduleStep {
  constructor(readonly tab: number) {
    super();
  }

  async apply(world: TabWorld): Promise<string | null> {
    const tab = world.tabs[this.tab % world.tabs.length];
    return world.bus.loseMessage(tab.id) ? 'message lost' : null;
  }

  toString(): string {
    return `loseMessage(tab ${this.tab})`;
  }
}

export class Freeze extends ScheduleStep {
  constructor(readonly tab: number) {
    super();
  }

  async apply(world: TabWorld): Promise<string | null> {
    const tab = world.liveTab(this.tab);
    if (!tab) return null;
    tab.frozen = true;
    return 'freeze';
  }

  toString(): string {
    return `freeze(tab ${this.tab})`;
  }
}

export class Resume extends ScheduleStep {
  constructor(
    readonly tab: number,
    readonly withMissed: boolean,
  ) {
    super();
  }

  async apply(world: TabWorld): Promise<string | null> {
    const tab = world.tabs[this.tab % world.tabs.length];
    if (!tab.frozen) return null;
    world.resume(tab, this.withMissed);
    return this.withMissed ? 'resume' : 'resume, missed lost';
  }

  toString(): string {
    return `resume(tab ${this.tab}, ${this.withMissed ? 'with' : 'without'} what it missed)`;
  }
}
