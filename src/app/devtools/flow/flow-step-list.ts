import { ActivityEntry } from '../activity/activity-log';
import { FlowStepKind } from './flow-code';
import { FlowLane, FlowOutcome, laneName } from './flow-words';

/** One arrow of the diagram, in the order drawn (top to bottom). */
export interface FlowStep {
  /** 1-based, the same as Mermaid's `autonumber`. */
  readonly number: number;
  readonly kind: FlowStepKind;
  readonly from: FlowLane;
  readonly to: FlowLane;
  /** When it happened, in ms since the epoch, and since the run began. */
  readonly at: number;
  readonly offsetMs: number;
  /** The drawn text: `GET /api/todos`, `401 unauthorized`, `refresh() joins #1`. */
  readonly label: string;
  readonly outcome: FlowOutcome;
  /** The timeline row it comes from (for a fan-out: the request it failed). */
  readonly entry: ActivityEntry | null;
  readonly refreshId: number | null;
  /** The server's message, if any. */
  readonly detail: string | null;
  /** The other end of a retry link: on a 401, its retry's send; on a retry, the 401. */
  readonly linkedTo: number | null;
  /** The whole step in words, for screen readers and the list: `3. +12 ms, Server to …`. */
  readonly description: string;
}

/** A bar from one step to another (null: still open at the end of the run). */
export interface FlowSpan {
  readonly kind: 'refresh' | 'wait' | 'pending';
  readonly lane: FlowLane;
  readonly from: number;
  readonly to: number | null;
  readonly refreshId: number | null;
  readonly label: string;
  readonly outcome: FlowOutcome;
}

/** A retry tied to the 401 that caused it (step numbers). */
export interface FlowLink {
  readonly from: number;
  readonly to: number;
  readonly refreshId: number | null;
}

export interface FlowSteps {
  readonly steps: readonly FlowStep[];
  readonly spans: readonly FlowSpan[];
  readonly links: readonly FlowLink[];
  /** When the run began (ms since the epoch); null for no steps. */
  readonly startedAt: number | null;
}

/** What the step builders look up about the run as a whole. */
export interface FlowRun {
  readonly entries: readonly ActivityEntry[];
  /** The refresh call of each refresh id, when this tab made one in the run. */
  readonly refreshes: ReadonlyMap<number, ActivityEntry>;
  /** The retry each 401 led to, by the 401's id. */
  readonly retryOf: ReadonlyMap<number, ActivityEntry>;
  /** The ids of the 401s that started a refresh (the others joined it). */
  readonly starters: ReadonlySet<number>;
}

/**
 * Causal order of steps that share a millisecond: an answer comes back before anyone acts on it,
 * a page asks before the interceptor asks the store, the store calls before the retries go out.
 */
export const RANK = {
  response: 1,
  fail: 2,
  signOut: 3,
  call: 4,
  ask: 5,
  storeCall: 6,
  otherTab: 7,
  send: 8,
  answer: 9,
} as const;

export interface StepDraft {
  readonly key: string;
  readonly kind: FlowStepKind;
  readonly from: FlowLane;
  readonly to: FlowLane;
  readonly at: number;
  readonly rank: number;
  readonly label: string;
  readonly outcome: FlowOutcome;
  readonly entry: ActivityEntry | null;
  readonly refreshId?: number | null;
  readonly detail?: string | null;
}

export type SpanDraft = Omit<FlowSpan, 'from' | 'to'> & {
  readonly fromKey: string;
  readonly toKey: string | null;
};

export interface LinkDraft {
  readonly fromKey: string;
  readonly toKey: string;
  readonly refreshId: number | null;
}

/** Collects drafts keyed by `entryId:role`, then numbers them in drawing order. */
export class StepList {
  readonly #steps: StepDraft[] = [];
  readonly #spans: SpanDraft[] = [];
  readonly #links: LinkDraft[] = [];

  step(draft: StepDraft): void {
    this.#steps.push(draft);
  }

  span(draft: SpanDraft): void {
    this.#spans.push(draft);
  }

  link(draft: LinkDraft): void {
    this.#links.push(draft);
  }

  finish(): FlowSteps {
    const order = this.#steps
      .map((draft, seq) => ({ draft, seq }))
      .sort((a, b) => a.draft.at - b.draft.at || a.draft.rank - b.draft.rank || a.seq - b.seq)
      .map(({ draft }) => draft);
    const numbers = new Map(order.map((draft, index) => [draft.key, index + 1]));
    const links: FlowLink[] = this.#links.flatMap(({ fromKey, toKey, refreshId }) => {
      const from = numbers.get(fromKey);
      const to = numbers.get(toKey);
      return from && to ? [{ from, to, refreshId }] : [];
    });
    const startedAt = order.length ? order[0].at : null;
    const steps = order.map((draft, index) =>
      toStep(draft, index + 1, startedAt ?? draft.at, links),
    );
    const spans: FlowSpan[] = this.#spans.flatMap(({ fromKey, toKey, ...span }) => {
      const from = numbers.get(fromKey);
      const to = toKey === null ? null : (numbers.get(toKey) ?? null);
      return from ? [{ ...span, from, to }] : [];
    });
    return { steps, spans, links, startedAt };
  }
}

function toStep(
  draft: StepDraft,
  number: number,
  startedAt: number,
  links: readonly FlowLink[],
): FlowStep {
  const asCause = links.find((link) => link.from === number);
  const asRetry = links.find((link) => link.to === number);
  const linkedTo = asCause?.to ?? asRetry?.from ?? null;
  const linkText = asCause
    ? `, retried in step ${asCause.to}`
    : asRetry
      ? `, retry of the 401 in step ${asRetry.from}`
      : '';
  const offsetMs = draft.at - startedAt;
  return {
    number,
    kind: draft.kind,
    from: draft.from,
    to: draft.to,
    at: draft.at,
    offsetMs,
    label: draft.label,
    outcome: draft.outcome,
    entry: draft.entry,
    refreshId: draft.refreshId ?? draft.entry?.refreshId ?? null,
    detail: draft.detail ?? null,
    linkedTo,
    description:
      `${number}. +${offsetMs} ms, ${laneName(draft.from)} to ${laneName(draft.to)}: ` +
      `${draft.label}${linkText}`,
  };
}
