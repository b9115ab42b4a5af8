// Nothing lost when two bot instances share one store: concurrent subscribes of many channels,
// and concurrent changes of different settings on one channel, each through a real BotCore.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BotCore } from '../../src/ports.js';
import type { Outbound } from '../../src/types.js';
import { createBotCore } from '../../src/bot/create-bot.js';
import { channelRefFor } from '../../src/main.js';
import { createBotStore, type KeyvBotStore } from '../../src/store/index.js';
import { ADMIN, makeBot } from '../bot/harness.js';
import { tempDir } from '../cli/support/run-cli.js';
import { freshChannelId, storesUnderTest } from './stores.js';

const text = (out: Outbound): string => ('text' in out ? String(out.text) : JSON.stringify(out));

describe.each(storesUnderTest())('two instances on one $name store', ({ url }) => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  let stores: KeyvBotStore[];
  let cores: BotCore[];
  beforeAll(async () => {
    tmp = await tempDir();
  });
  afterAll(async () => {
    await tmp.cleanup();
  });
  afterEach(async () => {
    await Promise.all(stores.map((s) => s.close()));
  });

  async function twoInstances(): Promise<void> {
    const { deps } = await makeBot({ papers: [] });
    stores = [await createBotStore(url(tmp.dir)), await createBotStore(url(tmp.dir))];
    cores = stores.map((store) => createBotCore({ ...deps, store }));
  }

  it('20 concurrent subscribes through two instances are all listed for the scheduler', async () => {
    await twoInstances();
    const channels = Array.from({ length: 20 }, () => channelRefFor('slack', freshChannelId()));
    const replies = await Promise.all(
      channels.map((channel, i) => cores[i % 2]!.handleCommand({ name: 'papers', text: `subscribe topic ${i}`, channel, user: ADMIN })),
    );
    for (const reply of replies) expect(text(reply)).toMatch(/^Subscribed/);
    for (const store of stores) {
      const listed = new Set((await store.listSubscriptions()).map((s) => s.channel.key));
      for (const channel of channels) expect(listed.has(channel.key), channel.key).toBe(true);
    }
  }, 60_000);

  it('six settings changed at once on one channel through two instances all stick', async () => {
    await twoInstances();
    const channel = channelRefFor('slack', freshChannelId());
    await cores[0]!.handleCommand({ name: 'papers', text: 'subscribe language models', channel, user: ADMIN });
    const changes = ['size 7', 'threshold 0.4', 'interests graph neural networks', 'exclude survey', 'follow Ada Lovelace', 'quiet on'];
    const replies = await Promise.all(changes.map((t, i) => cores[i % 2]!.handleCommand({ name: 'papers', text: t, channel, user: ADMIN })));
    for (const reply of replies) expect(text(reply)).not.toMatch(/wrong|unavailable/i);
    const sub = (await stores[1]!.getSubscription(channel.key))!;
    expect(sub.size).toBe(7);
    expect(sub.threshold).toBe(0.4);
    expect(sub.interests).toBe('graph neural networks');
    expect(sub.exclude).toEqual(['survey']);
    expect(sub.follow).toEqual(['Ada Lovelace']);
    expect(sub.quietDayNote).toBe(false);
  }, 60_000);
});
