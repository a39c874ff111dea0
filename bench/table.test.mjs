// @ts-check
/** Unit tests for table.mjs (run with `npm run test:scripts`). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { formatTable, kB, MB, ratio } from './table.mjs';

describe('formatTable', () => {
  it('pads the first column to the left and the others to the right, under a rule', () => {
    const table = formatTable(
      ['N', 'valid', 'expired'],
      [
        ['1', '105 ms', '318 ms'],
        ['200', '1200 ms', '1500 ms'],
      ],
      { indent: '' },
    );
    assert.equal(
      table,
      [
        'N      valid  expired',
        '---  -------  -------',
        '1     105 ms   318 ms',
        '200  1200 ms  1500 ms',
      ].join('\n'),
    );
  });
});

describe('number formats', () => {
  it('prints kB and MB in decimal units, like the Angular CLI', () => {
    assert.equal(kB(137_518), '137.5 kB');
    assert.equal(MB(1_234_567), '1.23 MB');
    assert.equal(MB(250_000, { signed: true }), '+0.25 MB');
    assert.equal(MB(-250_000, { signed: true }), '-0.25 MB');
  });

  it('rounds ratios to two decimals and gives NaN for a zero divisor', () => {
    assert.equal(ratio(137_518, 62_220), 2.21);
    assert.ok(Number.isNaN(ratio(1, 0)));
  });
});
