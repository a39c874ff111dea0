/**
 * Test-only: the base of the tab model's commands. Each acts on the world and then lets it settle,
 * which checks every invariant; `counts` tallies what the schedules did, so a property can show
 * that its runs got where they should (the "model" `fc.asyncModelRun` hands each command).
 *
 * Tabs and requests are picked by index (modulo), so a shrunk schedule stays valid.
 */
import type * as fc from 'fast-check';

import type { TabWorld } from './tab-world';

export type ScheduleCounts = Record<string, number>;

export abstract class ScheduleStep implements fc.AsyncCommand<ScheduleCounts, TabWorld> {
  check(): boolean {
    return true;
  }

  async run(counts: ScheduleCounts, world: TabWorld): Promise<void> {
    const what = await this.apply(world);
    if (what) counts[what] = (counts[what] ?? 0) + 1;
    await world.settle();
  }

  /** Does the step; returns what to count, or null when it found nothing to act on. */
  abstract apply(world: TabWorld): Promise<string | null>;
  abstract toString(): string;
}
