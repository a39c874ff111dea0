#!/usr/bin/env node
// @ts-check
/**
 * Keeps README.md and docs/ true to the code (run by `npm run lint`):
 *
 * 1. every repository path they name exists: `src/…`, `e2e/…`, `docs/…`, `scripts/…`, `bench/…`,
 *    `.github/…` and `public/…` in code spans, code blocks and prose (relative to the repository),
 *    and every relative link or image (relative to the Markdown file), with its `#anchor`;
 *    a glob such as `src/**\/*.spec.ts` needs the folder before its first wildcard, and a path that
 *    git ignores (a build or bench output) may be missing;
 * 2. in README's "Where each step lives" table, every function a row names is in a file of that row;
 * 3. every exercise in docs/exercises.md (`## N. Name`) has an e2e test called `Name` in
 *    e2e/exercises.spec.ts, and every test there is an exercise;
 * 4. the flow diagram's code mapping (src/app/devtools/flow/flow-code.json, keyed by step kind)
 *    agrees with that table: each entry's `step` is a row, and its file and function are that row's.
 *
 *   node scripts/check-docs.mjs
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** @typedef {{ file: string, line: number, message: string }} Problem */
/** @typedef {{ target: string, line: number, kind: 'repo' | 'link' }} PathMention */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const STEP_TABLE_HEADING = /^##\s+\d*\.?\s*Where each step lives/;
const EXERCISES = 'docs/exercises.md';
const EXERCISE_SPEC = 'e2e/exercises.spec.ts';
export const FLOW_CODE = 'src/app/devtools/flow/flow-code.json';

