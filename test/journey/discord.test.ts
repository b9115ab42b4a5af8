// User journeys on Discord through the REAL serve composition: readConfig(env) → startServe →
// BotCore + the Discord adapter on the real discord.js client, talking to the local fake Discord
// (REST + gateway), a memory store and a `file:` source. In order: subscribe → digest (one
// channel deleted meanwhile) → thread question → 👍.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS, LIMITS, alice, bob, embedLength, startFakeDiscord, type FakeDiscord, type RecordedRequest } from '../fakes/fake-discord.js';
import { startServeUnderTest, todaysPapers, until, type ServeUnderTest } from './support/serve-harness.js';
import { tableSlash } from '../adapters/discord/table-slash.js';

const MAIN = IDS.channel;
const GONE = IDS.otherChannel;
const MAIN_KEY = `discord:${MAIN}`;
const GONE_KEY = `discord:${GONE}`;
const HOSTILE_TITLE = '@everyone <@&123> look';

let fake: FakeDiscord;
let serve: ServeUnderTest;

/** Runs `/papers <sub> [text]` (or `/papers-admin …`, with the option the table types) and resolves with the final reply body (PATCH @original). */
async function slash(sub: string, text: string | undefined, o: { admin?: boolean; channelId?: string; user?: typeof alice } = {}) {
  const sentAt = Date.now();
  const payload = fake.slash({ ...tableSlash(sub, text), admin: o.admin, channelId: o.channelId, user: o.user });
  const callback = await fake.rest.waitFor((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${payload.id}/`), 5000, 'interaction callback');
  const reply = await fake.rest.waitFor(
    (r) => r.method === 'PATCH' && r.path.includes(`/${payload.token}/messages/@original`),
    10_000,
    `reply to /papers ${sub}`,
  );
  return { callback, callbackMs: callback.at - sentAt, reply, wire: JSON.stringify(reply.body) };
}

function channelPosts(channelId: string): RecordedRequest[] {
  return fake.rest.find('POST', new RegExp(`^/channels/${channelId}/messages$`));
}

beforeAll(async () => {
  fake = await startFakeDiscord();
  const papers = todaysPapers().map((p) => (p.id === '2611.10001' ? { ...p, title: HOSTILE_TITLE } : p));
  serve = await startServeUnderTest(papers, {
    DISCORD_TOKEN: 'fake-bot-token',
    DISCORD_API_URL: fake.rest.api,
    PAPERBOT_DIGEST_SIZE: '3',
  });
});

afterAll(async () => {
  await serve?.close();
  await fake?.close();
});

describe('Discord journey (real serve composition)', () => {
  it('subscribe by a ManageGuild member is deferred, then stored; a member without it is refused ephemerally', async () => {
    // No first-subscriber rule on Discord: a member without Manage Server cannot subscribe a fresh channel.
    const first = await slash('subscribe', 'video generation', { user: alice });
    expect(first.callback.body).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(first.wire).toContain('only a channel admin');
    expect(await serve.handle.app.store.getSubscription(MAIN_KEY)).toBeUndefined();

    const sub = await slash('subscribe', 'video generation', { admin: true, user: bob });
    expect(sub.callbackMs).toBeLessThan(3000);
    expect(sub.callback.body).toMatchObject({ type: 5 });
    expect(sub.wire).toContain('Subscribed');
    expect(sub.reply.body.allowed_mentions).toMatchObject({ parse: [] });
    expect(await serve.handle.app.store.getSubscription(MAIN_KEY)).toMatchObject({ interests: 'video generation', paused: false });

    const refused = await slash('size', '3', { user: alice });
    expect(refused.callback.body).toMatchObject({ type: 5, data: { flags: 64 } }); // ephemeral
    expect(refused.wire).toContain('only a channel admin');
    expect((await serve.handle.app.store.getSubscription(MAIN_KEY))?.size).toBe(3);

    // Typed options (INTEGER, NUMBER, BOOLEAN) reach the core as the values the admin picked.
    for (const [sub, text] of [['size', '4'], ['threshold', '0.25'], ['quiet', 'on']] as const) {
      expect((await slash(sub, text, { admin: true, user: bob })).wire).not.toMatch(/Usage|only a channel admin/);
    }
    expect(await serve.handle.app.store.getSubscription(MAIN_KEY)).toMatchObject({ size: 4, threshold: 0.25, quietDayNote: false });
    await slash('size', '3', { admin: true, user: bob });
    await slash('quiet', 'off', { admin: true, user: bob });

    // A second channel subscribes too; both digests are due now (00:00 UTC, every day).
    await slash('subscribe', 'video generation', { admin: true, user: bob, channelId: GONE });
    for (const channelId of [MAIN, GONE]) {
      const s = await slash('schedule', '00:00 UTC daily', { admin: true, user: bob, channelId });
      expect(s.wire).not.toContain('only a channel admin');
    }
    expect((await serve.handle.app.store.getSubscription(GONE_KEY))?.schedule).toMatchObject({ time: '00:00', tz: 'UTC' });
  });

  it('posts the digest with embeds within limits and no pings; a deleted channel pauses only its subscription', async () => {
    fake.state.deletedChannels.add(GONE); // the channel was deleted after it subscribed
    await serve.handle.scheduler.tick();
    await until(async () => (await serve.handle.app.store.getSubscription(MAIN_KEY))?.lastDigestAt, 'the digest in the live channel', 20_000);
    const gone = await until(async () => {
      const s = await serve.handle.app.store.getSubscription(GONE_KEY);
      return s?.paused ? s : undefined;
    }, 'the deleted channel to be paused');
    expect(gone.pausedReason).toMatch(/unknown channel/i);
    expect(serve.logs.some((l) => l.includes(GONE_KEY) && /paused/.test(l))).toBe(true);

    const posts = channelPosts(MAIN);
    expect(posts).toHaveLength(4); // header + 3 papers
    for (const p of posts) {
      expect(p.body.allowed_mentions).toMatchObject({ parse: [] });
      expect(String(p.body.content ?? '').length).toBeLessThanOrEqual(LIMITS.content);
      const embeds = (p.body.embeds ?? []) as Parameters<typeof embedLength>[0][];
      expect(embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
      expect(embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.total);
    }
    const paperPosts = posts.slice(1);
    for (const p of paperPosts) expect(p.body.embeds).toHaveLength(1);
    const hostile = paperPosts.find((p) => JSON.stringify(p.body).includes(HOSTILE_TITLE));
    expect(hostile, 'the paper whose title tries to ping everyone').toBeDefined();
    // Every message of the digest got a thread; papers got 👍/👎 to click.
    expect(fake.rest.find('POST', new RegExp(`^/channels/${MAIN}/messages/\\d+/threads$`))).toHaveLength(4);
    expect(fake.rest.find('PUT', new RegExp(`^/channels/${MAIN}/messages/\\d+/reactions/`)).length).toBe(6);
    // The deleted channel was tried once (404 Unknown Channel), then left alone.
    expect(channelPosts(GONE)).toHaveLength(1);
    await serve.handle.scheduler.tick();
    expect(channelPosts(GONE)).toHaveLength(1);
    expect(channelPosts(MAIN)).toHaveLength(4);
  });

  it('/papers weekly: the week\'s best for the channel, only to the asker, the posted papers marked (from the table alone)', async () => {
    const weekly = await slash('weekly', undefined, { user: alice });
    expect(weekly.callback.body).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(weekly.wire).toContain('Best of the week');
    const embeds = (weekly.reply.body.embeds ?? []) as Array<{ description?: string }>;
    expect(embeds).toHaveLength(3); // PAPERBOT_DIGEST_SIZE=3
    expect(embeds.every((e) => String(e.description).includes('already posted here'))).toBe(true);
    expect(weekly.reply.body.allowed_mentions).toMatchObject({ parse: [] });
  });

  it('answers a question in a paper\'s thread in place, from that paper', async () => {
    const hostile = [...fake.state.messages.values()].find((m) => m.channel_id === MAIN && JSON.stringify(m.embeds).includes(HOSTILE_TITLE))!;
    const threadId = hostile.id; // a thread's id is its starter message's id
    fake.message({
      channelId: threadId,
      content: `<@${IDS.bot}> which benchmarks do they evaluate on?`,
      mentions: [fake.state.bot],
    });
    const answer = await fake.rest.waitForRoute('POST', new RegExp(`^/channels/${threadId}/messages$`), 10_000);
    const wire = JSON.stringify(answer.body);
    expect(wire).toContain('UCF-101');
    expect(answer.body.allowed_mentions).toMatchObject({ parse: [] });
    expect(await serve.handle.app.store.getTurns(`${MAIN_KEY}:${threadId}`)).toHaveLength(2);
  });

  it('stores a 👍 on a paper message as feedback for that channel, ignoring the bot\'s own reaction', async () => {
    const hostile = [...fake.state.messages.values()].find((m) => m.channel_id === MAIN && JSON.stringify(m.embeds).includes(HOSTILE_TITLE))!;
    fake.react({ channelId: MAIN, messageId: hostile.id, emoji: '👍', user: fake.state.bot });
    fake.react({ channelId: MAIN, messageId: hostile.id, emoji: '👍', user: alice });
    const votes = await until(async () => {
      const list = await serve.handle.app.store.listFeedback(MAIN_KEY);
      return list.length > 0 ? list : undefined;
    }, 'the feedback to be stored');
    await new Promise((r) => setTimeout(r, 200));
    expect(await serve.handle.app.store.listFeedback(MAIN_KEY)).toEqual([expect.objectContaining({ paperId: '2611.10001', userId: alice.id, value: 1 })]);
    expect(votes).toHaveLength(1);
  });

  it('autocompletes /papers paper from the store: by id prefix, else by title words', async () => {
    const answer = async (text: string) => {
      const sent = fake.autocomplete({ sub: 'paper', option: 'id', text });
      const cb = await fake.rest.waitFor((r) => r.method === 'POST' && r.path === `/interactions/${sent.id}/${sent.token}/callback`, 5000, 'autocomplete');
      expect(cb.body.type).toBe(8);
      return cb.body.data.choices as Array<{ name: string; value: string }>;
    };
    const byId = await answer('2611.1000');
    expect(byId.map((c) => c.value).sort()).toEqual(['2611.10001', '2611.10002', '2611.10003', '2611.10004', '2611.10005']);
    expect(byId[0]!.value).toBe('2611.10005'); // newest first
    const byWords = await answer('temporal consistency');
    expect(byWords[0]?.name).toMatch(/Temporal Consistency/);
    expect(await answer('zzzz-no-such-paper')).toEqual([]);
  });
});
