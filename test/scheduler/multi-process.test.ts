// Real processes: crash-and-restart on a persistent store (SQLite always, Redis when
// PAPERBOT_TEST_REDIS_URL is set), and two `serve` instances racing on one Redis.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';

interface Recorded {
  channelKey: string;
  label: string;
  worker: string;
}

/** The stand-in chat API: records posts; /ready holds each caller until `barrier` callers arrived. */
async function startChatApi(options: { barrier?: number; delayMs?: number } = {}) {
  const posts: Recorded[] = [];
  let waiting: Array<() => void> = [];
  let seq = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.url === '/ready') {
        waiting.push(() => res.writeHead(204).end());
        if (waiting.length >= (options.barrier ?? 1)) {
          waiting.forEach((go) => go());
          waiting = [];
        }
        return;
      }
      const post = JSON.parse(body) as Recorded;
      setTimeout(() => {
        posts.push(post);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ threadId: `m${++seq}` }));
      }, options.delayMs ?? 0);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, posts, close: () => new Promise<void>((r) => server.close(() => r())) };
}

interface WorkerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function worker(env: Record<string, string>): Promise<WorkerExit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/run-ts.mjs', 'test/scheduler/race-worker.ts'], {
      cwd: process.cwd(),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

const labelsIn = (posts: Recorded[], key: string) => posts.filter((p) => p.channelKey === key).map((p) => p.label);

const tmp = mkdtempSync(join(tmpdir(), 'paperbot-mp-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const redisUrl = process.env.PAPERBOT_TEST_REDIS_URL;
const backends: Array<[string, () => string]> = [['sqlite', () => `sqlite://${join(tmp, `${randomUUID()}.sqlite`)}`]];
if (redisUrl) backends.push(['redis', () => redisUrl]);

describe.each(backends)('kill the process mid-digest and restart (%s)', (_name, storeUrl) => {
  it('after k of n posts the process dies; the restarted one posts the rest: each message exactly once', async () => {
    const chat = await startChatApi();
    const url = storeUrl();
    const prefix = `crash-${randomUUID().slice(0, 8)}-`;
    const key = `console:${prefix}0`;
    const base = { STORE_URL: url, PREFIX: prefix, CHAT_URL: chat.url, NOW: '2026-04-27T09:00:00Z', PAPERS: '4', LOCK_TTL_MS: '4000' };
    try {
      expect((await worker({ ...base, MODE: 'seed', CHANNELS: '1' })).code).toBe(0);

      const crashed = await worker({ ...base, MODE: 'run', WORKER: 'first', CRASH_AFTER: '2' });
      expect(crashed.signal).toBe('SIGKILL');
      expect(labelsIn(chat.posts, key)).toHaveLength(2);

      // The dead process's lock blocks its digest until it expires (LOCK_TTL_MS), then the restart resumes.
      const early = await worker({ ...base, MODE: 'run', WORKER: 'early', NOW: '2026-04-27T09:01:00Z' });
      expect(early.code, early.stderr).toBe(0);
      const blocked = JSON.parse(early.stdout) as { skipped: Record<string, string> };
      if (blocked.skipped[key] !== 'locked') console.warn('restart came after the lock expired; nothing to check for "locked"');
      await new Promise((r) => setTimeout(r, Number(base.LOCK_TTL_MS) + 200));
      expect(labelsIn(chat.posts, key)).toHaveLength(2);

      const restarted = await worker({ ...base, MODE: 'run', WORKER: 'second', NOW: '2026-04-27T09:03:00Z' });
      expect(restarted.code, restarted.stderr).toBe(0);
      const expected = ['header@2026-04-27', ...[1, 2, 3, 4].map((i) => `paper:console${prefix.replace(/\W/g, '')}0.2026-04-27.${i}`)];
      expect(labelsIn(chat.posts, key)).toEqual(expected);
      expect(chat.posts.map((p) => p.worker)).toEqual(['first', 'first', 'second', 'second', 'second']);

      const third = await worker({ ...base, MODE: 'run', WORKER: 'third', NOW: '2026-04-27T10:00:00Z' });
      expect(third.code, third.stderr).toBe(0);
      expect(labelsIn(chat.posts, key)).toHaveLength(5);
    } finally {
      await worker({ ...base, MODE: 'cleanup' });
      await chat.close();
    }
  }, 120_000);
});

describe.skipIf(!redisUrl)('two serve instances on one Redis (PAPERBOT_TEST_REDIS_URL)', () => {
  it('race for the same due subscriptions: exactly one digest per channel', async () => {
    const chat = await startChatApi({ barrier: 2, delayMs: 15 });
    const prefix = `race-${randomUUID().slice(0, 8)}-`;
    const channels = 6;
    const base = { STORE_URL: redisUrl!, PREFIX: prefix, CHAT_URL: chat.url, NOW: '2026-04-27T09:00:00Z', PAPERS: '3' };
    try {
      expect((await worker({ ...base, MODE: 'seed', CHANNELS: String(channels) })).code).toBe(0);
      const [a, b] = await Promise.all([
        worker({ ...base, MODE: 'run', WORKER: 'a' }),
        worker({ ...base, MODE: 'run', WORKER: 'b' }),
      ]);
      expect(a.code, a.stderr).toBe(0);
      expect(b.code, b.stderr).toBe(0);
      const reports = [JSON.parse(a.stdout), JSON.parse(b.stdout)] as Array<{ outcomes: Record<string, { status: string }> }>;
      for (let i = 0; i < channels; i++) {
        const key = `console:${prefix}${i}`;
        const labels = labelsIn(chat.posts, key);
        expect(labels, key).toHaveLength(4);
        expect(new Set(labels).size, key).toBe(4);
        // Exactly one instance posted this channel's digest.
        expect(new Set(chat.posts.filter((p) => p.channelKey === key).map((p) => p.worker)).size).toBe(1);
        expect(reports.filter((r) => r.outcomes[key]?.status === 'done')).toHaveLength(1);
      }
      console.log(
        'race split:',
        ['a', 'b'].map((w) => `${w}=${new Set(chat.posts.filter((p) => p.worker === w).map((p) => p.channelKey)).size}`).join(' '),
      );
    } finally {
      await worker({ ...base, MODE: 'cleanup' });
      await chat.close();
    }
  }, 120_000);
});
