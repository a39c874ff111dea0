// @ts-check
/** Unit tests for table.mjs (run with `npm run test:scripts`). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { formatTable, kB, MB, median, msText, ratio } from './table.mjs';

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

  it('prints durations: under a tenth as such, one decimal below 100 ms, whole above', () => {
    assert.equal(msText(0.01), '< 0.1 ms');
    assert.equal(msText(0.1), '0.1 ms');
    assert.equal(msText(7.25), '7.3 ms');
    assert.equal(msText(2857.34), '2857 ms');
  });
});

describe('median', () => {
  it('takes the middle value, whatever the order, or the mean of the middle two', () => {
    assert.equal(median([529, 7, 12, 9, 8]), 9);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([42]), 42);
  });

  it('is NaN for no values and leaves its input as it was', () => {
    assert.ok(Number.isNaN(median([])));
    const values = [3, 1, 2];
    median(values);
    assert.deepEqual(values, [3, 1, 2]);
  });
});
