import { flowLayout } from './flow-layout';
import { flowMermaid } from './flow-mermaid';
import {
  pendingRefreshAndOtherTab,
  refusedRefreshStorm,
  tenRequestStorm,
} from './testing/flow-recordings';

describe('flowMermaid', () => {
  it('writes the storm as a numbered sequenceDiagram with the five lanes and every arrow', () => {
    const layout = flowLayout(tenRequestStorm());
    const lines = flowMermaid(layout).trimEnd().split('\n');
    expect(lines.slice(0, 7)).toEqual([
      'sequenceDiagram',
      '    autonumber',
      '    participant P as Page',
      '    participant I as Interceptor',
      '    participant R as Refresh (store and lock)',
      '    participant T as Other tabs',
      '    participant S as Server',
    ]);
    const messages = lines.filter((line) => /^ {4}[PIRTS]-/.test(line));
    expect(messages.length).toBe(layout.arrows.length);
    expect(messages[0]).toBe('    P->>I: GET /api/todos');
    expect(messages).toContain('    S-->>I: 401 unauthorized');
    expect(messages).toContain('    R->>S: POST /api/auth/refresh #35;1');
  });

  it('activates the store for the refresh bar, right after its call, until its answer', () => {
    const lines = flowMermaid(flowLayout(tenRequestStorm())).split('\n');
    const call = lines.findIndex((line) => line.startsWith('    R->>S: POST /api/auth/refresh'));
    expect(lines[call + 1]).toBe('    activate R');
    const answer = lines.indexOf('    S-->>R: 200 new pair');
    expect(lines[answer + 1]).toBe('    deactivate R');
  });

  it('ends what a refused refresh fails in a cross', () => {
    const text = flowMermaid(flowLayout(refusedRefreshStorm()));
    expect(text).toContain('    S--xR: 400 refused');
    expect(text.match(/ {4}R--xP: fails GET \/api\/todos/g)?.length).toBe(10);
    expect(text).toContain('    R--xP: signed out');
  });

  it('notes a refresh that is still running', () => {
    expect(flowMermaid(flowLayout(pendingRefreshAndOtherTab()))).toContain(
      'Note over R: refresh #35;5 still running',
    );
  });
});
