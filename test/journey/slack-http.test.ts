// User journeys on Slack in HTTP mode, through the REAL serve composition: readConfig(env) →
// startServe → BotCore + Slack adapter on the real Bolt HTTPReceiver, a memory store and a
// `file:` source. Slack is the local fake (Web API, response_url); requests are HMAC-signed.
// The journeys build on each other in order: subscribe → digest → thread Q&A → feedback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi, type SlackApiCall } from '../fakes/fake-slack-api.js';
import { blockActionPayload, eventEnvelope, postEvent, postInteraction, postSlashCommand, slashCommandFields } from '../fakes/slack-signed-request.js';
import { startServeUnderTest, todaysPapers, until, type FilePaperEntry, type ServeUnderTest } from './support/serve-harness.js';

const SECRET = 'journey-signing-secret';
const CHANNEL = 'C1';
const KEY = 'slack:C1';
const GONE = 'C2';
const GONE_KEY = 'slack:C2';

let fake: FakeSlackApi;
let serve: ServeUnderTest;
let url: string;
let respSeq = 0;

/** Runs `/papers <text>` as `user` in C1; resolves with the ack and the response_url body. */
async function command(text: string, user = 'U1', channel = CHANNEL) {
  const id = `r${++respSeq}`;
  const sentAt = Date.now();
  const ack = await postSlashCommand(url, SECRET, slashCommandFields(text, fake.responseUrl(id), { user_id: user, channel_id: channel }));
  const response = await fake.waitForResponse(id, 15_000);
  return { ack, ackMs: ack.at - sentAt, response, wire: JSON.stringify(response.body) };
}

/** Top-level posts to C1 (digest messages), in order. */
function topLevelPosts(): SlackApiCall[] {
  return fake.callsTo('chat.postMessage').filter((c) => c.params.channel === CHANNEL && c.params.thread_ts === undefined);
}

/** Replies posted in the thread of `ts`. */
function repliesIn(ts: string): SlackApiCall[] {
  return fake.callsTo('chat.postMessage').filter((c) => c.params.thread_ts === ts);
}

function threadMessage(ts: string, threadTs: string, text: string, extra: Record<string, unknown> = {}) {
  return { type: 'message', channel: CHANNEL, user: 'U2', text, ts, thread_ts: threadTs, parent_user_id: 'UBOT', channel_type: 'channel', event_ts: ts, ...extra };
}

beforeAll(async () => {
  fake = await startFakeSlackApi();
  serve = await startServeUnderTest(todaysPapers(), {
    SLACK_BOT_TOKEN: 'xoxb-journey',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    PAPERBOT_DIGEST_SIZE: '3',
  });
  // PORT=0: the bound port is only known to the running adapter (serve reports it as healthPort).
  expect(serve.handle.healthPort).toBeGreaterThan(0);
  url = `http://127.0.0.1:${serve.handle.healthPort}/slack/events`;
});

afterAll(async () => {
  await serve?.close();
  await fake?.close();
});

