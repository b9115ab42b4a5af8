// `paperbot chat`: the console chat over stdin/stdout with the same /papers commands.
import { describe, expect, it } from 'vitest';
import { fixture, offlineEnv, runCli, tempDir } from './support/run-cli.js';
import { createBotStore } from '../../src/store/index.js';
import { newSubscription, subscriptionDefaults } from '../../src/new-subscription.js';
import { readConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { loadRun } from '../../src/digest/run-state.js';
import type { Weekday } from '../../src/types.js';

describe('paperbot chat', () => {
  it('answers /papers commands from stdin and leaves at the end of input', async () => {
    const tmp = await tempDir();
    try {
      const env = await offlineEnv({ PAPERBOT_STORE_URL: `sqlite://${tmp.file('paperbot.sqlite')}` });
      const ingest = await runCli(['ingest', '--sources', `file:${fixture('hf-daily-papers-2026-06-12.json')}`, '--date', '2026-06-12'], env);
      expect(ingest.code, ingest.stderr).toBe(0);
      const run = await runCli(['chat'], env, '/papers help\nsearch sparse attention\n/papers paper 2606.13392\n');
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('/papers subscribe <interests>');
      expect(run.stdout).toContain('MiniMax Sparse Attention');
      expect(run.stdout).toContain('https://arxiv.org/abs/2606.13392');
    } finally {
      await tmp.cleanup();
    }
  });
});

describe('paperbot chat as a platform: digests posted into the terminal', () => {
  const SOURCE = `file:${fixture('hf-daily-papers-2026-06-12.json')}`;
  async function chatEnv(tmp: Awaited<ReturnType<typeof tempDir>>) {
    return offlineEnv({
      PAPERBOT_STORE_URL: `sqlite://${tmp.file('paperbot.sqlite')}`,
      PAPERBOT_CORPUS_URL: `sqlite://${tmp.file('papers.sqlite')}`,
      PAPERBOT_SOURCES: SOURCE,
      PAPERBOT_INTERESTS: 'sparse attention for long-context language models',
      PAPERBOT_DIGEST_SIZE: '3',
    });
  }
  const today = () => new Date().toISOString().slice(0, 10);

  it('chat --digest posts today\'s digest at start; #1 questions and #1 +1 work on it', async () => {
    const tmp = await tempDir();
    try {
      const run = await runCli(['chat', '--digest'], await chatEnv(tmp), '#1 +1\n#1 what is this paper about?\n');
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^#0 /m);
      expect(run.stdout).toContain('MiniMax Sparse Attention');
      expect(run.stdout).toContain(`(posted the ${today()} digest`);
      expect(run.stdout).toContain('(👍 recorded for #1)');
      expect(run.stdout).toMatch(/↳ #1: /);
      expect(run.stdout).not.toMatch(/no post #1/);
    } finally {
      await tmp.cleanup();
    }
  }, 60_000);

  it('the `digest` line posts now, once per day; `digest again` posts it once more', async () => {
    const tmp = await tempDir();
    try {
      const run = await runCli(['chat'], await chatEnv(tmp), 'digest\n#2 -1\ndigest\ndigest again\n#1 +1\n');
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout.match(/^#0 /gm)).toHaveLength(2);
      expect(run.stdout).toContain('(👎 recorded for #2)');
      expect(run.stdout).toContain(`(the ${today()} digest was already posted here; \`digest again\` posts it once more)`);
      expect(run.stdout).toContain('(👍 recorded for #1)');
    } finally {
      await tmp.cleanup();
    }
  }, 60_000);

  it('posts the console subscription\'s digest on its schedule while the chat runs', async () => {
    const tmp = await tempDir();
    try {
      const env = await chatEnv(tmp);
      const store = await createBotStore(env.PAPERBOT_STORE_URL!, silentLogger);
      const channel = { platform: 'console' as const, channelId: 'terminal', key: 'console:terminal' };
      const yesterday = new Date(Date.now() - 86_400_000).toISOString();
      const everyDay = { createdAt: yesterday, schedule: { time: '00:00', tz: 'UTC', days: [1, 2, 3, 4, 5, 6, 7] as Weekday[] } };
      await store.saveSubscription({ ...newSubscription(channel, subscriptionDefaults(readConfig(env)), { now: new Date() }), ...everyDay });
      // A Slack channel due on the same store is serve's to post: the chat leaves it alone.
      const slack = { platform: 'slack' as const, channelId: 'C1', key: 'slack:C1' };
      await store.saveSubscription({ ...newSubscription(slack, subscriptionDefaults(readConfig(env)), { now: new Date() }), ...everyDay });
      await store.close();
      const run = await runCli(['chat'], env, '#1 +1\n');
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^#0 /m);
      expect(run.stdout).toContain('MiniMax Sparse Attention');
      expect(run.stdout).toContain('(👍 recorded for #1)');
      // A second session the same day does not post it again.
      const again = await runCli(['chat'], env, '');
      expect(again.stdout).not.toMatch(/^#0 /m);
      const after = await createBotStore(env.PAPERBOT_STORE_URL!, silentLogger);
      expect(await loadRun(after.kv, 'slack:C1', today())).toBeUndefined();
      expect((await loadRun(after.kv, 'console:terminal', today()))?.status).toBe('done');
      await after.close();
    } finally {
      await tmp.cleanup();
    }
  }, 60_000);
});
