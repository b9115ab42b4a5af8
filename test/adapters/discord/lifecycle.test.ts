// start/stop against the fake gateway: intents, readiness, idempotent stop and clear errors.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/errors.js';
import { silentLogger } from '../../../src/logger.js';
import { createDiscordAdapter, discordChannelRef } from '../../../adapters/discord/index.js';
import { startFakeDiscord } from '../../fakes/fake-discord.js';
import { ScriptedCore, digest, item, startHarness } from './helpers.js';

describe('DiscordAdapter lifecycle', () => {
  it('identifies with Guilds | GuildMessages | GuildMessageReactions only, uncompressed, and is ready with the guild cached', async () => {
    const h = await startHarness();
    try {
      const identify = h.fake.gateway.identifies[0]!;
      expect(BigInt(identify.intents)).toBe(1n | 512n | 1024n);
      expect(identify.compress ?? false).toBe(false);
      expect(identify.token).toBe('fake-bot-token');
      expect(h.adapter.client.isReady()).toBe(true);
      expect(h.adapter.client.guilds.cache.size).toBe(1);
      expect(h.adapter.platform).toBe('discord');
    } finally {
      await h.close();
    }
  });

  it('stop() is safe to call twice and before start()', async () => {
    const h = await startHarness();
    await h.adapter.stop();
    await h.adapter.stop();
    await h.fake.close();
    const idle = createDiscordAdapter({ token: 't', messageContent: false, logger: silentLogger });
    await idle.stop();
    await idle.stop();
  });

  it('explains a Message Content intent that is not enabled (gateway close 4014)', async () => {
    const fake = await startFakeDiscord();
    fake.gateway.closeOnIdentify = { code: 4014, when: (d) => (BigInt(d.intents) & 32768n) !== 0n };
    const adapter = createDiscordAdapter({
      token: 'fake-bot-token',
      apiUrl: fake.rest.api,
      messageContent: true,
      logger: silentLogger,
      restOptions: { retries: 0, timeout: 2000 },
    });
    try {
      const err = await adapter.start(new ScriptedCore()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigError);
      expect(String((err as Error).message)).toMatch(/Message Content Intent.*Developer Portal/);
    } finally {
      await adapter.stop();
      await fake.close();
    }
  });

  it('explains a rejected token (401 on GET /gateway/bot)', async () => {
    const fake = await startFakeDiscord();
    fake.rest.intercept('GET', /^\/gateway\/bot$/, () => ({ status: 401, body: { code: 0, message: '401: Unauthorized' } }));
    const adapter = createDiscordAdapter({ token: 'bad', apiUrl: fake.rest.api, messageContent: false, logger: silentLogger, restOptions: { retries: 0, timeout: 2000 } });
    try {
      await expect(adapter.start(new ScriptedCore())).rejects.toThrow(/DISCORD_TOKEN was rejected/);
    } finally {
      await adapter.stop();
      await fake.close();
    }
  });
});

describe('posting without the gateway', () => {
  it('post() works before start() (one-off `paperbot digest --post discord:<id>`)', async () => {
    const fake = await startFakeDiscord();
    const adapter = createDiscordAdapter({ token: 'fake-bot-token', apiUrl: fake.rest.api, messageContent: false, logger: silentLogger, restOptions: { retries: 0, timeout: 2000 } });
    try {
      const ref = await adapter.post(discordChannelRef('920000000000000001'), { kind: 'digest-paper', digest: digest(), item: item(), rank: 1 });
      expect(ref.key).toMatch(/^discord:920000000000000001:\d+$/);
      expect(fake.rest.find('POST', /\/threads$/)).toHaveLength(1);
      expect(fake.rest.find('PUT', /\/reactions\//)).toHaveLength(2);
      expect(fake.gateway.identifies).toHaveLength(0);
    } finally {
      await adapter.stop();
      await fake.close();
    }
  });
});
