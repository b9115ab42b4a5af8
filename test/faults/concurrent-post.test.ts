// Exactly once from every entry point: concurrent `digest --post` calls of one channel and date,
// and one while another process (as the scheduler does) holds the (channel, date) lock.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readConfig } from '../../src/config.js';
import { startServe } from '../../src/serve.js';
import { ManualClock } from '../../src/clock.js';
import { loadRun } from '../../src/digest/run-state.js';
import { offlineEnv, runCli, tempDir } from '../cli/support/run-cli.js';
import { INTERESTS, POST_PAPERS, seedSubscription } from '../cli/support/papers.js';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.js';
import { createBotStore } from '../../src/store/index.js';
import { createStoreLocks, digestLockName } from '../../src/scheduler/lock.js';
import { freshChannelId, storesUnderTest } from './stores.js';

const DATE = '2026-06-12';

describe.each(storesUnderTest())('exactly-once digest --post on $name', ({ url }) => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  let slack: FakeSlackApi;
  let env: Record<string, string | undefined>;
  let sources: string;
  beforeAll(async () => {
    tmp = await tempDir();
    slack = await startFakeSlackApi();
    sources = `file:${await tmp.write('papers.json', POST_PAPERS)}`;
    env = await offlineEnv({
      PAPERBOT_STORE_URL: url(tmp.dir),
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'x',
      SLACK_API_URL: slack.apiUrl,
    });
  });
  afterAll(async () => {
    await slack.close();
    await tmp.cleanup();
  });

  const argv = (channel: string) => ['digest', '--post', `slack:${channel}`, '--sources', sources, '--interests', INTERESTS, '--date', DATE, '--size', '2'];
  const posted = (channel: string) => slack.callsTo('chat.postMessage').filter((c) => c.params.channel === channel && c.outcome === 'ok');

  it('two concurrent posts of one channel post the digest once; both exit 0', async () => {
    const channel = freshChannelId();
    const runs = await Promise.all([runCli(argv(channel), env), runCli(argv(channel), env)]);
    expect(runs.map((r) => r.code), runs.map((r) => r.stderr).join('\n')).toEqual([0, 0]);
    expect(posted(channel)).toHaveLength(3);
    const texts = posted(channel).map((c) => String(c.params.text));
    expect(new Set(texts).size).toBe(3);
    expect(runs.map((r) => r.stdout).join('\n')).toMatch(/already being posted by another process/);
  }, 60_000);

  it('waits for another holder of the (channel, date) lock, then resumes and posts nothing twice', async () => {
    const channel = freshChannelId();
    const store = await createBotStore(url(tmp.dir));
    const locks = createStoreLocks(store.kv);
    const held = await locks.acquire(digestLockName(`slack:${channel}`, DATE));
    expect(held).toBeDefined();
    const started = Date.now();
    const cli = runCli(argv(channel), env);
    await new Promise((r) => setTimeout(r, 1500));
    expect(posted(channel)).toHaveLength(0);
    await held!.release();
    const run = await cli;
    await store.close();
    expect(run.code, run.stderr).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(posted(channel)).toHaveLength(3);
  }, 60_000);

  it('a post while serve\'s scheduler posts the same digest: every message once', async () => {
    const channel = freshChannelId();
    await seedSubscription(env, 'slack', channel, { sources: [sources], size: 2, schedule: { time: '09:00', tz: 'UTC', days: [1, 2, 3, 4, 5] } });
    const config = readConfig({ ...env, PORT: '0' });
    const handle = await startServe(config, { exit: vi.fn(), signals: [], stderr: { write: () => true }, clock: new ManualClock(`${DATE}T09:30:00Z`) });
    try {
      // The CLI first: it opens its store and checks sources, so both reach posting together.
      const cli = runCli(argv(channel), env);
      await new Promise((r) => setTimeout(r, 700));
      const [, run] = await Promise.all([handle.scheduler.tick(), cli]);
      expect(run.code, run.stderr).toBe(0);
      await handle.scheduler.tick();
      const stored = await loadRun(handle.app.store.kv, `slack:${channel}`, DATE);
      expect(stored?.status).toBe('done');
      const texts = posted(channel).map((c) => String(c.params.text));
      expect(texts).toHaveLength(stored!.total);
      expect(new Set(texts).size).toBe(texts.length);
    } finally {
      await handle.shutdown('test');
    }
  }, 60_000);

  it.runIf(url('').startsWith('sqlite'))('gives up with exit 1 when the other holder does not finish in time', async () => {
    const channel = freshChannelId();
    const store = await createBotStore(url(tmp.dir));
    const held = await createStoreLocks(store.kv).acquire(digestLockName(`slack:${channel}`, DATE));
    try {
      const run = await runCli(argv(channel), env);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/already being posted by another process/);
      expect(posted(channel)).toHaveLength(0);
    } finally {
      await held!.release();
      await store.close();
    }
  }, 60_000);
});