const REPO_PATH = /(?<![\w./-])((?:src|e2e|docs|scripts|bench|\.github|public)\/[\w./*{}-]*)/g;
const INLINE_CODE = /`([^`\n]+)`/g;
const MARKDOWN_LINK = /!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const HTML_LINK = /\b(?:src|href)="([^"]+)"/g;

/**
 * Every path a Markdown text names, with its line: `repo` paths anywhere outside Mermaid blocks,
 * and `link` targets of Markdown and HTML links (external URLs left out).
 * @param {string} markdown
 * @returns {PathMention[]}
 */
export function pathMentions(markdown) {
  /** @type {PathMention[]} */
  const found = [];
  let fence = /** @type {string | null} */ (null);
  for (const [index, text] of markdown.split('\n').entries()) {
    const line = index + 1;
    const fenceMark = /^\s*(```|~~~)\s*([\w-]*)/.exec(text);
    if (fenceMark) {
      fence = fence === null ? fenceMark[2] || 'text' : null;
      continue;
    }
    if (fence === 'mermaid') continue;
    for (const [, target] of text.matchAll(REPO_PATH)) {
      found.push({ target: cleanPath(target), line, kind: 'repo' });
    }
    if (fence !== null) continue;
    // A link written inside a code span (`<base href="/repo/">`) is an example, not a link.
    const prose = text.replace(INLINE_CODE, '');
    for (const pattern of [MARKDOWN_LINK, HTML_LINK]) {
      for (const [, target] of prose.matchAll(pattern)) {
        if (!/^[a-z][\w+.-]*:/i.test(target)) found.push({ target, line, kind: 'link' });
      }
    }
  }
  return found;
}

/**
 * A repository path as it can be checked: cut at its first wildcard, without trailing
 * punctuation of the sentence around it.
 * @param {string} raw
 */
export function cleanPath(raw) {
  const wildcard = raw.search(/[*{]/);
  const cut = wildcard === -1 ? raw : raw.slice(0, wildcard);
  return cut.replace(/[.,;:]+$/, '');
}

/**
 * GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens.
 * @param {string} heading
 */
export function headingAnchor(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/**
 * The anchors of every heading in a Markdown text (repeats get `-1`, `-2`, … as on GitHub).
 * @param {string} markdown
 * @returns {Set<string>}
 */
export function anchorsOf(markdown) {
  const anchors = new Set();
  /** @type {Map<string, number>} */
  const seen = new Map();
  let inFence = false;
  for (const text of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(text)) inFence = !inFence;
    const heading = inFence ? null : /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(text);
    if (!heading) continue;
    const base = headingAnchor(heading[1]);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/**
 * The rows of the table under `heading` (a regex for the `##` line): each row's cells, with its
 * line. The header and separator rows are left out.
 * @param {string} markdown
 * @param {RegExp} heading
 * @returns {{ cells: string[], line: number }[]}
 */
export function tableRows(markdown, heading) {
  const lines = markdown.split('\n');
  const start = lines.findIndex((text) => heading.test(text));
  if (start === -1) return [];
  /** @type {{ cells: string[], line: number }[]} */
  const rows = [];
  for (let i = start + 1; i < lines.length && !/^##\s/.test(lines[i]); i++) {
    if (!lines[i].trim().startsWith('|')) continue;
    const cells = splitRow(lines[i]);
    if (cells.every((cell) => /^:?-+:?$/.test(cell))) continue;
    rows.push({ cells, line: i + 1 });
  }
  return rows.slice(1);
}

/** @param {string} row */
function splitRow(row) {
  // A `|` inside a code span is written `\|` in a table; keep it in its cell.
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

/**
 * The names a table cell mentions in code spans: `AuthStore.refresh()` gives `AuthStore` and
 * `refresh`, `#startRefresh()` gives `startRefresh`. Spans that are paths, HTTP lines or sentences
 * are skipped.
 * @param {string} cell
 * @returns {string[]}
 */
export function namesIn(cell) {
  /** @type {string[]} */
  const names = [];
  for (const [, span] of cell.matchAll(INLINE_CODE)) {
    const call = /^(#?[A-Za-z_$][\w$]*(?:\.#?[A-Za-z_$][\w$]*)*)(?:\([^()]*\))?$/.exec(span.trim());
    if (call) names.push(...call[1].split('.').map((segment) => segment.replace(/^#/, '')));
  }
  return names;
}

/**
 * The exercises of docs/exercises.md (`## 3. Replay a stolen refresh token`): name and line.
 * @param {string} markdown
 * @returns {{ name: string, line: number }[]}
 */
export function exercisesIn(markdown) {
  return markdown.split('\n').flatMap((text, index) => {
    const name = /^##\s+\d+\.\s+(.+?)\s*$/.exec(text)?.[1];
    return name ? [{ name, line: index + 1 }] : [];
  });
}

/**
 * The titles of the tests in a Playwright spec (`test('Title', …)`, not `test.describe`).
 * @param {string} source
 */
export function testTitles(source) {
  return [...source.matchAll(/\btest\(\s*(['"`])((?:(?!\1).)+)\1/g)].map((match) => match[2]);
}

/**
 * Checks the Markdown files under `root` (README.md and docs/**\/*.md).
 * @param {string} root
 * @returns {Problem[]}
 */
export function checkDocs(root) {
  const files = ['README.md', ...markdownFilesUnder(root, 'docs')];
  /** @type {Problem[]} */
  const problems = [];
  for (const file of files) {
    const markdown = readFileSync(path.join(root, file), 'utf8');
    problems.push(...checkPaths(root, file, markdown));
    if (file === 'README.md') {
      problems.push(...checkStepTable(root, file, markdown));
      problems.push(...checkFlowCode(root, markdown));
    }
  }
  problems.push(...checkExercises(root));
  return problems;
}

/**
 * @param {string} root
 * @param {string} file
 * @param {string} markdown
 * @returns {Problem[]}
 */
function checkPaths(root, file, markdown) {
  /** @type {Problem[]} */
  const problems = [];
  for (const { target, line, kind } of pathMentions(markdown)) {
    const [pathPart, anchor] = splitAnchor(target);
    const resolved =
      kind === 'repo'
        ? path.join(root, pathPart)
        : pathPart === ''
          ? path.join(root, file)
          : path.resolve(path.dirname(path.join(root, file)), decodeURI(pathPart));
    const shown = path.relative(root, resolved) || '.';
    if (!existsSync(resolved)) {
      if (!isIgnored(root, resolved)) {
        problems.push({ file, line, message: `names ${target}, but ${shown} does not exist` });
      }
      continue;
    }
    if (anchor && resolved.endsWith('.md')) {
      const anchors = anchorsOf(readFileSync(resolved, 'utf8'));
      if (!anchors.has(anchor)) {
        problems.push({ file, line, message: `links to #${anchor}, a heading ${shown} lacks` });
      }
    }
  }
  return problems;
}

/** @param {string} target @returns {[string, string]} */
function splitAnchor(target) {
  const hash = target.indexOf('#');
  return hash === -1 ? [target, ''] : [target.slice(0, hash), target.slice(hash + 1)];
}

/**
 * @param {string} root
 * @param {string} file
 * @param {string} markdown
 * @returns {Problem[]}
 */
function checkStepTable(root, file, markdown) {
  const rows = tableRows(markdown, STEP_TABLE_HEADING);
  if (rows.length === 0) {
    return [{ file, line: 1, message: 'has no "Where each step lives" table with rows' }];
  }
  /** @type {Problem[]} */
  const problems = [];
  for (const { cells, line } of rows) {
    const sources = cells.flatMap((cell) =>
      pathMentions(cell)
        .filter((mention) => mention.kind === 'repo' && /\.\w+$/.test(mention.target))
        .map((mention) => path.join(root, mention.target)),
    );
    const texts = sources
      .filter((source) => existsSync(source))
      .map((source) => readFileSync(source, 'utf8'));
    if (sources.length === 0) {
      problems.push({ file, line, message: 'a "Where each step lives" row names no file' });
      continue;
    }
    for (const name of cells.flatMap(namesIn)) {
      const word = new RegExp(`(?<![\\w$])#?${name}(?![\\w$])`);
      if (!texts.some((text) => word.test(text))) {
        const where = sources.map((source) => path.relative(root, source)).join(', ');
        problems.push({ file, line, message: `names ${name}, which is not in ${where}` });
      }
    }
  }
  return problems;
}

/**
 * The flow diagram's mapping against README's table: the step must be a row (its first cell, word
 * for word), the file one of the row's files, the function one the row names.
 * @param {string} root
 * @param {string} markdown README.md
 * @returns {Problem[]}
 */
export function checkFlowCode(root, markdown) {
  const mappingPath = path.join(root, FLOW_CODE);
  if (!existsSync(mappingPath)) return [];
  const source = readFileSync(mappingPath, 'utf8');
  /** @type {Record<string, { step: string, file: string, function: string }>} */
  const mapping = JSON.parse(source);
  const rows = tableRows(markdown, STEP_TABLE_HEADING);
  /** @type {Problem[]} */
  const problems = [];
  for (const [kind, ref] of Object.entries(mapping)) {
    const line = source.split('\n').findIndex((text) => text.includes(`"${kind}":`)) + 1;
    const problem = (/** @type {string} */ message) =>
      problems.push({ file: FLOW_CODE, line, message: `"${kind}": ${message}` });
    const row = rows.find(({ cells }) => cells[0] === ref.step);
    if (!row) {
      problem(`README's "Where each step lives" has no row "${ref.step}"`);
      continue;
    }
    const files = row.cells.flatMap((cell) => pathMentions(cell).map((m) => m.target));
    const names = row.cells.slice(1).flatMap(namesIn);
    if (!files.includes(ref.file)) {
      problem(`${ref.file} is not a file of README's row "${ref.step}" (line ${row.line})`);
    }
    const missing = namesIn(`\`${ref.function}\``).filter((name) => !names.includes(name));
    if (missing.length > 0) {
      problem(`${ref.function} is not a function of README's row "${ref.step}" (line ${row.line})`);
    }
  }
  return problems;
}

/**
 * @param {string} root
 * @returns {Problem[]}
 */
function checkExercises(root) {
  if (!existsSync(path.join(root, EXERCISES))) return [];
  const exercises = exercisesIn(readFileSync(path.join(root, EXERCISES), 'utf8'));
  const names = exercises.map((exercise) => exercise.name);
  const specPath = path.join(root, EXERCISE_SPEC);
  const tests = existsSync(specPath) ? testTitles(readFileSync(specPath, 'utf8')) : [];
  /** @type {Problem[]} */
  const problems = [];
  if (exercises.length === 0) {
    problems.push({ file: EXERCISES, line: 1, message: 'has no "## N. Name" exercises' });
  }
  for (const { name, line } of exercises.filter((exercise) => !tests.includes(exercise.name))) {
    problems.push({
      file: EXERCISES,
      line,
      message: `exercise "${name}" has no test('${name}', …) in ${EXERCISE_SPEC}`,
    });
  }
  for (const title of tests.filter((test) => !names.includes(test))) {
    problems.push({
      file: EXERCISE_SPEC,
      line: 1,
      message: `test "${title}" is not an exercise in ${EXERCISES} (name tests after exercises)`,
    });
  }
  return problems;
}

/**
 * @param {string} root
 * @param {string} folder
 * @returns {string[]}
 */
function markdownFilesUnder(root, folder) {
  const dir = path.join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(folder, name))
    .sort();
}

/**
 * True when git ignores the path (a build or bench output that a fresh checkout lacks).
 * @param {string} root
 * @param {string} absolute
 */
function isIgnored(root, absolute) {
  const result = spawnSync('git', ['check-ignore', '-q', '--no-index', absolute], { cwd: root });
  return result.status === 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = checkDocs(ROOT);
  for (const { file, line, message } of problems) console.error(`${file}:${line}: ${message}`);
  if (problems.length > 0) {
    console.error(`check-docs: ${problems.length} problem(s) in README.md and docs/.`);
    process.exit(1);
  }
  console.log(
    'check-docs: every path, step-table function, flow mapping and exercise test in the docs is there.',
  );
}
