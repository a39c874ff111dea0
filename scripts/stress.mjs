#!/usr/bin/env node
// @ts-check
/**
 * `npm run test:stress`: proves the tests do not need an idle machine. It runs the unit suite
 * 5 times in a row with Debian's `stress --cpu 2` eating both cores beside it, then the e2e suite
 * once with `stress --cpu 1`; prints each run's result and exits 1 if any run failed.
 *
 *   npm run test:stress -- [--unit-runs 5] [--skip-e2e]
 *
 * `stress` is installed with apt-get when it is missing, as `.ci/run` installs Chromium.
 */
import { spawn, spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

import { summarize } from './stress-report.mjs';

const { values } = parseArgs({
  options: {
    'unit-runs': { type: 'string', default: '5' },
    'skip-e2e': { type: 'boolean', default: false },
  },
});

ensureStress();

/** @type {import('./stress-report.mjs').RunResult[]} */
const results = [];
const unitRuns = Number(values['unit-runs']);
for (let run = 1; run <= unitRuns; run++) {
  results.push(await underStress(2, `unit ${run}/${unitRuns}`, 'npm', ['run', 'test:unit']));
}
if (!values['skip-e2e']) {
  results.push(await underStress(1, 'e2e', 'npm', ['run', 'test:e2e']));
}
const { lines, ok } = summarize(results);
console.log(`\n::: test:stress results\n${lines.join('\n')}`);
process.exit(ok ? 0 : 1);

/**
 * Runs `command` while `stress --cpu <cpus>` runs beside it; stress is stopped when it ends.
 * @param {number} cpus
 * @param {string} label
 * @param {string} command
 * @param {string[]} args
 * @returns {Promise<import('./stress-report.mjs').RunResult>}
 */
async function underStress(cpus, label, command, args) {
  console.log(`\n::: ${label}, beside stress --cpu ${cpus}`);
  const load = spawn('stress', ['--cpu', String(cpus)], { stdio: 'ignore' });
  const started = Date.now();
  try {
    const code = await new Promise((resolve) => {
      const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, CI: 'true' } });
      child.on('exit', (exitCode) => resolve(exitCode ?? 1));
      child.on('error', () => resolve(1));
    });
    return { label, cpus, code: Number(code), seconds: (Date.now() - started) / 1000 };
  } finally {
    load.kill('SIGKILL');
  }
}

function ensureStress() {
  if (spawnSync('stress', ['--version'], { stdio: 'ignore' }).status === 0) return;
  console.log("::: no stress found, installing Debian's stress");
  const asRoot = process.getuid?.() === 0;
  const apt = (/** @type {string[]} */ ...args) =>
    spawnSync(asRoot ? 'apt-get' : 'sudo', asRoot ? args : ['apt-get', ...args], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  apt('update', '-qq');
  apt('install', '-y', '-qq', 'stress');
  if (spawnSync('stress', ['--version'], { stdio: 'ignore' }).status !== 0) {
    console.error('Could not install stress (sudo apt-get install -y stress).');
    process.exit(1);
  }
}
