import codeMap from './flow-code.json';

/** What kind of step an arrow of the flow diagram is; each kind is handled in one place. */
export type FlowStepKind =
  | 'call'
  | 'send'
  | 'pass-through'
  | 'send-after-wait'
  | 'proactive-refresh'
  | 'server-answer'
  | 'server-401'
  | 'ask-refresh'
  | 'refresh-call'
  | 'refresh-rotated'
  | 'refresh-refused'
  | 'refresh-failed'
  | 'fail-waiter'
  | 'sign-out'
  | 'retry'
  | 'retry-rejected'
  | 'answer'
  | 'auth-call'
  | 'auth-answer'
  | 'other-tab-pair'
  | 'other-tab-token';

/** Where a step is handled: the row of README's "Where each step lives" it belongs to. */
export interface CodeRef {
  /** The row's first cell, word for word. */
  readonly step: string;
  readonly file: string;
  readonly function: string;
}

/**
 * The one mapping from a step of the diagram to its code, kept in `flow-code.json`, keyed by step
 * kind, so that `scripts/check-docs.mjs` can read it too: it fails when a file or function here
 * is not in README's row for the same step.
 */
export const FLOW_CODE: Readonly<Record<FlowStepKind, CodeRef>> = codeMap;
