// Serve in Slack HTTP mode over a given store, with helpers to read /healthz and run a slash command.
import { createServer } from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { vi } from 'vitest';
import { readConfig } from '../../src/config.js';
import { startServe, type ServeHandle } from '../../src/serve.js';
import { offlineEnv } from '../cli/support/run-cli.js';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.js';
import { postSlashCommand, slashCommandFields } from '../fakes/slack-signed-request.js';

const SECRET = 'fault-signing-secret';

/** A running serve plus the fake Slack it talks to; `logs` is everything it wrote to stderr. */
export interface ServeUnderTest {
  handle: ServeHandle;
  slack: FakeSlackApi;
  logs(): string;
  health(): Promise<{ status: number; store?: string }>;
  /** Runs `/papers <text>` in `channel`; resolves with the answer text and how long it took. */
  command(text: string, channel: string): Promise<{ text: string; ms: number }>;
  stop(): Promise<void>;
}

let seq = 0;

/** Starts serve on `storeUrl` (Slack HTTP mode on a random port). */
export async function startServeOn(storeUrl: string): Promise<ServeUnderTest> {
  const slack = await startFakeSlackApi();
  slack.users.set('U1', { id: 'U1', name: 'alice', is_admin: true, tz: 'UTC' });
  let logs = '';
  const config = readConfig(
    await offlineEnv({ PAPERBOT_STORE_URL: storeUrl, SLACK_BOT_TOKEN: 'xoxb-fault', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, PORT: '0' }),
  );
  const handle = await startServe(config, { exit: vi.fn(), signals: [], stderr: { write: (line: string) => (logs += line) } });
  const port = handle.healthPort!;
  return {
    handle,
    slack,
    logs: () => logs,
    async health() {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(5000) });
      const body = (await res.json()) as { store?: string };
      return { status: res.status, store: body.store };
    },
    async command(text, channel) {
      const id = `fault-${++seq}`;
      const started = Date.now();
      const res = await postSlashCommand(
        `http://127.0.0.1:${port}/slack/events`,
        SECRET,
        slashCommandFields(text, slack.responseUrl(id), { channel_id: channel }),
      );
      const inAck = res.body.trim().length > 0 && !/^\{\s*\}$/.test(res.body.trim()) ? res.body : undefined;
      const answer = inAck ?? JSON.stringify((await slack.waitForResponse(id, 10_000)).body);
      return { text: answer, ms: Date.now() - started };
    },
    async stop() {
      await handle.shutdown('test cleanup');
      await slack.close();
    },
  };
}

/** Polls `check` until it resolves true or `ms` passed; resolves whether it did. */
export async function eventually(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A private redis-server on `port` without persistence; resolves once it accepts connections. */
export async function startRedisServer(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 10_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/Ready to accept connections/i.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited ${code}: ${out}`)));
  });
  return child;
}

/** Stops a process this test started and waits for it to exit. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}
