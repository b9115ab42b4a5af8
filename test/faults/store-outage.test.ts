// Store outages while serve runs: Redis stopped and started again, Postgres backends killed, the
// SQLite file deleted or made read-only. The process survives, /healthz tells the truth, commands
// answer "storage unavailable" inside Slack's 3 s, and nothing is applied late.
import { chmod, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createBotStore } from '../../src/store/index.js';
import { tempDir } from '../cli/support/run-cli.js';
import { eventually, freePort, startRedisServer, startServeOn, stopProcess, type ServeUnderTest } from './serve-support.js';
import { freshChannelId } from './stores.js';

let serve: ServeUnderTest | undefined;
afterEach(async () => {
  await serve?.stop();
  serve = undefined;
});

describe('Redis stopped and started while serving', () => {
  it('reports 503, answers commands with "storage unavailable" within 3 s, applies nothing late, recovers', async () => {
    const port = await freePort();
    let redis = await startRedisServer(port);
    const url = `redis://127.0.0.1:${port}/0`;
    try {
      serve = await startServeOn(url);
      expect((await serve.health()).status).toBe(200);

      await stopProcess(redis);
      expect(await eventually(async () => (await serve!.health()).status === 503, 10_000)).toBe(true);
      const channel = freshChannelId();
      const answer = await serve.command('subscribe robots', channel);
      expect(answer.text).toMatch(/storage unavailable/i);
      expect(answer.ms).toBeLessThan(3000);

      redis = await startRedisServer(port);
      expect(await eventually(async () => (await serve!.health()).status === 200, 15_000)).toBe(true);
      // The refused subscribe must not have been queued and applied on reconnect.
      await new Promise((r) => setTimeout(r, 500));
      const store = await createBotStore(url);
      expect(await store.getSubscription(`slack:${channel}`)).toBeUndefined();
      await store.close();
      const again = await serve.command('subscribe robots', channel);
      expect(again.text).toMatch(/Subscribed/);
    } finally {
      await stopProcess(redis);
    }
  }, 60_000);
});

const postgresUrl = process.env.PAPERBOT_TEST_POSTGRES_URL;

describe.runIf(postgresUrl)('Postgres backends killed while serving', () => {
  it('survives pg_terminate_backend, logs no connection details, and stays healthy', async () => {
    const app = `paperbot-fault-${randomUUID().slice(0, 8)}`;
    const url = `${postgresUrl}${postgresUrl!.includes('?') ? '&' : '?'}application_name=${app}`;
    serve = await startServeOn(url);
    expect((await serve.health()).status).toBe(200);
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    try {
      const killed = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [app]);
      expect(killed.rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(await eventually(async () => (await serve!.health()).status === 200, 10_000)).toBe(true);
    const answer = await serve.command('subscribe robots', freshChannelId());
    expect(answer.text).toMatch(/Subscribed/);
    const password = new URL(postgresUrl!).password;
    expect(serve.logs()).not.toContain(`:${password}@`);
    expect(serve.logs()).not.toMatch(/_connectionCallback|connectionParameters|"ssl":/);
  }, 60_000);
});

describe('SQLite file damaged while serving', () => {
  it('reports unhealthy when the file is made read-only, and again when it is deleted', async () => {
    const tmp = await tempDir();
    try {
      const file = tmp.file('paperbot.sqlite');
      serve = await startServeOn(`sqlite://${file}`);
      expect((await serve.health()).status).toBe(200);
      await chmod(file, 0o444);
      expect((await serve.health()).status).toBe(503);
      await chmod(file, 0o644);
      expect((await serve.health()).status).toBe(200);
      await rm(file);
      expect((await serve.health()).status).toBe(503);
    } finally {
      await serve?.stop();
      serve = undefined;
      await tmp.cleanup();
    }
  }, 30_000);
});
