// @ts-check
/**
 * Builds the two apps the bench compares, production configuration, with esbuild's stats.json:
 * the real app (angular.json project `jwt-refresh-demo`) and the bare Angular app
 * (`bench-bare-app`, bench/bare-app/). Each lands in `dist/bench/<name>/`.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

export const BUILDS = /** @type {const} */ ({
  app: { project: 'jwt-refresh-demo', outputPath: 'dist/bench/app' },
  bare: { project: 'bench-bare-app', outputPath: 'dist/bench/bare-app' },
});

const ng = createRequire(import.meta.url).resolve('@angular/cli/bin/ng.js');

/**
 * Runs `ng build` for both apps, one after the other (the machine may have only two cores).
 * The CLI's output is shown only when a build fails; its warnings always.
 * @param {string} root the workspace folder
 * @returns {Promise<{ app: string, bare: string }>} the output folders
 */
export async function buildApps(root) {
  for (const { project, outputPath } of Object.values(BUILDS)) {
    await ngBuild(root, project, outputPath);
  }
  return {
    app: path.join(root, BUILDS.app.outputPath),
    bare: path.join(root, BUILDS.bare.outputPath),
  };
}

/**
 * @param {string} root
 * @param {string} project
 * @param {string} outputPath
 */
function ngBuild(root, project, outputPath) {
  const args = [ng, 'build', project, '--configuration=production', '--stats-json'];
  args.push(`--output-path=${outputPath}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, NG_CLI_ANALYTICS: 'false', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) {
        // Budget and other build warnings still matter to someone reading the bench output.
        for (const warning of output.split('\n').filter((line) => line.includes('[WARNING]'))) {
          process.stderr.write(`  ${project}: ${warning.trim()}\n`);
        }
        return resolve(undefined);
      }
      process.stderr.write(output);
      reject(new Error(`ng build ${project} failed (${signal ?? `exit code ${code}`}).`));
    });
  });
}
