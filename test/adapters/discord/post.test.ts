// post() and reply() end to end against the fake REST: digest messages within Discord's limits,
// threads and 👍/👎 under papers, no pings, rate limits and unavailable channels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelUnavailableError } from '../../../src/errors.js';
import { discordChannelRef } from '../../../adapters/discord/index.js';
import { IDS, LIMITS, embedLength, type RecordedRequest } from '../../fakes/fake-discord.js';
import { digest, item, paper, startHarness, type Harness } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const channel = discordChannelRef(IDS.channel);
const messagePosts = (channelId: string) => (r: RecordedRequest) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`;

function since(seq: number) {
  return h.fake.rest.requests.filter((r) => r.seq > seq);
}
function lastSeq() {
  return h.fake.rest.requests.at(-1)?.seq ?? 0;
}

describe('posting a digest', () => {
  it('posts a header and one message per paper, each with a thread; papers get 👍 and 👎', async () => {
    const d = digest([item(), item(paper({ id: '2406.05555', title: 'Second paper' }))], {
      themes: 'merging and routing',
      notes: [{ kind: 'source-failed', text: 'arxiv:cs.CL failed (HTTP 503); showing HF only.' }],
    });
    const start = lastSeq();
    const header = await h.adapter.post(channel, { kind: 'digest-header', digest: d });
    const refs = [];
    for (const [i, it] of d.items.entries()) refs.push(await h.adapter.post(channel, { kind: 'digest-paper', digest: d, item: it, rank: i + 1 }));

    const posts = since(start).filter(messagePosts(IDS.channel));
    expect(posts).toHaveLength(3);
    const ids = [...h.fake.state.messages.values()].slice(-3).map((m) => m.id);
    expect([header, ...refs].map((r) => r.key)).toEqual(ids.map((id) => `discord:${IDS.channel}:${id}`));
    expect(header).toEqual({ platform: 'discord', channelId: IDS.channel, threadId: ids[0], key: `discord:${IDS.channel}:${ids[0]}` });

    const headerBody = posts[0]!.body;
    expect(headerBody.content).toContain('**Paper digest · 2026-06-01**');
    expect(headerBody.content).toContain('30 new papers, showing 2');
    expect(headerBody.content).toContain('merging and routing');
    expect(headerBody.content).toContain('arxiv:cs.CL failed');

    const threads = since(start).filter((r) => r.method === 'POST' && /\/threads$/.test(r.path));
    expect(threads.map((r) => r.path)).toEqual(ids.map((id) => `/channels/${IDS.channel}/messages/${id}/threads`));
    expect(threads.map((r) => r.body.name)).toEqual(['Paper digest 2026-06-01', 'Merging LoRA Adapters Without Interference', 'Second paper']);
    expect(threads.every((r) => r.body.auto_archive_duration === 1440)).toBe(true);

    const reactions = since(start).filter((r) => r.method === 'PUT' && r.path.includes('/reactions/'));
    expect(reactions.map((r) => r.path)).toEqual(
      ids.slice(1).flatMap((id) => ['👍', '👎'].map((e) => `/channels/${IDS.channel}/messages/${id}/reactions/${e}/@me`)),
    );
  });

  it('renders a paper card: linked title, authors, TL;DR, why, ▲ upvotes, code ★ stars, thumbnail', async () => {
    const start = lastSeq();
    await h.adapter.post(channel, { kind: 'digest-paper', digest: digest(), item: item(), rank: 1 });
    const body = since(start).find(messagePosts(IDS.channel))!.body;
    expect(body.content).toBe('**1.** Merging LoRA Adapters Without Interference');
    const [embed] = body.embeds;
    expect(embed.title).toBe('Merging LoRA Adapters Without Interference');
    expect(embed.url).toBe('https://arxiv.org/abs/2406.01234');
    expect(embed.description).toContain('Ada Lovelace, Alan Turing, Grace Hopper, Edsger Dijkstra et al.');
    expect(embed.description).toContain('**TL;DR** Merges adapters with less interference.');
    expect(embed.description).toContain('**Why** matches "lora merging"');
    expect(embed.fields).toEqual(
      expect.arrayContaining([
        { name: '▲ Upvotes', value: '118', inline: true },
        { name: 'Code', value: '[example/lora-merge](<https://github.com/example/lora-merge>) ★ 2.3k', inline: true },
      ]),
    );
    expect(embed.thumbnail).toEqual({ url: 'https://cdn.example.org/thumb/2406.01234.png' });
    expect(embed.footer.text).toContain('2406.01234');
  });

  it('keeps an oversized paper within every embed limit (the fake answers 400 otherwise)', async () => {
    const huge = item(
      paper({
        title: `A ${'very '.repeat(100)}long title`,
        authors: Array.from({ length: 300 }, (_, i) => `Author Number ${i}`),
      }),
      { tldr: 't'.repeat(5000), why: 'w'.repeat(3000) },
    );
    const start = lastSeq();
    const ref = await h.adapter.post(channel, { kind: 'digest-paper', digest: digest([huge]), item: huge, rank: 1 });
    const body = since(start).find(messagePosts(IDS.channel))!.body;
    const [embed] = body.embeds;
    expect(embed.title.length).toBeLessThanOrEqual(LIMITS.title);
    expect(embed.title.endsWith('…')).toBe(true);
    expect(embed.description.length).toBeLessThanOrEqual(LIMITS.description);
    expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.total);
    expect(body.content.length).toBeLessThanOrEqual(LIMITS.content);
    const thread = since(start).find((r) => /\/threads$/.test(r.path))!;
    expect(thread.body.name.length).toBeLessThanOrEqual(100);
    expect(ref.key).toMatch(/^discord:\d+:\d+$/);
  });

  it('a whole digest goes out as several messages of at most 10 embeds and 6000 characters', async () => {
    const items = Array.from({ length: 14 }, (_, i) => item(paper({ id: `2406.1${1000 + i}`, title: `P${i}` }), { tldr: 'y'.repeat(1200) }));
    const start = lastSeq();
    await h.adapter.post(channel, { kind: 'digest', digest: digest(items) });
    const bodies = since(start).filter(messagePosts(IDS.channel)).map((r) => r.body);
    expect(bodies.flatMap((b) => b.embeds ?? [])).toHaveLength(14);
    for (const b of bodies) {
      expect((b.embeds ?? []).length).toBeLessThanOrEqual(10);
      expect((b.embeds ?? []).reduce((n: number, e: never) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
    }
  });

  it('never pings: allowed_mentions {parse: []} reaches the wire for a paper titled "@everyone <@&123> look"', async () => {
    const p = paper({ id: '2406.07777', title: '@everyone <@&123> look' });
    const start = lastSeq();
    await h.adapter.post(channel, { kind: 'digest-paper', digest: digest([item(p)]), item: item(p), rank: 3 });
    const body = since(start).find(messagePosts(IDS.channel))!.body;
    expect(body.content).toContain('@everyone <@&123> look');
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('wraps bare links in <…> so plain text shows no preview', async () => {
    const start = lastSeq();
    await h.adapter.post(channel, {
      kind: 'text',
      text: 'See https://arxiv.org/abs/2406.01234. Also [the code](https://github.com/x/y) and `https://in.code`',
    });
    const body = since(start).find(messagePosts(IDS.channel))!.body;
    // A masked link in text is never live: its brackets are escaped (the bot builds links only in cards and citations).
    expect(body.content).toBe('See <https://arxiv.org/abs/2406.01234>. Also \\[the code](<https://github.com/x/y>) and `https://in.code`');
  });

  it('carries on when the thread cannot be created (missing permission)', async () => {
    h.fake.rest.intercept('POST', /^\/channels\/\d+\/messages\/\d+\/threads$/, () => ({ status: 403, body: { code: 50013, message: 'Missing Permissions' } }), 1);
    const start = lastSeq();
    const ref = await h.adapter.post(channel, { kind: 'digest-paper', digest: digest(), item: item(), rank: 1 });
    expect(ref.key).toMatch(new RegExp(`^discord:${IDS.channel}:\\d+$`));
    expect(since(start).filter((r) => r.path.includes('/reactions/'))).toHaveLength(2);
  });
});

