import assert from 'node:assert/strict';
import { test } from 'node:test';

import { summarize } from './stress-report.mjs';

test('stress report: one line a run and a total, ok only when every run passed', () => {
  const { lines, ok } = summarize([
    { label: 'unit 1/2', cpus: 2, code: 0, seconds: 61.4 },
    { label: 'unit 2/2', cpus: 2, code: 1, seconds: 70 },
  ]);
  assert.equal(ok, false);
  assert.deepEqual(lines, [
    'passed  unit 1/2 beside stress --cpu 2 (61 s)',
    'FAILED  unit 2/2 beside stress --cpu 2 (70 s, exit code 1)',
    '1 passed, 1 failed',
  ]);
  assert.equal(summarize([{ label: 'e2e', cpus: 1, code: 0, seconds: 1 }]).ok, true);
});

test('stress report: no run at all is not a pass', () => {
  assert.equal(summarize([]).ok, false);
});
