import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';

const MAIN = path.join(__dirname, 'main.ts');

function start(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function exited(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stderr };
}

/** Resolves when pino logs Fastify's "Server listening at …" line (stdout keeps flowing). */
function listening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('Server listening at')) resolve();
    });
    child.once('exit', () => reject(new Error(`the server stopped before it listened: ${stdout}`)));
  });
}

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  await once(probe, 'close');
  return port;
}

describe('npm run server (server/main.ts)', () => {
  it('stops with one clear line when the port is taken', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const { port } = taken.address() as { port: number };
    try {
      const { code, stderr } = await exited(start({ PORT: String(port) }));
      assert.equal(code, 1);
      assert.equal(
        stderr,
        `server: Port ${port} is in use on 127.0.0.1: stop what uses it, or set PORT.\n`,
      );
    } finally {
      taken.close();
    }
  });

  it('stops with one clear line on bad configuration', async () => {
    const { code, stderr } = await exited(start({ PORT: 'eighty' }));
    assert.equal(code, 1);
    assert.equal(stderr, 'server: PORT must be a whole number from 1 to 65535, not "eighty".\n');
  });

  it('answers once started, and exits cleanly on SIGTERM', async () => {
    const port = await freePort();
    const child = start({ PORT: String(port), LOG_LEVEL: 'info' });
    const result = exited(child);
    await listening(child);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    assert.equal(health.status, 200);
    child.kill('SIGTERM');
    const { code, stderr } = await result;
    assert.equal(code, 0);
    assert.equal(stderr, '');
  });
});
