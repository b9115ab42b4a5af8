// A channel's example papers are a set record with per-member writes: `/papers like` on one
// instance and 👍 on another, all at the same instant, all stick (and the cap holds atomically).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BotCore } from '../../src/ports.js';
import type { Outbound, Paper } from '../../src/types.js';
import { createBotCore } from '../../src/bot/create-bot.js';
import { channelRefFor } from '../../src/main.js';
import { MAX_EXAMPLE_PAPERS } from '../../src/ports.js';
import { createBotStore, type KeyvBotStore } from '../../src/store/index.js';
import { ADMIN, MEMBER, makeBot } from '../bot/harness.js';
import { makePaper } from '../store/helpers.js';
import { tempDir } from '../cli/support/run-cli.js';
import { freshChannelId, storesUnderTest } from './stores.js';

const text = (out: Outbound): string => ('text' in out ? String(out.text) : JSON.stringify(out));
const arxivId = (i: number): string => `2606.${String(10000 + i)}`;
const PAPERS: Paper[] = Array.from({ length: MAX_EXAMPLE_PAPERS + 10 }, (_, i) => makePaper(arxivId(i)));

describe.each(storesUnderTest())('example papers written at once through two instances on one $name store', ({ url }) => {
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

  async function subscribedChannel() {
    const { deps } = await makeBot({ papers: PAPERS });
    stores = [await createBotStore(url(tmp.dir)), await createBotStore(url(tmp.dir))];
    cores = stores.map((store) => createBotCore({ ...deps, store }));
    const channel = channelRefFor('slack', freshChannelId());
    expect(text(await cores[0]!.handleCommand({ name: 'papers', text: 'subscribe language models', channel, user: ADMIN }))).toMatch(/^Subscribed/);
    // Each paper was posted in a digest, so a 👍 on its message makes it an example.
    const messages = await Promise.all(
      PAPERS.map(async (p) => {
        const message = { ...channel, threadId: `m-${p.id}`, key: `${channel.key}:m-${p.id}` };
        await stores[0]!.rememberPost(message.key, { kind: 'digest-paper', channelKey: channel.key, date: '2026-06-15', paperIds: [p.id] });
        return message;
      }),
    );
    return { channel, messages };
  }

  it('12 likes and 👍 at the same instant, alternating instances: every one is an example', async () => {
    const { channel, messages } = await subscribedChannel();
    const n = 12;
    await Promise.all(
      PAPERS.slice(0, n).map((p, i) =>
        i % 2 === 0
          ? cores[i % 4 === 0 ? 0 : 1]!.handleCommand({ name: 'papers', text: `like ${p.id}`, channel, user: ADMIN })
          : cores[i % 4 === 1 ? 0 : 1]!.handleFeedback({ message: messages[i]!, user: MEMBER, value: 1 }),
      ),
    );
    for (const store of stores) {
      const likes = (await store.getSubscription(channel.key))!.likes ?? [];
      expect(new Set(likes)).toEqual(new Set(PAPERS.slice(0, n).map((p) => p.id)));
    }
  }, 60_000);

  it(`👍 past ${MAX_EXAMPLE_PAPERS} at once keeps exactly the cap, and unlikes at the same time all stick`, async () => {
    const { channel, messages } = await subscribedChannel();
    const first = PAPERS.slice(0, 5).map((p) => p.id);
    expect(text(await cores[0]!.handleCommand({ name: 'papers', text: `like ${first.join(' ')}`, channel, user: ADMIN }))).toMatch(/^Added 5/);
    await Promise.all([
      ...first.slice(0, 3).map((id, i) => cores[i % 2]!.handleCommand({ name: 'papers', text: `unlike ${id}`, channel, user: ADMIN })),
      ...PAPERS.slice(5).map((_, i) => cores[i % 2]!.handleFeedback({ message: messages[i + 5]!, user: MEMBER, value: 1 })),
    ]);
    const likes = (await stores[1]!.getSubscription(channel.key))!.likes ?? [];
    expect(likes).toHaveLength(MAX_EXAMPLE_PAPERS);
    expect(new Set(likes).size).toBe(MAX_EXAMPLE_PAPERS);
    for (const id of first.slice(0, 3)) expect(likes).not.toContain(id);
  }, 60_000);
});