describe('Slack journey (HTTP mode, real serve composition)', () => {
  it('serves /healthz on the Slack port', async () => {
    const res = await fetch(`http://127.0.0.1:${serve.handle.healthPort}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('1. subscribe: acked within 3 s, stored; settings show it; a non-admin cannot change the size', async () => {
    const sub = await command('subscribe video generation', 'U1');
    expect(sub.ack.status).toBe(200);
    expect(sub.ackMs).toBeLessThan(3000);
    expect(sub.wire).toContain('Subscribed');
    expect(sub.response.body.response_type).toBe('in_channel');

    const stored = await serve.handle.app.store.getSubscription(KEY);
    expect(stored).toMatchObject({ interests: 'video generation', subscribedBy: 'U1', paused: false, channel: { key: KEY } });

    const settings = await command('settings', 'U3');
    expect(settings.ackMs).toBeLessThan(3000);
    expect(settings.wire).toContain('video generation');

    const size = await command('size 3', 'U2');
    expect(size.ackMs).toBeLessThan(3000);
    expect(size.response.body.response_type).toBe('ephemeral');
    expect(size.wire).toContain('only a channel admin');
    expect((await serve.handle.app.store.getSubscription(KEY))?.size).toBe(stored?.size);
  });

  it('2. the digest is posted: a header, then one Block Kit message per paper, untrusted text escaped', async () => {
    // The subscriber makes the digest due now (00:00 UTC, every day), then the scheduler runs.
    const schedule = await command('schedule 00:00 UTC daily', 'U1');
    expect(schedule.response.body.response_type).toBe('in_channel');
    expect((await serve.handle.app.store.getSubscription(KEY))?.schedule).toMatchObject({ time: '00:00', tz: 'UTC' });
    // A second channel is due too, but it was archived/deleted since it subscribed.
    await command('subscribe video generation', 'U1', GONE);
    await command('schedule 00:00 UTC daily', 'U1', GONE);
    fake.failNext('chat.postMessage', 'channel_not_found', { channel: GONE, times: 5 });

    await serve.handle.scheduler.tick();
    // A minute tick of the real cron may have started it first: wait for the run to finish.
    await until(async () => (await serve.handle.app.store.getSubscription(KEY))?.lastDigestAt, 'the digest to finish', 20_000);
    const gone = await until(async () => {
      const sub = await serve.handle.app.store.getSubscription(GONE_KEY);
      return sub?.paused ? sub : undefined;
    }, 'the deleted channel to be paused');
    expect(gone.pausedReason).toContain('channel_not_found');
    expect(serve.logs.some((l) => l.includes(GONE_KEY) && /paused/.test(l))).toBe(true);
    expect(fake.callsTo('chat.postMessage').filter((c) => c.params.channel === GONE)).toHaveLength(1);

    const posts = topLevelPosts();
    expect(posts.length).toBeGreaterThanOrEqual(2);
    for (const p of posts) {
      expect(p.outcome, p.detail).toBe('ok');
      expect(Array.isArray(p.params.blocks)).toBe(true);
      expect(String(p.params.text).length).toBeGreaterThan(0);
      expect(p.params).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
    }
    const [header, ...papers] = posts;
    expect(JSON.stringify(header!.params)).toContain('video generation');
    // The bot was up all along: an on-time digest says nothing about being late.
    expect(JSON.stringify(header!.params)).not.toMatch(/posted late/i);
    expect(papers).toHaveLength(3); // PAPERBOT_DIGEST_SIZE=3 and three video-generation papers
    const titles = papers.map((p) => JSON.stringify(p.params));
    expect(titles.some((t) => t.includes('Temporal Consistency for Video Generation'))).toBe(true);
    const evil = papers.find((p) => JSON.stringify(p.params).includes('Attention &lt;!channel&gt; &lt;@U123&gt; &amp; more'));
    expect(evil, 'the paper with the hostile title').toBeDefined();
    for (const p of posts) {
      const wire = JSON.stringify(p.params);
      expect(wire).not.toContain('<!channel>');
      expect(wire).not.toContain('<@U123>');
    }
    // Exactly once: another tick posts nothing more today.
    await serve.handle.scheduler.tick();
    expect(topLevelPosts()).toHaveLength(posts.length);

    // `/papers today` now shows the digest the channel got, not an empty re-preview.
    const today = await command('today', 'U3');
    expect(today.ackMs).toBeLessThan(3000);
    expect(today.response.body.response_type).toBe('ephemeral');
    expect(today.wire).toContain('showing 3');
    expect(today.wire).toContain('Long Video Generation with Autoregressive Rollouts');
  });

  it('2b. /papers weekly: the week\'s best for the channel, only to the asker, the posted papers marked (from the table alone)', async () => {
    const weekly = await command('weekly', 'U3');
    expect(weekly.ackMs).toBeLessThan(3000);
    expect(weekly.response.body.response_type).toBe('ephemeral');
    expect(weekly.wire).toContain('Best of the week');
    expect(weekly.wire).toContain('Long Video Generation with Autoregressive Rollouts');
    expect(weekly.wire.match(/already posted here/g)?.length).toBeGreaterThanOrEqual(3);
  });

  it('3. a question in a paper\'s thread is answered there from that paper, once, and the bot ignores itself', async () => {
    const evil = topLevelPosts().find((p) => JSON.stringify(p.params).includes('Attention &lt;!channel&gt;'))!;
    const paperTs = String(evil.response.ts);
    const question = eventEnvelope(threadMessage('1790000000.000100', paperTs, 'Which benchmarks do they evaluate on?'), 'EvJourneyQ1');
    const first = await postEvent(url, SECRET, question);
    expect(first.status).toBe(200);

    const answer = await fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === paperTs, 10_000);
    expect(answer.outcome, answer.detail).toBe('ok');
    expect(answer.params.channel).toBe(CHANNEL);
    const wire = JSON.stringify(answer.params);
    expect(wire).toContain('UCF-101'); // quoted from that paper's abstract
    expect(wire).toContain('Quoted sentences from the papers'); // marked as extracts (no model configured)
    expect(wire).not.toContain('<!channel>');

    // Slack retries the same event; the bot echoes its own answer back as a message event.
    expect((await postEvent(url, SECRET, question, 1)).status).toBe(200);
    const echo = threadMessage(String(answer.response.ts), paperTs, 'They evaluate on UCF-101?', { user: 'UBOT', bot_id: 'BBOT' });
    expect((await postEvent(url, SECRET, eventEnvelope(echo))).status).toBe(200);
    // A later question in the same thread: once it is answered, the two above have been handled.
    await postEvent(url, SECRET, eventEnvelope(threadMessage('1790000000.000200', paperTs, 'What FVD does the model reach?'), 'EvJourneyQ2'));
    await until(() => repliesIn(paperTs).length >= 2, 'the second answer');
    await new Promise((r) => setTimeout(r, 300));
    const replies = repliesIn(paperTs);
    expect(replies).toHaveLength(2);
    expect(JSON.stringify(replies[1]!.params)).toContain('112');
    // The question and answer are kept as thread turns (follow-ups have context).
    const turns = await serve.handle.app.store.getTurns(`${KEY}:${paperTs}`);
    expect(turns.map((t) => t.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
  });

  it('3b. a question in the header\'s thread is answered about the whole digest', async () => {
    const headerTs = String(topLevelPosts()[0]!.response.ts);
    await postEvent(url, SECRET, eventEnvelope(threadMessage('1790000000.000300', headerTs, '<@UBOT> which paper generates minute-long videos?', { parent_user_id: 'UBOT' })));
    const answer = await fake.waitForCall('chat.postMessage', (c) => c.params.thread_ts === headerTs, 10_000);
    expect(answer.outcome, answer.detail).toBe('ok');
    expect(JSON.stringify(answer.params)).toContain('minute-long');
  });

  it('4a. the 👎 button on a paper message stores feedback and confirms ephemerally', async () => {
    const temporal = topLevelPosts().find((p) => JSON.stringify(p.params).includes('Temporal Consistency'))!;
    const ts = String(temporal.response.ts);
    const res = await postInteraction(url, SECRET, blockActionPayload('paper_feedback_down', CHANNEL, ts, fake.responseUrl('btn1'), 'U4'));
    expect(res.status).toBe(200);
    const confirm = await fake.waitForResponse('btn1');
    expect(confirm.body).toMatchObject({ response_type: 'ephemeral' });
    const votes = await serve.handle.app.store.listFeedback(KEY);
    expect(votes).toEqual([expect.objectContaining({ paperId: '2611.10002', userId: 'U4', value: -1 })]);
  });

  it('4. a 👍 on a paper message is stored for the channel and lifts a similar paper the next day', async () => {
    const posts = topLevelPosts();
    const evil = posts.find((p) => JSON.stringify(p.params).includes('Attention &lt;!channel&gt;'))!;
    const paperTs = String(evil.response.ts);

    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await serve.setPapers(tomorrowsPapers(tomorrow));
    const sub = (await serve.handle.app.store.getSubscription(KEY))!;
    const before = await serve.handle.app.previewer.preview(sub, { date: tomorrow });

    const reaction = { type: 'reaction_added', user: 'U2', reaction: '+1', item: { type: 'message', channel: CHANNEL, ts: paperTs }, item_user: 'UBOT', event_ts: '1790000001.000001' };
    expect((await postEvent(url, SECRET, eventEnvelope(reaction))).status).toBe(200);
    const votes = await until(async () => {
      const list = await serve.handle.app.store.listFeedback(KEY);
      return list.some((v) => v.value === 1) ? list : undefined;
    }, 'the feedback to be stored');
    expect(votes).toEqual(expect.arrayContaining([expect.objectContaining({ paperId: '2611.10001', userId: 'U2', value: 1 })]));

    const after = await serve.handle.app.previewer.preview(sub, { date: tomorrow });
    const rankOf = (d: typeof before, id: string) => d.items.findIndex((i) => i.paper.id === id);
    const scoreOf = (d: typeof before, id: string) => d.items.find((i) => i.paper.id === id)?.score ?? -1;
    expect(rankOf(after, SIMILAR_ID)).toBeGreaterThanOrEqual(0);
    expect(scoreOf(after, SIMILAR_ID)).toBeGreaterThan(scoreOf(before, SIMILAR_ID));
    expect(after.items[rankOf(after, SIMILAR_ID)]!.why).toContain("like 2611.10001 you 👍'd");
    expect(before.items[rankOf(before, SIMILAR_ID)]!.why).not.toContain("you 👍'd");
    // Papers already posted to this channel are not offered again.
    expect(after.items.map((i) => i.paper.id)).not.toContain('2611.10001');
  });
});

const SIMILAR_ID = '2611.20001';
const OTHER_ID = '2611.20002';

/** Tomorrow's papers: one close to the liked paper (but not saying "video generation"), one plainly about video generation. */
function tomorrowsPapers(date: string): FilePaperEntry[] {
  return [
    {
      id: SIMILAR_ID,
      title: 'Factorized Spatio-Temporal Attention for Video Diffusion Transformers',
      abstract:
        'We revisit factorized spatio-temporal attention in diffusion transformers that synthesize video clips. ' +
        'On UCF-101 and Kinetics-600 the FVD improves while the compute halves.',
      authors: ['Ada Lovelace', 'Niklaus Wirth'],
      published: date,
      upvotes: 5,
    },
    {
      id: OTHER_ID,
      title: 'Video Generation Benchmarks: Evaluating Video Generation Models with Human Preference',
      abstract: 'We collect human preference ratings for video generation and compare twelve video generation models on prompt adherence.',
      authors: ['Tony Hoare'],
      published: date,
      upvotes: 5,
    },
  ];
}
