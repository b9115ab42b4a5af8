// The Slack adapter passes the chat-adapter contract in both its modes: real Bolt in HTTP mode on
// a free port, driven by signed slash commands and Events API requests, and in Socket Mode, driven
// by envelopes over the fake's WebSocket; either way answering the fake Slack Web API and
// response_url endpoints (test/fakes).
import { expect } from 'vitest';
import { createSlackAdapter } from '../../../adapters/slack/index.js';
import { silentLogger } from '../../../src/logger.js';
import { startFakeSlackApi, type SlackApiCall } from '../../fakes/fake-slack-api.js';
import { UNDOCUMENTED_TOTAL_LIMIT } from '../../fakes/slack-block-kit-limits.js';
import { eventEnvelope, postEvent, postSlashCommand, slashCommandFields } from '../../fakes/slack-signed-request.js';
import { describeChatAdapterContract } from './chat-adapter-contract.js';
import { startContractBot } from './contract-bot.js';
import type { ChatHarness, Seen } from './harness.js';

const SECRET = 'contract-signing-secret';
const CHANNEL = 'C1';
const USERS = { admin: 'UADMIN', member: 'UMEMBER' } as const;

/** Every text a Slack client shows for a message: block texts (or the fallback `text`) and button URLs. */
function visibleTexts(message: Record<string, unknown>): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') out.push(o.text);
      if (typeof o.url === 'string') out.push(o.url);
      for (const [k, child] of Object.entries(o)) if (k !== 'text' || typeof child !== 'string') walk(child);
    }
  };
  if (Array.isArray(message.blocks) && message.blocks.length > 0) walk(message.blocks);
  else if (typeof message.text === 'string') out.push(message.text);
  return out;
}

