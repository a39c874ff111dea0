#!/usr/bin/env node
// @ts-check
/**
 * Builds the production app for a sub-path, as static files ready to upload to GitHub Pages.
 *
 *   npm run build:pages -- --base /repo-name/ [--out dist/pages]
 *
 * Deep links (`/repo-name/profile` opened directly or reloaded): GitHub Pages has no rewrite
 * rules; it answers a path with no file behind it with the site's `404.html`, status 404. So
 * `404.html` is a byte-for-byte copy of `index.html`: the browser renders it like any page, its
 * absolute `<base href="/repo-name/">` makes every script and style load from the sub-path, and
 * the Angular router reads the real path from the address bar. README ("Hosted demo") says why
 * this and not hash URLs or a redirect script.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { normalizeBasePath, readBaseHref } from './base-path.mjs';

const { values } = parseArgs({
  options: { base: { type: 'string' }, out: { type: 'string', default: 'dist/pages' } },
});
if (values.base === undefined) {
  fail('--base is required. Usage: npm run build:pages -- --base /repo-name/ [--out dist/pages]');
}
const base = normalizeBasePathOrFail(values.base);
const outDir = path.resolve(values.out);

// Build next to the target and swap it in at the end: a failed build leaves no half-built site.
const workDir = `${outDir}.building`;
rmSync(workDir, { recursive: true, force: true });
mkdirSync(path.dirname(outDir), { recursive: true });

const ng = createRequire(import.meta.url).resolve('@angular/cli/bin/ng.js');
const ngArgs = ['build', '--configuration=production', `--base-href=${base}`];
const build = spawnSync(process.execPath, [ng, ...ngArgs, `--output-path=${workDir}`], {
  stdio: 'inherit',
});
if (build.status !== 0) {
  rmSync(workDir, { recursive: true, force: true });
  fail(`ng build failed (${build.status === null ? build.signal : `exit code ${build.status}`}).`);
}

const site = path.join(workDir, 'browser');
const builtBase = readBaseHref(readFileSync(path.join(site, 'index.html'), 'utf8'));
if (builtBase !== base) fail(`index.html has <base href="${builtBase}">, expected "${base}".`);
copyFileSync(path.join(site, 'index.html'), path.join(site, '404.html'));

rmSync(outDir, { recursive: true, force: true });
renameSync(site, outDir);
rmSync(workDir, { recursive: true, force: true });
console.log(
  `Built the site for ${base} into ${path.relative(process.cwd(), outDir)}/ ` +
    '(404.html is a copy of index.html, for deep links).',
);

/** @param {string} input */
function normalizeBasePathOrFail(input) {
  try {
    return normalizeBasePath(input);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`build-pages: ${message}`);
  process.exit(1);
}
