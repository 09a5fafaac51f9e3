import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { freePort } from '@app/testing';

const MAIN = join(__dirname, '../testing/kit-test.main.ts');
const ROOT = join(__dirname, '../../../..');

function start(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', MAIN], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

async function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode, signal: child.signalCode };
  const [code, signal] = await once(child, 'exit');
  return { code, signal };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('bootstrapService (a real process)', () => {
  it('stops with exit code 1 and a message naming a malformed variable', async () => {
    const { child, output } = start({ KAFKA_BROKERS: 'no-port-here' });
    expect(await exitOf(child)).toEqual({ code: 1, signal: null });
    expect(output()).toContain('Invalid configuration: KAFKA_BROKERS must be a comma-separated list of host:port');
  });

  it('refuses a shifted clock in production', async () => {
    const { child, output } = start({
      NODE_ENV: 'production',
      CLOCK_OFFSET: '+40d',
      JWT_SECRET: 'production-secret-0123456789abcdef',
      PSEUDONYM_SECRET: 'production-pseudonym-0123456789',
    });
    expect(await exitOf(child)).toEqual({ code: 1, signal: null });
    expect(output()).toContain('CLOCK_OFFSET must be empty in production');
  });

  it('listens on PORT with health, docs and JSON logs, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const { child, output } = start({ PORT: String(port) });
    try {
      await waitFor(() => output().includes('listening on'), 30_000);
      const live = await fetch(`http://127.0.0.1:${port}/health/live`);
      expect(live.status).toBe(200);
      const docs = await fetch(`http://127.0.0.1:${port}/docs/json`);
      const document = (await docs.json()) as { components: { securitySchemes: Record<string, { scheme: string }> } };
      expect(document.components.securitySchemes.bearer.scheme).toBe('bearer');
      const listening = output()
        .split('\n')
        .find((line) => line.includes('listening on'));
      expect(JSON.parse(listening!)).toMatchObject({ service: 'kit-main', msg: `kit-main listening on http://127.0.0.1:${port} (OpenAPI at /docs)` });
    } finally {
      child.kill('SIGTERM');
    }
    // Nest closes the app (hooks, connections), then re-raises the signal it caught.
    expect(await exitOf(child)).toEqual({ code: null, signal: 'SIGTERM' });
    expect(output()).not.toMatch(/"level":(50|60)/);
  });

  it('applies the 1 MiB JSON limit and the input check in the real process, as in the test apps', async () => {
    const port = await freePort();
    const { child, output } = start({ PORT: String(port) });
    const post = (bytes: number) =>
      fetch(`http://127.0.0.1:${port}/no-such-route`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ blob: 'x'.repeat(bytes - '{"blob":""}'.length) }),
      });
    try {
      await waitFor(() => output().includes('listening on'), 30_000);
      // Parsed (then 404: no such route), where body-parser's default 100 kB would have refused it.
      expect((await post(1024 * 1024)).status).toBe(404);
      const tooLarge = await post(1024 * 1024 + 1);
      expect(tooLarge.status).toBe(413);
      expect(await tooLarge.json()).toEqual({ error: { code: 'REQUEST.TOO_LARGE', message: 'request entity too large', details: [] } });
      const nul = await fetch(`http://127.0.0.1:${port}/health/live?q=%00`);
      expect(nul.status).toBe(400);
      expect(((await nul.json()) as { error: { details: unknown[] } }).error.details).toEqual([expect.objectContaining({ field: 'q', code: 'NUL_CHARACTER' })]);
    } finally {
      child.kill('SIGTERM');
    }
    await exitOf(child);
  });
});