/** Slack mrkdwn as a reader sees it: `<url|label>` → "label (url)", entities decoded. */
function plain(mrkdwn: string): string {
  return mrkdwn
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function seen(message: Record<string, unknown>, o: { private?: boolean; edited?: boolean; threadId?: string } = {}): Seen {
  const texts = visibleTexts(message);
  return {
    text: texts.map(plain).join('\n'),
    raw: JSON.stringify(message),
    channelId: String(message.channel ?? CHANNEL),
    threadId: o.threadId ?? (message.thread_ts ? String(message.thread_ts) : undefined),
    private: o.private ?? false,
    edited: o.edited ?? false,
    size: texts.reduce((n, t) => n + t.length, 0),
  };
}

let tsSeq = 0;
/** A fresh message ts, as Slack stamps a user's message. */
function userTs(): string {
  return `1700000${String(++tsSeq).padStart(3, '0')}.000100`;
}

/** How requests reach Bolt: signed HTTP requests, or envelopes over the Socket Mode WebSocket. */
type Mode = 'http' | 'socket';

async function startSlackHarness(mode: Mode): Promise<ChatHarness> {
  const bot = await startContractBot();
  const fake = await startFakeSlackApi();
  fake.users.set(USERS.admin, { id: USERS.admin, name: 'boss', is_admin: true });
  fake.users.set(USERS.member, { id: USERS.member, name: 'alice' });
  const connection = mode === 'http' ? { signingSecret: SECRET, port: 0, host: '127.0.0.1' } : { appToken: 'xapp-test' };
  const adapter = createSlackAdapter({
    botToken: 'xoxb-test',
    ...connection,
    apiUrl: fake.apiUrl,
    logger: silentLogger,
    clientOptions: { retryConfig: { retries: 0 } },
    paceMs: 1,
  });
  await adapter.start(bot.core);
  if (mode === 'socket') await fake.socketConnected();
  const url = `http://127.0.0.1:${adapter.port}/slack/events`;
  /** Sends a slash command; resolves with when Slack got its acknowledgement. */
  const sendCommand = async (fields: Record<string, string>): Promise<number> => {
    if (mode === 'socket') return (await fake.sendEnvelope('slash_commands', fields)).at;
    const ack = await postSlashCommand(url, SECRET, fields);
    expect(ack.status).toBe(200);
    return ack.at;
  };
  /** Delivers an Events API event. */
  const sendEvent = async (event: object): Promise<void> => {
    if (mode === 'socket') await fake.sendEnvelope('events_api', eventEnvelope(event));
    else expect((await postEvent(url, SECRET, eventEnvelope(event))).status).toBe(200);
  };
  const channel = { platform: 'slack' as const, channelId: CHANNEL, key: `slack:${CHANNEL}` };
  let responseSeq = 0;

  /** The bot's answer in thread `threadTs`: its first post there, or the edit of that post (a placeholder replaced). */
  const answerIn = async (threadTs: string): Promise<Seen> => {
    const post = await fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === threadTs, 8000);
    expect(post.outcome).toBe('ok');
    const edit = fake.callsTo('chat.update').find((c: SlackApiCall) => c.params.ts === post.response.ts);
    if (String(post.params.text).startsWith('⏳')) {
      const update = edit ?? (await fake.waitForCall('chat.update', (c) => c.params.ts === post.response.ts, 8000));
      return seen(update.params, { threadId: threadTs, edited: true });
    }
    return seen(post.params, { threadId: threadTs });
  };

  return {
    capabilities: {
      privateReplies: true,
      admins: 'first-subscriber',
      ackDeadlineMs: 3000,
      maxMessageChars: UNDOCUMENTED_TOTAL_LIMIT,
      mentionAnswer: 'thread-under-mention',
    },
    bot,
    channel,
    async command(line, role = 'member') {
      const id = `r${++responseSeq}`;
      const sentAt = Date.now();
      const ackAt = await sendCommand(slashCommandFields(line, fake.responseUrl(id), { user_id: USERS[role], channel_id: CHANNEL }));
      const response = await fake.waitForResponse(id, 10_000);
      expect(response.outcome).toBe('ok');
      const isPrivate = response.body.response_type !== 'in_channel';
      const message = seen(response.body, { private: isPrivate });
      return { messages: [message], text: message.text, private: isPrivate, ackMs: ackAt - sentAt };
    },
    async postDigest(papers) {
      const before = fake.calls.length;
      const { result, refs } = await bot.postDigest(adapter, channel, papers);
      const posts = fake.calls
        .slice(before)
        .filter((c) => c.method === 'chat.postMessage' && c.params.channel === CHANNEL && !c.params.thread_ts)
        .map((c) => {
          expect(c.outcome, c.detail).toBe('ok');
          return seen(c.params);
        });
      return { result, refs, posts };
    },
    async ask(ref, _rank, question) {
      const ts = userTs();
      const event = { type: 'message', channel: CHANNEL, user: USERS.member, text: `<@${fake.botUserId}> ${question}`, ts, thread_ts: ref.threadId, parent_user_id: fake.botUserId, channel_type: 'channel', event_ts: ts };
      await sendEvent(event);
      return answerIn(ref.threadId);
    },
    async react(ref, _rank, value) {
      const reaction = { type: 'reaction_added', user: USERS.member, reaction: value === 1 ? '+1' : '-1', item: { type: 'message', channel: CHANNEL, ts: ref.threadId }, item_user: fake.botUserId, event_ts: userTs() };
      await sendEvent(reaction);
    },
    async mention(text) {
      const ts = userTs();
      const event = { type: 'app_mention', channel: CHANNEL, user: USERS.member, text: `<@${fake.botUserId}> ${text}`, ts, event_ts: ts };
      await sendEvent(event);
      const answer = await answerIn(ts);
      expect(answer.threadId).toBe(ts);
      return answer;
    },
    expectInert(message, title) {
      // Slack's rule: `&`, `<`, `>` of untrusted text go out as entities, so no `<…>` sequence survives.
      const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      expect(message.raw).toContain(JSON.stringify(escaped.slice(0, 40)).slice(1, -1));
      for (const live of ['<!channel>', '<@U123>', '<!everyone>']) expect(message.raw).not.toContain(live);
      expect(message.raw).not.toMatch(/"(link_names|parse)"/);
    },
    async close() {
      await adapter.stop();
      await fake.close();
      await bot.close();
    },
  };
}

describeChatAdapterContract('slack (HTTP)', () => startSlackHarness('http'));
describeChatAdapterContract('slack (Socket Mode)', () => startSlackHarness('socket'));
