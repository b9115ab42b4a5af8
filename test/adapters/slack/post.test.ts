// post() / reply(): Block Kit on the wire, pacing per channel, Slack errors, 429 retries.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter, type SlackAdapterConfig } from '../../../adapters/slack/index.js';
import { slackChannelRef } from '../../../adapters/slack/refs.js';
import { ChannelUnavailableError, ConfigError } from '../../../src/errors.js';
import { silentLogger } from '../../../src/logger.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../fakes/fake-slack-api.js';
import { digest, EVIL_TITLE, item, paper, ScriptedCore } from './helpers.js';

let fake: FakeSlackApi;
let adapter: SlackAdapter;

function make(overrides: Partial<SlackAdapterConfig> = {}): SlackAdapter {
  return createSlackAdapter({
    botToken: 'xoxb-test',
    signingSecret: 'secret',
    apiUrl: fake.apiUrl,
    logger: silentLogger,
    botUserId: 'UBOT',
    botId: 'BBOT',
    clientOptions: { retryConfig: { retries: 0 } },
    paceMs: 200,
    ...overrides,
  });
}

beforeEach(async () => {
  fake = await startFakeSlackApi();
  adapter = make();
});

afterEach(async () => {
  await adapter.stop();
  await fake.close();
});

const C1 = slackChannelRef('C1');
const paperOut = (title = 'LoRA Merging at Scale', thumb?: string) => {
  const it = item(paper({ title, links: { abs: 'https://arxiv.org/abs/2406.01234', thumbnail: thumb } }));
  return { kind: 'digest-paper' as const, digest: digest([it]), item: it, rank: 1 };
};

describe('SlackAdapter.post / reply', () => {
  it('posts Block Kit with an escaped fallback, links unfurled off, and returns the thread ref', async () => {
    const ref = await adapter.post(C1, paperOut(EVIL_TITLE));
    const [call] = fake.callsTo('chat.postMessage');
    expect(call?.outcome).toBe('ok');
    expect(call?.headers.authorization).toBe('Bearer xoxb-test');
    const ts = String(call?.response.ts);
    expect(ref).toEqual({ platform: 'slack', channelId: 'C1', threadId: ts, key: `slack:C1:${ts}` });
    expect(call?.params).toMatchObject({ channel: 'C1', unfurl_links: 'false', unfurl_media: 'false' });
    expect(call?.params).not.toHaveProperty('link_names');
    expect(call?.params).not.toHaveProperty('parse');
    expect(Array.isArray(call?.params.blocks)).toBe(true);
    expect(call?.params.text).toContain('Attention &lt;!channel&gt; &lt;@U123&gt; &amp; more');
    expect(JSON.stringify(call?.params)).not.toMatch(/<!channel>|<@U123>/);
    expect(fake.callsTo('auth.test')).toHaveLength(0); // ids given: no auth.test
  });

  it('replies in the thread of the parent message', async () => {
    const parent = await adapter.post(C1, { kind: 'digest-header', digest: digest() });
    await adapter.reply(parent, { kind: 'text', text: 'an answer' });
    const reply = fake.callsTo('chat.postMessage')[1];
    expect(reply?.params.thread_ts).toBe(parent.threadId);
    expect(reply?.params.channel).toBe('C1');
  });

  it('spaces posts to one channel by paceMs without holding up other channels', async () => {
    const C2 = slackChannelRef('C2');
    await Promise.all([adapter.post(C1, paperOut('a')), adapter.post(C1, paperOut('b')), adapter.post(C1, paperOut('c')), adapter.post(C2, paperOut('d'))]);
    const calls = fake.callsTo('chat.postMessage');
    const c1 = calls.filter((c) => c.params.channel === 'C1');
    expect(c1.map((c) => c.params.text)).toEqual([expect.stringContaining('a'), expect.stringContaining('b'), expect.stringContaining('c')]);
    for (let i = 1; i < c1.length; i++) expect(c1[i]!.at - c1[i - 1]!.at).toBeGreaterThanOrEqual(200);
    // C2 went out while C1 was still waiting for its pace.
    expect(calls.findIndex((c) => c.params.channel === 'C2')).toBeLessThan(calls.indexOf(c1[2]!));
  });

  it.each(['channel_not_found', 'not_in_channel', 'is_archived'])('throws ChannelUnavailableError on %s and carries on elsewhere', async (error) => {
    fake.failNext('chat.postMessage', error, { channel: 'CGONE' });
    const err = await adapter.post(slackChannelRef('CGONE'), paperOut()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChannelUnavailableError);
    expect(err).toMatchObject({ channelKey: 'slack:CGONE', reason: error });
    await expect(adapter.post(C1, paperOut())).resolves.toMatchObject({ channelId: 'C1' });
  });

  it('rethrows other Slack errors as they are', async () => {
    fake.failNext('chat.postMessage', 'invalid_auth');
    const err = await adapter.post(C1, paperOut()).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(ChannelUnavailableError);
    expect(err).toMatchObject({ data: { error: 'invalid_auth' } });
  });

  it('retries a 429 after Retry-After', async () => {
    await adapter.stop();
    adapter = make({ clientOptions: { retryConfig: { retries: 2, minTimeout: 0, maxTimeout: 0 } } });
    fake.rateLimitNext('chat.postMessage', 1);
    const ref = await adapter.post(C1, paperOut());
    const calls = fake.callsTo('chat.postMessage');
    expect(calls.map((c) => c.outcome)).toEqual(['http_429', 'ok']);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(ref.threadId).toBeTruthy();
  });

  it('drops a thumbnail Slack cannot fetch and posts the paper anyway', async () => {
    const ref = await adapter.post(C1, paperOut('Has a picture', 'https://cdn.example/broken.png'));
    const calls = fake.callsTo('chat.postMessage');
    expect(calls.map((c) => c.outcome)).toEqual(['invalid_blocks', 'ok']);
    expect(JSON.stringify(calls[1]?.params.blocks)).not.toContain('broken.png');
    expect(JSON.stringify(calls[1]?.params.blocks)).toContain('Has a picture');
    expect(ref.threadId).toBeTruthy();
  });

  it('falls back to plain text when Slack refuses the blocks', async () => {
    fake.failNext('chat.postMessage', 'msg_blocks_too_long');
    await adapter.post(C1, paperOut('Plain'));
    const calls = fake.callsTo('chat.postMessage');
    expect(calls.map((c) => c.outcome)).toEqual(['msg_blocks_too_long', 'ok']);
    expect(calls[1]?.params.blocks).toBeUndefined();
    expect(calls[1]?.params.text).toContain('Plain');
  });

  it('refuses to start with a bot token Slack rejects, naming the variable', async () => {
    await adapter.stop();
    adapter = make({ botUserId: undefined, botId: undefined, port: 0, host: '127.0.0.1' });
    fake.failNext('auth.test', 'invalid_auth');
    const err = await adapter.start(new ScriptedCore()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect(String((err as Error).message)).toContain('SLACK_BOT_TOKEN');
    expect(adapter.port).toBeUndefined();
  });
});
