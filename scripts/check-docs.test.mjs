// @ts-check
/** Unit tests for check-docs.mjs (run with `npm run test:scripts`). */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

import {
  anchorsOf,
  checkDocs,
  FLOW_CODE,
  cleanPath,
  exercisesIn,
  namesIn,
  pathMentions,
  tableRows,
  testTitles,
} from './check-docs.mjs';

describe('pathMentions', () => {
  it('finds repository paths in code spans, prose and code blocks, with their lines', () => {
    const markdown = [
      'See `src/app/auth/auth-store.ts` and e2e/support/fixtures.ts.',
      '```bash',
      'npx playwright test e2e/navigation.spec.ts',
      '```',
    ].join('\n');
    assert.deepEqual(
      pathMentions(markdown).map(({ target, line }) => [target, line]),
      [
        ['src/app/auth/auth-store.ts', 1],
        ['e2e/support/fixtures.ts', 1],
        ['e2e/navigation.spec.ts', 3],
      ],
    );
  });

  it('reads relative links and images, and leaves URLs and Mermaid blocks alone', () => {
    const markdown = [
      '![The app](docs/shot.png) [guide](exercises.md#2-fire) [site](https://example.com/src/x)',
      '<img src="./docs/a.png" alt=""> <http://localhost:4200/>',
      '```mermaid',
      'A->>B: src/not/a/path',
      '```',
    ].join('\n');
    const links = pathMentions(markdown).filter((mention) => mention.kind === 'link');
    assert.deepEqual(
      links.map((mention) => mention.target),
      ['docs/shot.png', 'exercises.md#2-fire', './docs/a.png'],
    );
    assert.ok(!pathMentions(markdown).some((mention) => mention.target.startsWith('src/')));
  });

  it('takes a link written in a code span for an example', () => {
    const markdown = 'the absolute `<base href="/my-repo/">` and `[text](missing.md)`';
    assert.deepEqual(pathMentions(markdown), []);
  });

  it('does not read a path out of the middle of a longer one or a host name', () => {
    const markdown = 'https://user.github.io/repo/ and node_modules/x/src/y and ../src/z';
    assert.deepEqual(pathMentions(markdown), []);
  });
});

describe('cleanPath', () => {
  it('keeps the folder before a wildcard and drops sentence punctuation', () => {
    assert.equal(cleanPath('src/**/*.spec.ts'), 'src/');
    assert.equal(cleanPath('scripts/*.test.mjs'), 'scripts/');
    assert.equal(cleanPath('src/app/{a,b}.ts'), 'src/app/');
    assert.equal(cleanPath('src/main.ts.'), 'src/main.ts');
    assert.equal(cleanPath('e2e/support/tabs.ts:'), 'e2e/support/tabs.ts');
  });
});

describe('anchorsOf', () => {
  it("gives GitHub's anchors, numbering repeats", () => {
    const markdown =
      '# Title\n## 1. Watch a silent refresh\n## `auth/`: the core\n## Notes\n## Notes';
    assert.deepEqual(
      [...anchorsOf(markdown)],
      ['title', '1-watch-a-silent-refresh', 'auth-the-core', 'notes', 'notes-1'],
    );
  });
});

