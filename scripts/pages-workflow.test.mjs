// @ts-check
/**
 * Checks .github/workflows/pages.yml without GitHub: it parses as YAML, every action is pinned,
 * and it tests, builds and deploys in the right order with the right permissions.
 * Run with `npm run test:scripts`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { parseDocument } from 'yaml';

const WORKFLOW = new URL('../.github/workflows/pages.yml', import.meta.url);

/** @typedef {{ uses?: string, run?: string, id?: string, with?: Record<string, unknown>, env?: Record<string, string> }} Step */
/** @typedef {{ needs?: string | string[], permissions?: Record<string, string>, environment?: { name: string }, steps: Step[] }} Job */

function loadWorkflow() {
  const document = parseDocument(readFileSync(WORKFLOW, 'utf8'), { uniqueKeys: true });
  assert.deepEqual(
    document.errors.map((error) => error.message),
    [],
    'pages.yml is valid YAML',
  );
  return /** @type {{ on: any, concurrency: any, jobs: Record<string, Job> }} */ (document.toJS());
}

/** @param {Job} job @param {(step: Step) => boolean} match */
function indexOfStep(job, match) {
  const index = job.steps.findIndex(match);
  assert.notEqual(index, -1, 'step is present');
  return index;
}

describe('pages workflow', () => {
  const workflow = loadWorkflow();
  const { build, deploy } = workflow.jobs;

  it('runs on pushes to main and by hand, one deployment at a time', () => {
    assert.deepEqual(workflow.on.push.branches, ['main']);
    assert.ok('workflow_dispatch' in workflow.on);
    assert.equal(workflow.concurrency['cancel-in-progress'], false);
  });

  it('pins every action to a major version or a commit', () => {
    const uses = Object.values(workflow.jobs).flatMap((job) => job.steps.map((s) => s.uses));
    for (const action of uses.filter((u) => u !== undefined)) {
      assert.match(action, /^[\w.-]+\/[\w.-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/, action);
    }
  });

  it('installs, tests, then builds for the Pages path and uploads that build', () => {
    const order = [
      indexOfStep(build, (s) => s.run === 'npm ci'),
      indexOfStep(build, (s) => s.run === 'npm test'),
      indexOfStep(build, (s) => s.uses?.startsWith('actions/configure-pages@') ?? false),
      indexOfStep(build, (s) => s.run?.startsWith('npm run build:pages -- --base ') ?? false),
      indexOfStep(build, (s) => s.uses?.startsWith('actions/upload-pages-artifact@') ?? false),
    ];
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
      'steps run in this order',
    );

    const buildStep = build.steps[order[3]];
    const out = /--out (\S+)/.exec(buildStep.run ?? '')?.[1];
    assert.equal(build.steps[order[4]].with?.['path'], out, 'uploads the folder it built');
    const configure = build.steps[order[2]];
    assert.equal(buildStep.env?.['BASE_PATH'], `\${{ steps.${configure.id}.outputs.base_path }}`);
  });

  it('deploys after the build, with only the permissions deploying needs', () => {
    assert.equal(deploy.needs, 'build');
    assert.deepEqual(deploy.permissions, { pages: 'write', 'id-token': 'write' });
    assert.equal(deploy.environment?.name, 'github-pages');
    assert.ok(deploy.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@')));
    assert.ok(!('id-token' in (build.permissions ?? {})), 'the build job cannot mint tokens');
  });
});
