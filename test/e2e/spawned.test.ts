// The real executable, bin/paperbot.mjs, in its own process: a digest smoke test and serve + SIGTERM.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { closedPort, fixture, offlineEnv, tempDir } from '../cli/support/run-cli.js';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.js';
import { postSlashCommand, slashCommandFields } from '../fakes/slack-signed-request.js';

const BIN = resolve(import.meta.dirname, '../../bin/paperbot.mjs');

/** The child's environment: only what paperbot needs, never the ambient tokens of the test runner. */
function childEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...extra } as NodeJS.ProcessEnv;
}

interface Exited {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function collect(child: ChildProcess): { out: () => string; err: () => string; exited: Promise<Exited> } {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<Exited>((res) => child.on('close', (code, signal) => res({ code, signal, stdout, stderr })));
  return { out: () => stdout, err: () => stderr, exited };
}

describe('bin/paperbot.mjs in a child process', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    tmp = await tempDir();
  });
  afterAll(() => tmp.cleanup());

  it('digest --sources file:… --format json prints the digest and exits 0; the default SQLite store lands in ./data', async () => {
    const env = await offlineEnv({ PAPERBOT_STORE_URL: undefined });
    delete env.PAPERBOT_STORE_URL;
    const child = spawn(
      process.execPath,
      [BIN, 'digest', '--sources', `file:${fixture('hf-daily-papers-2026-06-12.json')}`, '--format', 'json', '--date', '2026-06-12', '--size', '2'],
      { cwd: tmp.dir, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const { exited } = collect(child);
    const result = await exited;
    expect(result.code, result.stderr).toBe(0);
    const digest = JSON.parse(result.stdout) as { date: string; items: Array<{ id: string; title: string; tldr: string; why: string }> };
    expect(digest.date).toBe('2026-06-12');
    expect(digest.items.length).toBeGreaterThan(0);
    expect(digest.items.length).toBeLessThanOrEqual(2);
    for (const item of digest.items) {
      expect(item.id).toMatch(/^\d{4}\.\d{5}$/);
      expect(item.title.length).toBeGreaterThan(0);
      expect(item.tldr.length).toBeGreaterThan(0);
    }
    const { existsSync } = await import('node:fs');
    expect(existsSync(resolve(tmp.dir, 'data/paperbot.sqlite'))).toBe(true);
  }, 60_000);

  it('reads a .env in the working directory, without overriding the environment', async () => {
    const dir = await tempDir();
    try {
      await dir.write('papers.json', [{ id: 'X-1', title: 'Env file paper', abstract: 'Loaded through PAPERBOT_SOURCES from .env.' }]);
      await dir.write('.env', 'PAPERBOT_SOURCES=file:./papers.json\nPAPERBOT_STORE_URL=memory://\nPAPERBOT_INTERESTS=from the env file\n');
      const env = await offlineEnv({ PAPERBOT_INTERESTS: 'from the environment' });
      delete env.PAPERBOT_STORE_URL;
      const child = spawn(process.execPath, [BIN, 'digest', '--format', 'json', '--threshold', '0'], { cwd: dir.dir, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
      const result = await collect(child).exited;
      expect(result.code, result.stderr).toBe(0);
      const digest = JSON.parse(result.stdout) as { interests: string; totalNew: number };
      expect(digest.interests).toBe('from the environment');
      expect(digest.totalNew).toBe(1);
    } finally {
      await dir.cleanup();
    }
  }, 60_000);

  it('bad input exits 2 from the real process too', async () => {
    const child = spawn(process.execPath, [BIN, 'digest', '--date', '2026-13-01'], { cwd: tmp.dir, env: childEnv(await offlineEnv()), stdio: ['ignore', 'pipe', 'pipe'] });
    const result = await collect(child).exited;
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--date: "2026-13-01" is not a valid date/);
  }, 60_000);

  describe('serve', () => {
    let slack: FakeSlackApi;
    beforeAll(async () => {
      slack = await startFakeSlackApi();
    });
    afterAll(() => slack.close());

    it('serves /healthz, then exits 0 on SIGTERM', async () => {
      const env = await offlineEnv({ SLACK_BOT_TOKEN: 'xoxb-spawned', SLACK_SIGNING_SECRET: 'spawned-secret', SLACK_API_URL: slack.apiUrl, PORT: '0', PAPERBOT_LOG_LEVEL: 'info' });
      const child = spawn(process.execPath, [BIN, 'serve'], { cwd: tmp.dir, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
      const io = collect(child);
      try {
        // The "paperbot serving" log line carries the port picked for PORT=0.
        const port = await new Promise<number>((res, rej) => {
          const timer = setTimeout(() => rej(new Error(`serve did not start:\n${io.err()}`)), 30_000);
          const check = () => {
            const line = io.err().split('\n').find((l) => l.includes('"msg":"paperbot serving"'));
            if (line) {
              clearTimeout(timer);
              res((JSON.parse(line) as { healthPort: number }).healthPort);
            }
          };
          child.stderr!.on('data', check);
          child.on('close', () => rej(new Error(`serve exited early:\n${io.err()}`)));
        });
        const health = await fetch(`http://127.0.0.1:${port}/healthz`);
        expect(health.status).toBe(200);
        expect(await health.json()).toMatchObject({ ok: true, store: 'ok', adapters: { slack: 'connected' } });

        child.kill('SIGTERM');
        const result = await io.exited;
        expect(result.signal).toBeNull();
        expect(result.code, result.stderr).toBe(0);
        expect(result.stderr).not.toContain('xoxb-spawned');
        expect(result.stderr).not.toContain('spawned-secret');
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    }, 60_000);

    // /healthz is what an orchestrator waits on before sending traffic: its first 200 must mean
    // the bot already answers Slack.
    it('answers a slash command sent the moment /healthz first answers 200', async () => {
      const port = await closedPort();
      const env = await offlineEnv({ SLACK_BOT_TOKEN: 'xoxb-spawned', SLACK_SIGNING_SECRET: 'spawned-secret', SLACK_API_URL: slack.apiUrl, PORT: String(port) });
      const child = spawn(process.execPath, [BIN, 'serve'], { cwd: tmp.dir, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
      const io = collect(child);
      try {
        const deadline = Date.now() + 30_000;
        for (;;) {
          if (child.exitCode !== null) throw new Error(`serve exited early:\n${io.err()}`);
          if (Date.now() > deadline) throw new Error(`/healthz never answered 200:\n${io.err()}`);
          const status = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) }).then((r) => r.status, () => 0);
          if (status === 200) break;
          await new Promise((r) => setTimeout(r, 5));
        }
        const ack = await postSlashCommand(`http://127.0.0.1:${port}/slack/events`, 'spawned-secret', slashCommandFields('subscribe diffusion models', slack.responseUrl('right-after-healthz'), { user_id: 'U1', channel_id: 'C0READY' }));
        expect(ack.status).toBe(200);
        const response = await slack.waitForResponse('right-after-healthz', 15_000);
        expect(JSON.stringify(response.body)).toContain('Subscribed');
      } finally {
        child.kill('SIGTERM');
        await io.exited;
      }
    }, 60_000);

    it('without a chat platform exits 2 naming SLACK_BOT_TOKEN and DISCORD_TOKEN', async () => {
      const child = spawn(process.execPath, [BIN, 'serve'], { cwd: tmp.dir, env: childEnv(await offlineEnv({ PORT: '0' })), stdio: ['ignore', 'pipe', 'pipe'] });
      const result = await collect(child).exited;
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/SLACK_BOT_TOKEN.*DISCORD_TOKEN/s);
    }, 60_000);
  });
});
