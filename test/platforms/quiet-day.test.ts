// createApp wires the arXiv calendar, so serve, the CLI digest and the console chat explain a quiet
// (weekend) day in the same words.
import { describe, expect, it, vi } from 'vitest';
import { PassThrough } from 'node:stream';
import { offlineEnv, runCli, tempDir } from '../cli/support/run-cli.js';
import { readConfig } from '../../src/config.js';
import { ManualClock } from '../../src/clock.js';
import { createApp } from '../../src/main.js';
import { silentLogger } from '../../src/logger.js';
import { startServe } from '../../src/serve.js';
import { runConsoleChatPlatform } from '../../src/cli/console-chat.js';
import { newSubscription, subscriptionDefaults } from '../../src/new-subscription.js';
import { slackChannelRef } from '../../adapters/slack/refs.js';
import { startFakeSlackApi } from '../fakes/fake-slack-api.js';
import type { Weekday } from '../../src/types.js';

const SATURDAY = '2026-08-01';
const QUIET = 'Quiet day: no new papers since the last digest (arXiv does not announce on weekends).';

describe('a quiet arXiv day is explained the same way everywhere', () => {
  it('paperbot digest --date <a Saturday>', async () => {
    const tmp = await tempDir();
    try {
      const empty = await tmp.write('empty.json', []);
      const run = await runCli(['digest', '--sources', `file:${empty}`, '--date', SATURDAY], await offlineEnv());
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(QUIET);
    } finally {
      await tmp.cleanup();
    }
  });

  it('paperbot chat: the `digest` line on a Saturday', async () => {
    const tmp = await tempDir();
    const empty = await tmp.write('empty.json', []);
    const config = readConfig(await offlineEnv({ PAPERBOT_SOURCES: `file:${empty}` }));
    const app = await createApp(config, { logger: silentLogger, clock: new ManualClock(`${SATURDAY}T10:00:00Z`) });
    try {
      const stdin = new PassThrough();
      const stdout = new PassThrough();
      let printed = '';
      stdout.on('data', (chunk) => (printed += String(chunk)));
      stdin.end('digest\n');
      await runConsoleChatPlatform(app, { stdin, stdout, env: { NO_COLOR: '1' } });
      expect(printed).toContain(QUIET);
    } finally {
      await app.close();
      await tmp.cleanup();
    }
  });

  it('serve: a Slack channel scheduled on a Saturday', async () => {
    const tmp = await tempDir();
    const slack = await startFakeSlackApi();
    const empty = await tmp.write('empty.json', []);
    const env = await offlineEnv({
      PAPERBOT_SOURCES: `file:${empty}`,
      SLACK_BOT_TOKEN: 'xoxb-quiet-day',
      SLACK_APP_TOKEN: undefined,
      SLACK_SIGNING_SECRET: 'quiet-day-secret',
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
    });
    const clock = new ManualClock(`${SATURDAY}T00:00:00Z`);
    const handle = await startServe(readConfig(env), { clock, exit: vi.fn(), signals: [], stderr: { write: () => true } });
    try {
      const everyDay = { time: '09:00', tz: 'UTC', days: [1, 2, 3, 4, 5, 6, 7] as Weekday[] };
      const sub = newSubscription(slackChannelRef('C1'), subscriptionDefaults(handle.app.config), { now: new Date(`${SATURDAY}T00:00:00Z`) });
      await handle.app.store.saveSubscription({ ...sub, schedule: everyDay });
      clock.set(`${SATURDAY}T09:00:30Z`);
      await handle.scheduler.tick();
      const posted = slack.callsTo('chat.postMessage').map((c) => JSON.stringify(c.params));
      expect(posted.join('\n')).toContain(QUIET);
    } finally {
      await handle.shutdown('test done');
      await slack.close();
      await tmp.cleanup();
    }
  }, 30_000);
});
