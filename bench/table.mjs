// @ts-check
/** Plain-text tables and number formats for the bench's console report. */

/**
 * A table with a header row and a rule under it. Columns are as wide as their widest cell;
 * a column whose `align` is `'right'` (the default for all but the first) is right-aligned.
 * @param {string[]} headers
 * @param {(string | number)[][]} rows
 * @param {{ indent?: string }} [options]
 * @returns {string}
 */
export function formatTable(headers, rows, { indent = '  ' } = {}) {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, column) =>
    Math.max(...cells.map((row) => (row[column] ?? '').length)),
  );
  /** @param {string[]} row */
  const line = (row) =>
    indent +
    widths
      .map((width, column) => {
        const cell = row[column] ?? '';
        return column === 0 ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ')
      .trimEnd();
  const rule = indent + widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

/**
 * Bytes as kB (1 kB = 1000 bytes, like the Angular CLI), one decimal.
 * @param {number} bytes
 */
export function kB(bytes) {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/**
 * Bytes as MB (1 MB = 1,000,000 bytes), two decimals, with a sign for growth.
 * @param {number} bytes
 * @param {{ signed?: boolean }} [options]
 */
export function MB(bytes, { signed = false } = {}) {
  const text = `${(bytes / 1_000_000).toFixed(2)} MB`;
  return signed && bytes >= 0 ? `+${text}` : text;
}

/**
 * `a / b` rounded to two decimals (NaN when `b` is 0).
 * @param {number} a
 * @param {number} b
 */
export function ratio(a, b) {
  return b === 0 ? NaN : Math.round((a / b) * 100) / 100;
}

/**
 * A duration for the report: `< 0.1 ms` below a tenth, one decimal below 100 ms, whole above.
 * @param {number} ms
 */
export function msText(ms) {
  if (ms < 0.1) return '< 0.1 ms';
  return ms < 100 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/**
 * The median of `values` (the mean of the middle two for an even count; NaN for none).
 * @param {number[]} values
 */
export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * A goal's verdict for the report: `met` or `NOT met`.
 * @param {boolean} met
 */
export function verdict(met) {
  return met ? 'met' : 'NOT met';
}
