// @ts-check
/** The result lines of `npm run test:stress` (scripts/stress.mjs), kept apart to be tested. */

/**
 * @typedef {object} RunResult
 * @property {string} label
 * @property {number} cpus the `stress --cpu` beside the run
 * @property {number} code the run's exit code
 * @property {number} seconds
 */

/**
 * One line per run and whether all of them passed.
 * @param {RunResult[]} results
 * @returns {{ lines: string[], ok: boolean }}
 */
export function summarize(results) {
  const lines = results.map(
    ({ label, cpus, code, seconds }) =>
      `${code === 0 ? 'passed' : 'FAILED'}  ${label} beside stress --cpu ${cpus}` +
      ` (${seconds.toFixed(0)} s${code === 0 ? '' : `, exit code ${code}`})`,
  );
  const failed = results.filter((result) => result.code !== 0).length;
  lines.push(`${results.length - failed} passed, ${failed} failed`);
  return { lines, ok: results.length > 0 && failed === 0 };
}