describe('tableRows and namesIn', () => {
  const markdown = [
    '## 4. Where each step lives',
    '',
    '| step | file | function |',
    '| ---- | ---- | -------- |',
    '| refresh | `src/a.ts` | `AuthStore.refresh()`, `#startRefresh()` |',
    '| guard | `src/b.ts` | `authGuard` and `isOwnApiUrl(url, base)`; not `POST api/x` or `401` |',
    '## Next',
    '| x | y |',
  ].join('\n');

  it('reads the rows under the heading, without header and separator', () => {
    const rows = tableRows(markdown, /^## 4\. Where each step lives/);
    assert.deepEqual(
      rows.map((row) => [row.line, row.cells[0]]),
      [
        [5, 'refresh'],
        [6, 'guard'],
      ],
    );
  });

  it('names the functions of code spans, not paths, HTTP lines or numbers', () => {
    assert.deepEqual(namesIn('`AuthStore.refresh()`, `#startRefresh()`'), [
      'AuthStore',
      'refresh',
      'startRefresh',
    ]);
    assert.deepEqual(
      namesIn('`authGuard` `isOwnApiUrl(url, base)` `POST api/x` `401` `src/a.ts`'),
      ['authGuard', 'isOwnApiUrl'],
    );
  });
});

describe('exercisesIn and testTitles', () => {
  it('pairs "## N. Name" headings with test titles', () => {
    assert.deepEqual(
      exercisesIn('# Exercises\n## Before you start\n## 1. Watch it\n\n## 12. Two tabs'),
      [
        { name: 'Watch it', line: 3 },
        { name: 'Two tabs', line: 5 },
      ],
    );
    const spec =
      "test.describe('x', () => {\n  test('Watch it', async () => {});\n  test(\n    \"Two tabs\",";
    assert.deepEqual(testTitles(spec), ['Watch it', 'Two tabs']);
  });
});

describe('checkDocs', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'check-docs-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  /** @param {Record<string, string>} files */
  function writeTree(files) {
    rmSync(root, { recursive: true, force: true });
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
  }

  const GOOD = {
    'src/app/store.ts': 'export class Store { refresh() {} #run() {} }',
    'docs/exercises.md': '# Exercises\n## 1. Watch it\nSee `src/app/store.ts`.',
    'e2e/exercises.spec.ts': "test('Watch it', async () => {});",
    'README.md': [
      '# App',
      '![shot](docs/exercises.md) [first](docs/exercises.md#1-watch-it)',
      '## 4. Where each step lives',
      '| step | where |',
      '| --- | --- |',
      '| refresh | `src/app/store.ts`: `Store.refresh()`, `#run()` |',
    ].join('\n'),
  };

  it('passes docs whose paths, functions and exercise tests all exist', () => {
    writeTree(GOOD);
    assert.deepEqual(checkDocs(root), []);
  });

  it('reports a missing path, a missing anchor, a missing function and a missing test', () => {
    writeTree({
      ...GOOD,
      'README.md': `${GOOD['README.md'].replace('#1-watch-it', '#2-gone')}, \`#gone()\` |\nSee \`src/app/old.ts\`.`,
      'e2e/exercises.spec.ts': "test('Watch it later', async () => {});",
    });
    const messages = checkDocs(root).map(
      ({ file, line, message }) => `${file}:${line}: ${message}`,
    );
    assert.deepEqual(messages, [
      'README.md:2: links to #2-gone, a heading docs/exercises.md lacks',
      'README.md:7: names src/app/old.ts, but src/app/old.ts does not exist',
      'README.md:6: names gone, which is not in src/app/store.ts',
      'docs/exercises.md:2: exercise "Watch it" has no test(\'Watch it\', …) in e2e/exercises.spec.ts',
      'e2e/exercises.spec.ts:1: test "Watch it later" is not an exercise in docs/exercises.md (name tests after exercises)',
    ]);
  });
});

describe("checkDocs and the flow diagram's code mapping", () => {
  const root = mkdtempSync(path.join(tmpdir(), 'check-flow-code-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  const README = [
    '# App',
    '## Where each step lives',
    '| step | file | function |',
    '| --- | --- | --- |',
    '| A 401 asks for a refresh | `src/app/interceptor.ts` | `ticketAfter401()`, `retryOnce` |',
  ].join('\n');

  /** @param {Record<string, { step: string, file: string, function: string }>} mapping */
  function problemsWith(
    mapping,
    readme = README,
    source = 'function ticketAfter401() {} const retryOnce = 1;',
  ) {
    rmSync(root, { recursive: true, force: true });
    const files = {
      'README.md': readme,
      'src/app/interceptor.ts': source,
      [FLOW_CODE]: JSON.stringify(mapping, null, 2),
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
    return checkDocs(root).map(({ file, line, message }) => `${file}:${line}: ${message}`);
  }

  const ASK = {
    step: 'A 401 asks for a refresh',
    file: 'src/app/interceptor.ts',
    function: 'ticketAfter401()',
  };

  it('passes a mapping whose steps, files and functions are those of the table', () => {
    assert.deepEqual(problemsWith({ ask: ASK, retry: { ...ASK, function: 'retryOnce' } }), []);
  });

  it('fails when the table renames a function the mapping still names', () => {
    const renamed = README.replaceAll('ticketAfter401', 'refreshAfter401');
    assert.deepEqual(
      problemsWith({ ask: ASK }, renamed, 'function refreshAfter401() {} let retryOnce;'),
      [
        `${FLOW_CODE}:2: "ask": ticketAfter401() is not a function of README's row "A 401 asks for a refresh" (line 5)`,
      ],
    );
  });

  it('fails for a step that is not a row, and for a file the row does not name', () => {
    assert.deepEqual(
      problemsWith({
        gone: { ...ASK, step: 'A 401 asks twice' },
        moved: { ...ASK, file: 'src/app/other.ts' },
      }),
      [
        `${FLOW_CODE}:2: "gone": README's "Where each step lives" has no row "A 401 asks twice"`,
        `${FLOW_CODE}:7: "moved": src/app/other.ts is not a file of README's row "A 401 asks for a refresh" (line 5)`,
      ],
    );
  });
});
