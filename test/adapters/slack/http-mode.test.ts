// The Slack adapter in HTTP mode: real Bolt App + HTTPReceiver on port 0, signed requests, and a
// fake Web API / response_url. Assertions are on what reaches the wire.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/index.js';
import { silentLogger } from '../../../src/logger.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../fakes/fake-slack-api.js';
import {
  blockActionPayload,
  eventEnvelope,
  postEvent,
  postInteraction,
  postSigned,
  postSlashCommand,
  slashCommandFields,
} from '../../fakes/slack-signed-request.js';
import { digest, EVIL_TITLE, item, paper, ScriptedCore, until } from './helpers.js';

const SECRET = 'test-signing-secret';

let fake: FakeSlackApi;
let adapter: SlackAdapter;
let core: ScriptedCore;
let url: string;

beforeEach(async () => {
  fake = await startFakeSlackApi();
  core = new ScriptedCore();
  adapter = createSlackAdapter({
    botToken: 'xoxb-test',
    signingSecret: SECRET,
    apiUrl: fake.apiUrl,
    port: 0,
    host: '127.0.0.1',
    logger: silentLogger,
    clientOptions: { retryConfig: { retries: 0 } },
    paceMs: 20,
  });
  await adapter.start(core);
  url = `http://127.0.0.1:${adapter.port}/slack/events`;
});

afterEach(async () => {
  await adapter.stop();
  await adapter.stop();
  await fake.close();
});

/** A thread reply by a user under the bot's post `parentTs`. */
function threadMessage(ts: string, text: string, overrides: Record<string, unknown> = {}) {
  return { type: 'message', channel: 'C1', user: 'U1', text, ts, thread_ts: '1700000000.000100', parent_user_id: 'UBOT', channel_type: 'channel', event_ts: ts, ...overrides };
}

/** Posts a harmless thread message and waits for its answer: everything sent before it has been handled. */
async function sentinel(): Promise<void> {
  const ts = `1700000099.${Math.floor(Math.random() * 1e6)}`;
  await postEvent(url, SECRET, eventEnvelope(threadMessage(ts, 'sentinel')));
  await until(() => core.threadMessages.some((m) => m.text === 'sentinel'), 'sentinel');
  await sleep(50);
}

