import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { slackSettings } from '../../adapters/slack/env.js';
import { discordSettings } from '../../adapters/discord/env.js';
import { createLogger } from '../../src/logger.js';
import { ManualClock } from '../../src/clock.js';
import { redactingDestination, redactSecrets } from '../../src/redact.js';
import { secretValues } from '../../src/secret-values.js';
import { createChannelRunner } from '../../src/scheduler/run-channel.js';
import { createScheduler } from '../../src/scheduler/scheduler.js';
import { FakePlatform, fakePrepare, makeSub, newStore } from '../scheduler/support.js';

const SECRETS = {
  SLACK_BOT_TOKEN: 'xoxb-1111-2222-KNOWNSECRETbot',
  SLACK_APP_TOKEN: 'xapp-1-A111-KNOWNSECRETapp',
  SLACK_SIGNING_SECRET: 'KNOWNSECRETsigning0123456789',
  DISCORD_TOKEN: 'MTA.KNOWNSECRET.discord-token',
  OPENAI_API_KEY: 'sk-KNOWNSECRET-openai-key',
};
const STORE_PASSWORD = 'KNOWNSECRET-redis-pass';

function config() {
  return readConfig({ ...SECRETS, PAPERBOT_STORE_URL: `redis://:${STORE_PASSWORD}@127.0.0.1:6390/0` });
}

describe('secrets never reach the logs', () => {
  it('collects every configured secret', () => {
    expect(secretValues(config()).sort()).toEqual([...Object.values(SECRETS), STORE_PASSWORD].sort());
  });

  it('scrubs raw, JSON-escaped and URL-encoded forms', () => {
    const secrets = ['ab"cd\\ef/gh'];
    expect(redactSecrets('a ab"cd\\ef/gh b', secrets)).toBe('a [redacted] b');
    expect(redactSecrets(JSON.stringify({ e: 'ab"cd\\ef/gh' }), secrets)).toBe('{"e":"[redacted]"}');
    expect(redactSecrets(`?t=${encodeURIComponent('ab"cd\\ef/gh')}`, secrets)).toBe('?t=[redacted]');
  });

  it('a digest run that hits errors carrying tokens logs none of them', async () => {
    const cfg = config();
    let output = '';
    const logger = createLogger('debug', redactingDestination(secretValues(cfg), { write: (line) => (output += line) }));

    const store = await newStore();
    await store.saveSubscription(makeSub('c1'));
    await store.saveSubscription(makeSub('c2'));
    const clock = new ManualClock('2026-04-27T09:00:00Z');
    const platform = new FakePlatform();
    const inner = platform.adapter();
    let failures = 1;
    const adapter = {
      ...inner,
      post: async (...args: Parameters<typeof inner.post>) => {
        // A careless SDK error that echoes the credential it was called with.
        if (failures-- > 0) throw new Error(`invalid_auth (Authorization: Bearer ${slackSettings(cfg)!.botToken}) url=https://x/?token=${encodeURIComponent(discordSettings(cfg)!.token)}`);
        return inner.post(...args);
      },
    };
    const { prepare } = fakePrepare(2);
    const scheduler = createScheduler({
      store,
      clock,
      logger,
      runChannel: createChannelRunner({
        store,
        adapterFor: () => adapter,
        prepare: async (sub, o) => {
          if (sub.channel.key === 'console:c2') throw new Error(`openai 401 for key ${cfg.llm!.apiKey} via ${cfg.storeUrl}`);
          return prepare(sub, o);
        },
        clock,
        logger,
      }),
    });
    // Careless code elsewhere logging the whole config object.
    logger.info('starting paperbot', { config: cfg, signing: slackSettings(cfg)!.signingSecret, app: slackSettings(cfg)!.appToken });
    await scheduler.tick();
    clock.set('2026-04-27T09:05:00Z');
    await scheduler.tick();
    await scheduler.stop();

    expect(output.length).toBeGreaterThan(0);
    expect(output).toContain('[redacted]'); // the scrubber really had something to do
    expect(platform.labelsIn('console:c1')).toHaveLength(3); // and the run still completed
    for (const secret of [...Object.values(SECRETS), STORE_PASSWORD]) {
      expect(output, `leaked ${secret}`).not.toContain(secret);
      expect(output).not.toContain(encodeURIComponent(secret));
    }
    expect(output).not.toContain('KNOWNSECRET');
    // Every line is JSON; every line of a run carries the channel key and a run id.
    const lines = output.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const runLines = lines.filter((l) => l.runId !== undefined);
    expect(runLines.length).toBeGreaterThan(3);
    for (const l of runLines) expect(String(l.channel)).toMatch(/^console:c[12]$/);
  });
});