describe('platform faults', () => {
  it('honors a 429 retry_after and then posts', async () => {
    h.fake.rest.intercept(
      'POST',
      new RegExp(`^/channels/${IDS.otherChannel}/messages$`),
      () => ({
        status: 429,
        body: { message: 'You are being rate limited.', retry_after: 0.2, global: false },
        headers: { 'retry-after': '0.2', 'x-ratelimit-scope': 'user' },
      }),
      1,
    );
    const start = lastSeq();
    const ref = await h.adapter.post(discordChannelRef(IDS.otherChannel), { kind: 'text', text: 'after the limit' });
    const attempts = since(start).filter(messagePosts(IDS.otherChannel));
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(200);
    expect(h.fake.state.messages.get(ref.threadId)?.content).toBe('after the limit');
  });

  it('a deleted channel (404, code 10003) throws ChannelUnavailableError with the channel key', async () => {
    h.fake.state.deletedChannels.add(IDS.otherChannel);
    try {
      const err = await h.adapter.post(discordChannelRef(IDS.otherChannel), { kind: 'text', text: 'hello?' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ChannelUnavailableError);
      expect((err as ChannelUnavailableError).channelKey).toBe(`discord:${IDS.otherChannel}`);
      expect((err as ChannelUnavailableError).reason).toMatch(/unknown channel.*10003/);
    } finally {
      h.fake.state.deletedChannels.delete(IDS.otherChannel);
    }
  });

  it('an uncached, unknown channel also throws ChannelUnavailableError', async () => {
    const err = await h.adapter.post(discordChannelRef('929999999999999999'), { kind: 'text', text: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChannelUnavailableError);
    expect(h.fake.rest.find('GET', /^\/channels\/929999999999999999$/)).toHaveLength(1);
  });

  it('Missing Access (403, code 50001) throws ChannelUnavailableError', async () => {
    h.fake.rest.intercept('POST', new RegExp(`^/channels/${IDS.channel}/messages$`), () => ({ status: 403, body: { code: 50001, message: 'Missing Access' } }), 1);
    const err = await h.adapter.post(channel, { kind: 'text', text: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChannelUnavailableError);
    expect((err as ChannelUnavailableError).reason).toMatch(/missing access/);
  });

  it('other errors (400 invalid body) are not mistaken for an unavailable channel', async () => {
    h.fake.rest.intercept('POST', new RegExp(`^/channels/${IDS.channel}/messages$`), () => ({ status: 400, body: { code: 50035, message: 'Invalid Form Body' } }), 1);
    const err = await h.adapter.post(channel, { kind: 'text', text: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(ChannelUnavailableError);
  });
});

describe('reply()', () => {
  it('answers inside the thread started from the posted message', async () => {
    const ref = await h.adapter.post(channel, { kind: 'digest-paper', digest: digest(), item: item(), rank: 1 });
    const start = lastSeq();
    await h.adapter.reply(ref, { kind: 'answer', text: 'It merges adapters [1].', citations: [{ index: 1, paperId: '2406.01234', title: 'Merging', url: 'https://arxiv.org/abs/2406.01234' }], extractive: false });
    const body = since(start).find(messagePosts(ref.threadId))!.body;
    expect(body.content).toBe('It merges adapters [1].\n\n**Sources**\n[1] [Merging](<https://arxiv.org/abs/2406.01234>)');
  });

  it('replies to the message itself when it has no thread', async () => {
    h.fake.rest.intercept('POST', /^\/channels\/\d+\/messages\/\d+\/threads$/, () => ({ status: 403, body: { code: 50013, message: 'Missing Permissions' } }), 1);
    const ref = await h.adapter.post(channel, { kind: 'digest-paper', digest: digest(), item: item(), rank: 1 });
    const start = lastSeq();
    await h.adapter.reply(ref, { kind: 'text', text: 'in reply' });
    const body = since(start).find(messagePosts(IDS.channel))!.body;
    expect(body.content).toBe('in reply');
    expect(body.message_reference).toMatchObject({ message_id: ref.threadId, fail_if_not_exists: false });
  });
});