describe('Slack adapter, HTTP mode', () => {
  it('starts on a real port, checked auth.test, and answers url_verification', async () => {
    expect(adapter.port).toBeGreaterThan(0);
    expect(fake.callsTo('auth.test')).toHaveLength(1);
    const res = await postEvent(url, SECRET, { token: 't', challenge: 'c-123', type: 'url_verification' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('c-123');
  });

  it('rejects a request with a bad signature', async () => {
    const res = await postSlashCommand(url, 'wrong-secret', slashCommandFields('help', fake.responseUrl('bad')));
    expect(res.status).toBe(401);
    expect(core.commands).toHaveLength(0);
  });

  it('rejects correctly signed requests dated 400 s in the future or the past; accepts one dated 200 s ahead', async () => {
    const body = new URLSearchParams(slashCommandFields('help', fake.responseUrl('skew'))).toString();
    const now = Math.floor(Date.now() / 1000);
    const form = 'application/x-www-form-urlencoded';
    expect((await postSigned(url, SECRET, body, form, {}, now + 400)).status).toBe(401);
    expect((await postSigned(url, SECRET, body, form, {}, now - 400)).status).toBe(401);
    expect(core.commands).toHaveLength(0);
    expect((await postSigned(url, SECRET, body, form, {}, now + 200)).status).toBe(200);
    await until(() => core.commands.length === 1, 'the fresh command');
  });

  it('acks a slash command at once while the core takes 4 s, then responds through response_url', async () => {
    const evil = item(paper({ title: EVIL_TITLE }));
    core.onCommand = async () => {
      await sleep(4000);
      return { kind: 'digest', digest: digest([evil]) };
    };
    const sentAt = Date.now();
    const ack = await postSlashCommand(url, SECRET, slashCommandFields('today', fake.responseUrl('r1')));
    expect(ack.status).toBe(200);
    expect(ack.at - sentAt).toBeLessThan(3000);
    expect(core.commandDoneAt).toHaveLength(0); // the ack did not wait for the core
    expect(JSON.parse(ack.body)).toMatchObject({ response_type: 'ephemeral', text: 'Working on it…' });

    const response = await fake.waitForResponse('r1', 8000);
    expect(response.outcome).toBe('ok');
    expect(response.at).toBeGreaterThanOrEqual(core.commandDoneAt[0]!);
    expect(response.body).toMatchObject({ response_type: 'in_channel', replace_original: false, unfurl_links: false });
    const wire = JSON.stringify(response.body);
    expect(wire).toContain('Attention &lt;!channel&gt; &lt;@U123&gt; &amp; more');
    expect(wire).not.toContain('<!channel>');
    expect(wire).not.toContain('<@U123>');
  });

  it('builds the CommandInvocation: sub-command, text, channel ref, admin flag and time zone from users.info', async () => {
    fake.users.set('UADMIN', { id: 'UADMIN', name: 'Boss', is_admin: true, tz: 'America/New_York' });
    core.onCommand = async (cmd) =>
      cmd.user.isAdmin
        ? { kind: 'text', text: 'Subscribed.' }
        : { kind: 'text', text: 'Sorry, only a channel admin can use `/papers subscribe`.', ephemeral: true };

    const a = await postSlashCommand(url, SECRET, slashCommandFields('subscribe   lora &lt;b&gt; &amp; merging', fake.responseUrl('a'), { user_id: 'UADMIN' }));
    expect(a.body).toBe(''); // a quick command gets an empty ack
    const adminReply = await fake.waitForResponse('a');
    expect(core.commands[0]).toEqual({
      name: 'subscribe',
      text: 'lora <b> & merging',
      channel: { platform: 'slack', channelId: 'C1', key: 'slack:C1' },
      user: { id: 'UADMIN', name: 'Boss', isAdmin: true },
      userTz: 'America/New_York',
    });
    expect(adminReply.body.response_type).toBe('in_channel');

    await postSlashCommand(url, SECRET, slashCommandFields('subscribe lora', fake.responseUrl('b'), { user_id: 'U7' }));
    const refusal = await fake.waitForResponse('b');
    expect(core.commands[1]?.user.isAdmin).toBe(false);
    expect(refusal.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(refusal.body)).toContain('only a channel admin');
  });

  it('answers a thread message in that thread (thread_ts = parent), escaped, with a working reaction', async () => {
    core.onThread = async (msg) =>
      msg.thread.key === 'slack:C1:1700000000.000100'
        ? { kind: 'answer', text: 'They use <!channel> & ImageNet [1].', citations: [{ index: 1, paperId: 'p', title: EVIL_TITLE, url: 'https://arxiv.org/abs/1' }], extractive: false }
        : null;
    await postEvent(url, SECRET, eventEnvelope(threadMessage('1700000000.000200', '<@UBOT> which dataset? <https://arxiv.org/abs/1|arxiv.org/abs/1> &amp; more')));

    const post = await fake.waitForCall('chat.postMessage');
    expect(post.outcome).toBe('ok');
    expect(post.params).toMatchObject({ channel: 'C1', thread_ts: '1700000000.000100', unfurl_links: 'false', unfurl_media: 'false' });
    expect(post.params).not.toHaveProperty('link_names');
    expect(post.params).not.toHaveProperty('parse');
    const wire = JSON.stringify(post.params);
    expect(wire).toContain('They use &lt;!channel&gt; &amp; ImageNet');
    expect(wire).not.toMatch(/<!channel>|<@U123>/);

    expect(core.threadMessages[0]).toEqual({
      thread: { platform: 'slack', channelId: 'C1', threadId: '1700000000.000100', key: 'slack:C1:1700000000.000100' },
      text: 'which dataset? https://arxiv.org/abs/1 & more',
      user: { id: 'U1' },
      mentionsBot: true,
    });
    const added = await fake.waitForCall('reactions.add');
    expect(added.params).toMatchObject({ channel: 'C1', timestamp: '1700000000.000200', name: 'hourglass_flowing_sand' });
    const removed = await fake.waitForCall('reactions.remove');
    expect(removed.params).toMatchObject({ timestamp: '1700000000.000200' });
  });

  it('shows a placeholder reply at once and edits the slow answer into it (chat.update), escaped', async () => {
    core.onThread = async (_msg, progress) => {
      await progress?.placeholder({ kind: 'text', text: '⏳ Reading the paper to answer…' });
      await sleep(1200);
      return { kind: 'answer', text: 'They use <!channel> & ImageNet. [1 §4.2]', citations: [], extractive: false };
    };
    const sentAt = Date.now();
    await postEvent(url, SECRET, eventEnvelope(threadMessage('1700000000.000250', '<@UBOT> which dataset?')));
    const placeholder = await fake.waitForCall('chat.postMessage');
    expect(placeholder.at - sentAt).toBeLessThan(1000);
    expect(placeholder.params).toMatchObject({ channel: 'C1', thread_ts: '1700000000.000100', text: '⏳ Reading the paper to answer…' });
    const update = await fake.waitForCall('chat.update', undefined, 5000);
    const ts = placeholder.response.ts as string;
    expect(update.params).toMatchObject({ channel: 'C1', ts });
    expect(JSON.stringify(update.params)).toContain('They use &lt;!channel&gt; &amp; ImageNet. [1 §4.2]');
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('answers an app_mention outside a thread under the mention itself', async () => {
    core.onThread = async () => ({ kind: 'text', text: 'Hi!' });
    const mention = { type: 'app_mention', channel: 'C1', user: 'U1', text: '<@UBOT> hello', ts: '1700000001.000001', event_ts: '1700000001.000001' };
    await postEvent(url, SECRET, eventEnvelope(mention));
    const post = await fake.waitForCall('chat.postMessage');
    expect(post.params.thread_ts).toBe('1700000001.000001');
    expect(core.threadMessages[0]).toMatchObject({ text: 'hello', mentionsBot: true });
  });

  it('answers once: a Slack retry of the same event_id and the twin app_mention are dropped', async () => {
    core.onThread = async (msg) => (msg.text === 'sentinel' ? null : { kind: 'text', text: 'answer' });
    const event = threadMessage('1700000000.000300', '<@UBOT> question');
    await postEvent(url, SECRET, eventEnvelope(event, 'EvOnce'));
    await fake.waitForCall('chat.postMessage');

    const retry = await postEvent(url, SECRET, eventEnvelope(event, 'EvOnce'), 1);
    expect(retry.status).toBe(200);
    await postEvent(url, SECRET, eventEnvelope({ ...event, type: 'app_mention' }, 'EvTwin'));
    await sentinel();

    expect(core.threadMessages.filter((m) => m.text === 'question')).toHaveLength(1);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('ignores its own and other bots\' messages, edits and top-level chatter', async () => {
    core.onThread = async () => null;
    const ignored = [
      threadMessage('1700000000.000401', 'from me', { user: 'UBOT' }),
      threadMessage('1700000000.000402', 'other bot', { bot_id: 'B9', subtype: 'bot_message', user: undefined }),
      threadMessage('1700000000.000403', 'bot with user', { bot_id: 'B9' }),
      threadMessage('1700000000.000404', 'edited', { subtype: 'message_changed' }),
      threadMessage('1700000000.000405', 'top level', { thread_ts: undefined }),
    ];
    for (const e of ignored) await postEvent(url, SECRET, eventEnvelope(e));
    await sentinel();
    expect(core.threadMessages.map((m) => m.text)).toEqual(['sentinel']);
  });

  it('stays silent (no post, no reaction) when the core says the thread is not ours', async () => {
    core.onThread = async () => null;
    await postEvent(url, SECRET, eventEnvelope(threadMessage('1700000000.000501', 'chat among humans', { parent_user_id: 'U2' })));
    await sentinel();
    expect(core.threadMessages.map((m) => m.text)).toContain('chat among humans');
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(fake.callsTo('reactions.add').map((c) => c.params.timestamp)).not.toContain('1700000000.000501');
  });

  it('turns 👍/👎 reactions on the bot\'s messages into feedback events', async () => {
    const reaction = (type: string, name: string, itemUser = 'UBOT') => ({
      type,
      user: 'U1',
      reaction: name,
      item: { type: 'message', channel: 'C1', ts: '1700000000.000100' },
      item_user: itemUser,
      event_ts: '1700000002.000001',
    });
    const vote = eventEnvelope(reaction('reaction_added', '+1'), 'EvVote');
    await postEvent(url, SECRET, vote);
    await postEvent(url, SECRET, vote, 1); // Slack's retry of the same event: not a second vote
    await postEvent(url, SECRET, eventEnvelope(reaction('reaction_added', 'heart')));
    await postEvent(url, SECRET, eventEnvelope(reaction('reaction_added', 'thumbsup', 'U2')));
    await postEvent(url, SECRET, eventEnvelope(reaction('reaction_removed', 'thumbsdown::skin-tone-3')));
    await until(() => core.feedback.length >= 2, 'two feedback events');
    await sentinel();
    const message = { platform: 'slack', channelId: 'C1', threadId: '1700000000.000100', key: 'slack:C1:1700000000.000100' };
    expect(core.feedback).toEqual([
      { message, user: { id: 'U1' }, value: 1, removed: false },
      { message, user: { id: 'U1' }, value: -1, removed: true },
    ]);
  });

  it('turns the 👎 button into a feedback event, acks it and confirms ephemerally', async () => {
    const res = await postInteraction(url, SECRET, blockActionPayload('paper_feedback_down', 'C1', '1700000000.000100', fake.responseUrl('btn')));
    expect(res.status).toBe(200);
    const confirm = await fake.waitForResponse('btn');
    expect(core.feedback).toEqual([
      { message: { platform: 'slack', channelId: 'C1', threadId: '1700000000.000100', key: 'slack:C1:1700000000.000100' }, user: { id: 'U1' }, value: -1 },
    ]);
    expect(confirm.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  });
});
