// @ts-check
/**
 * Guards the Bootstrap subset in styles.scss (run with `npm run test:scripts`): every Bootstrap
 * class that a template or component uses must still be in the compiled CSS. A class added to a
 * template without its Bootstrap part fails here, with the class and the file, instead of
 * rendering unstyled.
 *
 * A class counts as used when it is in a `class` attribute or `class:` property, a
 * `[class.x]` binding, a `routerLinkActive` value, or a TypeScript string made only of Bootstrap
 * class names with at least one dash (what `[class]="…"` bindings return, e.g. 'text-bg-success').
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import * as sass from 'sass';

const SRC = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(SRC);
/** The same as angular.json's stylePreprocessorOptions. */
const SASS_OPTIONS = {
  loadPaths: [path.join(ROOT, 'node_modules')],
  silenceDeprecations: /** @type {sass.DeprecationOrId[]} */ ([
    'import',
    'global-builtin',
    'color-functions',
    'if-function',
  ]),
  style: /** @type {const} */ ('compressed'),
};

describe('the Bootstrap subset in src/styles.scss', () => {
  // Bootstrap's own build of the same version: every class full Bootstrap has.
  const fullBootstrap = classesIn(
    readFileSync(path.join(ROOT, 'node_modules/bootstrap/dist/css/bootstrap.css'), 'utf8'),
  );
  const subset = classesIn(sass.compile(path.join(SRC, 'styles.scss'), SASS_OPTIONS).css);

  it('styles every Bootstrap class the app uses', () => {
    const missing = [...usedClasses(fullBootstrap)]
      .filter(([name]) => fullBootstrap.has(name) && !subset.has(name))
      .map(([name, files]) => `.${name} (${[...files].join(', ')})`);
    assert.deepEqual(
      missing,
      [],
      'src/styles.scss leaves these classes out: import their Bootstrap part, or add their ' +
        'utility, color or breakpoint to the lists there',
    );
  });

  it('is a real subset: well under half of full Bootstrap', () => {
    assert.ok(subset.size < fullBootstrap.size / 2, `${subset.size} of ${fullBootstrap.size}`);
  });
});

/**
 * Class names in a style sheet.
 * @param {string} css
 */
function classesIn(css) {
  return new Set([...css.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((match) => match[1]));
}

/**
 * Classes the app's templates and components use, each with the files that use it.
 * @param {Set<string>} bootstrapClasses to recognise class names in plain strings
 * @returns {Map<string, Set<string>>}
 */
export function usedClasses(bootstrapClasses) {
  /** @type {Map<string, Set<string>>} */
  const used = new Map();
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter(
    (file) => /\.(?:html|ts)$/.test(file) && !file.endsWith('.spec.ts'),
  );
  for (const file of files) {
    for (const name of classesInSource(
      readFileSync(path.join(SRC, file), 'utf8'),
      bootstrapClasses,
    )) {
      if (!used.has(name)) used.set(name, new Set());
      used.get(name)?.add(file);
    }
  }
  return used;
}

/**
 * @param {string} source a template or a TypeScript file
 * @param {Set<string>} bootstrapClasses
 * @returns {string[]}
 */
export function classesInSource(source, bootstrapClasses) {
  const names = [];
  for (const match of source.matchAll(/\b(?:class|routerLinkActive)\s*[=:]\s*(["'`])(.*?)\1/gs)) {
    names.push(...match[2].split(/\s+/).filter((name) => /^[\w-]+$/.test(name)));
  }
  for (const match of source.matchAll(/\[class\.([\w-]+)\]/g)) names.push(match[1]);
  for (const match of source.matchAll(/(["'])([a-z][\w -]*)\1/g)) {
    const tokens = match[2].trim().split(/\s+/);
    if (
      tokens.every((token) => bootstrapClasses.has(token)) &&
      tokens.some((t) => t.includes('-'))
    ) {
      names.push(...tokens);
    }
  }
  return names;
}
