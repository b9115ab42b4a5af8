// The Discord adapter passes the chat-adapter contract: the real discord.js client against the
// fake Discord REST API and gateway (test/fakes/discord), driven by slash-command interactions
// with the options the command table types, gateway messages and reactions.
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
import type { APIEmbed } from 'discord-api-types/v10';
import { createDiscordAdapter } from '../../../adapters/discord/index.js';
import { silentLogger } from '../../../src/logger.js';
import { IDS, LIMITS, alice, bob, embedLength, messageBodyErrors, startFakeDiscord, type RecordedRequest } from '../../fakes/fake-discord.js';
import { tableSlash } from '../discord/table-slash.js';
import { describeChatAdapterContract } from './chat-adapter-contract.js';
import { startContractBot } from './contract-bot.js';
import type { ChatHarness, Seen } from './harness.js';

const MAIN = IDS.channel;
const EPHEMERAL = 64;
/** A command's answer is complete when no request for its interaction arrived for this long. */
const SETTLE_MS = 120;

/** Discord markdown as a reader sees it: backslash escapes dropped, `<url>` (no preview) as the URL. */
function plain(markdown: string): string {
  return markdown.replace(/\\([\\*_~`|>#\-[\]().!+=])/g, '$1').replace(/<(https?:\/\/[^>\s]+)>/g, '$1');
}

interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  flags?: number;
}

function seen(body: MessageBody, o: { channelId?: string; threadId?: string; private: boolean; edited?: boolean }): Seen {
  const parts: string[] = [];
  if (body.content) parts.push(body.content);
  for (const e of body.embeds ?? []) {
    for (const t of [e.author?.name, e.title, e.url, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text]) {
      if (t) parts.push(t);
    }
  }
  return {
    text: parts.map(plain).join('\n'),
    raw: JSON.stringify(body),
    channelId: o.channelId ?? MAIN,
    threadId: o.threadId,
    private: o.private,
    edited: o.edited ?? false,
    // What Discord counts: content and the embed total (each also checked against its own limit by the fake).
    size: (body.content?.length ?? 0) + (body.embeds ?? []).reduce((n, e) => n + embedLength(e), 0),
  };
}

async function startDiscordHarness(): Promise<ChatHarness> {
  const bot = await startContractBot();
  const fake = await startFakeDiscord();
  const adapter = createDiscordAdapter({
    token: 'fake-bot-token',
    apiUrl: fake.rest.api,
    messageContent: false,
    logger: silentLogger,
    restOptions: { retries: 0, timeout: 2000 },
  });
  await adapter.start(bot.core);
  const channel = { platform: 'discord' as const, channelId: MAIN, key: `discord:${MAIN}` };

  /** Waits until no request matching `pred` arrived for SETTLE_MS; resolves with all of them. */
  const settled = async (pred: (r: RecordedRequest) => boolean): Promise<RecordedRequest[]> => {
    let count = -1;
    for (;;) {
      const now = fake.rest.requests.filter(pred);
      if (now.length === count) return now;
      count = now.length;
      await sleep(SETTLE_MS);
    }
  };

  /** The bot's answer posted in channel `where` (a thread or the channel) after request `after`; an edited placeholder counts as its final text. */
  const answerIn = async (where: string, after: number, match: (r: RecordedRequest) => boolean = () => true): Promise<RecordedRequest[]> => {
    const isPost = (r: RecordedRequest) => r.seq > after && r.method === 'POST' && r.path === `/channels/${where}/messages` && match(r);
    const first = await fake.rest.waitFor(isPost, 8000, `an answer in ${where}`);
    const isEdit = (r: RecordedRequest) => r.seq > after && r.method === 'PATCH' && r.path.startsWith(`/channels/${where}/messages/`);
    // A placeholder ("⏳ …") is followed by the edit that turns it into the answer.
    if (String(first.body?.content ?? '').startsWith('⏳')) await fake.rest.waitFor(isEdit, 8000, `the edit of the placeholder in ${where}`);
    return settled((r) => r.seq > after && (isPost(r) || (r.method === 'PATCH' && r.path.startsWith(`/channels/${where}/messages/`))));
  };
  const lastSeq = () => fake.rest.requests.at(-1)?.seq ?? 0;
  const finalAnswer = (requests: RecordedRequest[], where: { channelId?: string; threadId?: string }): Seen => {
    const edit = requests.filter((r) => r.method === 'PATCH').at(-1);
    const posts = requests.filter((r) => r.method === 'POST');
    for (const r of requests) expect(messageBodyErrors(r.body)).toEqual({});
    for (const r of requests) expect(r.body.allowed_mentions).toMatchObject({ parse: [] });
    const shown = edit ? [edit, ...posts.slice(1)] : posts;
    const messages = shown.map((r) => seen(r.body as MessageBody, { ...where, private: false, edited: r === edit }));
    return { ...messages[0]!, text: messages.map((m) => m.text).join('\n'), raw: messages.map((m) => m.raw).join('\n') };
  };

  return {
    capabilities: {
      privateReplies: true,
      admins: 'platform',
      ackDeadlineMs: 3000,
      maxMessageChars: LIMITS.total,
      mentionAnswer: 'reply-to-mention',
    },
    bot,
    channel,
    async command(line, role = 'member') {
      const [sub = '', ...words] = line.split(' ');
      const sentAt = Date.now();
      const payload = fake.slash({ ...tableSlash(sub, words.join(' ')), admin: role === 'admin', user: role === 'admin' ? bob : alice });
      const callback = await fake.rest.waitFor((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${payload.id}/`), 5000, `the ack of /papers ${line}`);
      const ofToken = (r: RecordedRequest) => r.path.startsWith('/webhooks/') && r.path.includes(`/${payload.token}`);
      await fake.rest.waitFor((r) => ofToken(r) && r.method !== 'DELETE', 10_000, `the answer to /papers ${line}`);
      const requests = await settled(ofToken);
      const deferredPrivately = ((callback.body?.data?.flags ?? 0) & EPHEMERAL) !== 0;
      const shown = requests.filter((r) => r.method !== 'DELETE');
      if (requests.some((r) => r.method === 'DELETE')) expect(shown.every((r) => r.method === 'POST')).toBe(true);
      const messages = shown.map((r) => {
        expect(messageBodyErrors(r.body), `/papers ${line}`).toEqual({});
        expect(r.body.allowed_mentions).toMatchObject({ parse: [] });
        const isPrivate = r.method === 'PATCH' ? deferredPrivately : ((r.body.flags ?? 0) & EPHEMERAL) !== 0;
        return seen(r.body as MessageBody, { private: isPrivate });
      });
      return {
        messages,
        text: messages.map((m) => m.text).join('\n'),
        private: messages.every((m) => m.private),
        ackMs: callback.at - sentAt,
      };
    },
    async postDigest(papers) {
      const after = lastSeq();
      const { result, refs } = await bot.postDigest(adapter, channel, papers);
      const posts = fake.rest.requests
        .filter((r) => r.seq > after && r.method === 'POST' && r.path === `/channels/${MAIN}/messages`)
        .map((r) => {
          expect(messageBodyErrors(r.body)).toEqual({});
          expect(r.body.allowed_mentions).toMatchObject({ parse: [] });
          return seen(r.body as MessageBody, { private: false });
        });
      return { result, refs, posts };
    },
    async ask(ref, _rank, question) {
      const after = lastSeq();
      // A thread's id is its starter message's id: the paper post's ref names it.
      fake.message({ channelId: ref.threadId, content: `<@${IDS.bot}> ${question}`, mentions: [fake.state.bot] });
      return finalAnswer(await answerIn(ref.threadId, after), { channelId: MAIN, threadId: ref.threadId });
    },
    async react(ref, _rank, value) {
      fake.react({ channelId: MAIN, messageId: ref.threadId, emoji: value === 1 ? '👍' : '👎', user: alice });
    },
    async mention(text) {
      const after = lastSeq();
      const mention = fake.message({ channelId: MAIN, content: `<@${IDS.bot}> ${text}`, mentions: [fake.state.bot] });
      const replies = await answerIn(MAIN, after, (r) => r.body?.message_reference?.message_id === mention.id);
      return finalAnswer(replies, { channelId: MAIN });
    },
    expectInert(message, title) {
      // Discord's rules: no pings (allowed_mentions parse: [] on every body, checked where the body is
      // read) and every markdown character of untrusted text escaped, so `**bold**` and `[click](…)` show literally.
      expect(title).toContain('**bold**');
      expect(message.raw).not.toContain('**bold**');
      expect(message.raw).not.toMatch(/(?<!\\)\[click\]\(/); // an escaped `\[` cannot open a masked link
      expect(message.text).toContain('**bold** [click](https://evil.example)');
    },
    async close() {
      await adapter.stop();
      await fake.close();
      await bot.close();
    },
  };
}

describeChatAdapterContract('discord', startDiscordHarness);
