import { FlowLayout } from './flow-layout';
import { FLOW_LANES, FlowLane } from './flow-words';

const ALIAS: Readonly<Record<FlowLane, string>> = {
  page: 'P',
  interceptor: 'I',
  store: 'R',
  tabs: 'T',
  server: 'S',
};

/**
 * The drawn run as a Mermaid `sequenceDiagram`: the same lanes, and the same steps with the same
 * numbers (`autonumber`); a refresh bar is an activation of the store's lane. Requests are solid
 * arrows, answers dashed, failures end in a cross.
 */
export function flowMermaid(layout: FlowLayout): string {
  const lines = ['sequenceDiagram', '    autonumber'];
  for (const lane of FLOW_LANES) lines.push(`    participant ${ALIAS[lane.id]} as ${lane.name}`);
  const refreshBars = layout.bars.filter((bar) => bar.kind === 'refresh');
  for (const arrow of layout.arrows) {
    const answer = arrow.dash !== null;
    const failed = arrow.cross !== null;
    const shape = `${answer ? '--' : '-'}${failed ? 'x' : '>>'}`;
    lines.push(`    ${ALIAS[arrow.from]}${shape}${ALIAS[arrow.to]}: ${mermaidText(arrow.label)}`);
    for (const bar of refreshBars) {
      if (bar.from === arrow.number) lines.push(`    activate ${ALIAS.store}`);
      if (bar.to === arrow.number) lines.push(`    deactivate ${ALIAS.store}`);
    }
  }
  for (const bar of refreshBars.filter((candidate) => candidate.open)) {
    lines.push(`    Note over ${ALIAS.store}: ${mermaidText(bar.label)} still running`);
  }
  return `${lines.join('\n')}\n`;
}

/** Message text Mermaid reads literally: `#` and `;` as entity codes, one line. */
function mermaidText(text: string): string {
  return text
    .replace(/[#;]/g, (sign) => (sign === '#' ? '#35;' : '#59;'))
    .replace(/\s+/g, ' ')
    .trim();
}
