// The console is a platform like the others: `digest --post console:terminal` posts into the
// terminal, its operator may set `file:` sources, and serve never connects it.
import { describe, expect, it } from 'vitest';
import { fixture, offlineEnv, runCli, tempDir } from '../cli/support/run-cli.js';
import { configuredPlatforms, parseChannelTarget, platformNamed } from '../../src/platforms.js';
import { readConfig } from '../../src/config.js';
import { startServe } from '../../src/serve.js';
import { ConfigError } from '../../src/errors.js';
import { ManualClock } from '../../src/clock.js';
import { loadRun } from '../../src/digest/run-state.js';
import { newSubscription, subscriptionDefaults } from '../../src/new-subscription.js';
import { startFakeSlackApi } from '../fakes/fake-slack-api.js';
import type { Weekday } from '../../src/types.js';

const SOURCE = `file:${fixture('hf-daily-papers-2026-06-12.json')}`;

describe('the console platform', () => {
  it('digest --post console:terminal prints the digest as posts, once per day (then --force)', async () => {
    const tmp = await tempDir();
    try {
      const env = await offlineEnv({ PAPERBOT_STORE_URL: `sqlite://${tmp.file('paperbot.sqlite')}`, PAPERBOT_INTERESTS: 'sparse attention', PAPERBOT_DIGEST_SIZE: '2' });
      const argv = ['digest', '--post', 'console:terminal', '--sources', SOURCE];
      const first = await runCli(argv, env);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/^#0 /m);
      expect(first.stdout).toContain('MiniMax Sparse Attention');
      expect(first.stdout).toMatch(/Posted the \d{4}-\d\d-\d\d digest to console:terminal: 3 message\(s\)/);
      const second = await runCli(argv, env);
      expect(second.stdout).toMatch(/digest for console:terminal was already posted \(3 message\(s\)\)/);
      expect(second.stdout).not.toMatch(/^#0 /m);
      const forced = await runCli([...argv, '--force'], env);
      expect(forced.code, forced.stderr).toBe(0);
      expect(forced.stdout).toMatch(/^#0 /m);
    } finally {
      await tmp.cleanup();
    }
  }, 60_000);

  it('its operator may set file: sources in `paperbot chat`; a Slack user may not (the descriptor says)', async () => {
    const tmp = await tempDir();
    try {
      const env = await offlineEnv({ PAPERBOT_STORE_URL: `sqlite://${tmp.file('paperbot.sqlite')}` });
      const run = await runCli(['chat'], env, `subscribe sparse attention\nsources hf, ${SOURCE}\n`);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(`Sources set to: hf, ${SOURCE}.`);
      expect(platformNamed('console')?.localOperator).toBe(true);
      expect(platformNamed('slack')?.localOperator).not.toBe(true);
      expect(platformNamed('discord')?.localOperator).not.toBe(true);
    } finally {
      await tmp.cleanup();
    }
  }, 60_000);

  it('is a --post target, and serve never connects it', async () => {
    expect(parseChannelTarget('console:terminal', '--post').channel).toEqual({ platform: 'console', channelId: 'terminal', key: 'console:terminal' });
    const config = readConfig(await offlineEnv());
    expect(configuredPlatforms(config)).toEqual([]);
    await expect(startServe(config, { exit: () => {}, signals: [] })).rejects.toThrow(
      new ConfigError('serve needs a chat platform: set SLACK_BOT_TOKEN (slack) and/or DISCORD_TOKEN (discord); see README'),
    );
  });
});

describe('serve and the console on one store', () => {
  it("serve posts its platforms' due digests and leaves the console's to `paperbot chat`", async () => {
    const slack = await startFakeSlackApi();
    const env = await offlineEnv({ PAPERBOT_SOURCES: SOURCE, SLACK_BOT_TOKEN: 'xoxb-console-store', SLACK_SIGNING_SECRET: 'console-store-secret', SLACK_API_URL: slack.apiUrl, PORT: '0' });
    const clock = new ManualClock('2026-06-12T00:00:00Z');
    const handle = await startServe(readConfig(env), { clock, exit: () => {}, signals: [], stderr: { write: () => true } });
    try {
      const everyDay = { time: '09:00', tz: 'UTC', days: [1, 2, 3, 4, 5, 6, 7] as Weekday[] };
      const defaults = subscriptionDefaults(handle.app.config);
      for (const target of ['slack:C1', 'console:terminal']) {
        const sub = newSubscription(parseChannelTarget(target, '--post').channel, defaults, { now: clock.now() });
        await handle.app.store.saveSubscription({ ...sub, schedule: everyDay });
      }
      clock.set('2026-06-12T09:00:30Z');
      const report = await handle.scheduler.tick();
      expect(report.due).toEqual(['slack:C1']);
      expect((await loadRun(handle.app.store.kv, 'slack:C1', '2026-06-12'))?.status).toBe('done');
      expect(await loadRun(handle.app.store.kv, 'console:terminal', '2026-06-12')).toBeUndefined();
    } finally {
      await handle.shutdown('test done');
      await slack.close();
    }
  }, 30_000);
});
