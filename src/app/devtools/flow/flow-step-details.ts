import { CodeRef, FLOW_CODE } from './flow-code';
import { FlowArrow } from './flow-layout';
import { laneName } from './flow-words';

/** The selected arrow as the details panel shows it: every string ready. */
export interface FlowStepDetails {
  readonly title: string;
  readonly facts: readonly { readonly name: string; readonly value: string }[];
  readonly code: CodeRef;
}

export function flowStepDetails(arrow: FlowArrow): FlowStepDetails {
  const entry = arrow.entry;
  const facts = [
    { name: 'From', value: `${laneName(arrow.from)} to ${laneName(arrow.to)}` },
    { name: 'When', value: `+${arrow.offsetMs} ms` },
    entry && { name: 'Request', value: `${entry.method} ${entry.path}` },
    entry && { name: 'Status', value: entry.status === null ? 'none yet' : String(entry.status) },
    entry?.durationMs != null && { name: 'Took', value: `${entry.durationMs} ms` },
    entry?.tags.length && { name: 'Tags', value: entry.tags.join(', ') },
    arrow.refreshId !== null && { name: 'Refresh', value: `#${arrow.refreshId}` },
    arrow.linkedTo !== null && { name: 'Linked to', value: `step ${arrow.linkedTo}` },
    arrow.detail && { name: 'Message', value: arrow.detail },
  ].filter((fact): fact is { name: string; value: string } => !!fact);
  return { title: `Step ${arrow.number}: ${arrow.label}`, facts, code: FLOW_CODE[arrow.kind] };
}
