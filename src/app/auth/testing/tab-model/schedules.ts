/**
 * Test-only: what the tab model's schedules are drawn from, for `fc.commands` (which picks each
 * step from the list with equal odds, so a step listed twice comes twice as often). Clock steps in
 * seconds straddle the leeway (5 s), the wait limit (15 s), the access-token lifetime (30 s) and
 * the refresh-token lifetime (300 s); skews go both ways, past the client's 2 s noise floor.
 */
import * as fc from 'fast-check';

import { FATES } from './model-network';
import { Advance, Deliver, Request, RevokeAccess, SetGrace, Skew } from './network-steps';
import type { ScheduleStep } from './schedule-step';
import { DeliverToTab, Freeze, LoseMessage, Resume, SignIn, SignOut } from './tab-steps';

const TABS = 3;
const ADVANCES = [1, 4, 6, 11, 14, 16, 26, 31, 61, 299, 301];
const SKEWS = [-600, -61, -3, 0, 3, 61, 600];
const USERS = ['demo', 'admin'];

const tab = fc.nat(TABS - 1);
const user = fc.constantFrom(...USERS);
const request = fc
  .record({ tab, kind: fc.constantFrom('read' as const, 'write' as const) })
  .map(({ tab, kind }) => new Request(tab, kind));
const advance = fc.constantFrom(...ADVANCES).map((seconds) => new Advance(seconds));
const answer = fc.nat(7).map((index) => new Deliver(index, 'answer'));
const anyFate = fc
  .record({ index: fc.nat(7), fate: fc.constantFrom(...FATES) })
  .map(({ index, fate }) => new Deliver(index, fate));
const refreshFate = fc
  .record({ index: fc.nat(3), fate: fc.constantFrom(...FATES) })
  .map(({ index, fate }) => new Deliver(index, fate, true));

/** Reads and writes, expiry, every answer delivered as the server gave it. */
export const READS_AND_EXPIRY: fc.Arbitrary<ScheduleStep>[] = [request, answer, advance];

/** Everything: every fate of a request, users, tabs woken late, messages lost, clocks apart. */
export const EVERYTHING: fc.Arbitrary<ScheduleStep>[] = [
  request,
  request,
  request,
  answer,
  answer,
  answer,
  anyFate,
  refreshFate,
  refreshFate,
  advance,
  advance,
  advance,
  tab.map((index) => new DeliverToTab(index)),
  tab.map((index) => new DeliverToTab(index)),
  tab.map((index) => new LoseMessage(index)),
  fc.record({ tab, user }).map(({ tab, user }) => new SignIn(tab, user)),
  tab.map((index) => new SignOut(index)),
  tab.map((index) => new Freeze(index)),
  fc.record({ tab, missed: fc.boolean() }).map(({ tab, missed }) => new Resume(tab, missed)),
  fc.constantFrom(...SKEWS).map((seconds) => new Skew(seconds)),
  fc.constantFrom(0, 10).map((seconds) => new SetGrace(seconds)),
  user.map((name) => new RevokeAccess(name)),
];
