// Both platforms in one serve process (Slack in Socket Mode + Discord) on a SQLite file, then a
// restart: the digests go out once, and after the restart a 👍 on a Discord paper posted before
// it, and a question in a Slack paper thread posted before it, still work from the stored state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { IDS, alice, bob, startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord.js';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.js';
import { eventEnvelope, slashCommandFields } from '../fakes/slack-signed-request.js';
import { startServeUnderTest, todaysPapers, until, type ServeUnderTest } from './support/serve-harness.js';
import { tableSlash } from '../adapters/discord/table-slash.js';

const SLACK_KEY = 'slack:C1';
const DISCORD_KEY = `discord:${IDS.channel}`;

let slack: FakeSlackApi;
let discord: FakeDiscord;
let serve: ServeUnderTest | undefined;
let storeDir: string;
let env: Record<string, string>;

async function start(): Promise<ServeUnderTest> {
  serve = await startServeUnderTest(todaysPapers(), env);
  return serve;
}

/** `/papers <text>` over the Slack socket; resolves with the ack and the response_url body. */
async function slackCommand(text: string, id: string) {
  const ack = await slack.sendEnvelope('slash_commands', slashCommandFields(text, slack.responseUrl(id)));
  const response = await slack.waitForResponse(id, 10_000);
  return { ack, response, wire: JSON.stringify(response.body) };
}

async function discordCommand(sub: string, text: string) {
  const payload = discord.slash({ ...tableSlash(sub, text), admin: true, user: bob });
  const reply = await discord.rest.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/${payload.token}/messages/@original`), 10_000);
  return JSON.stringify(reply.body);
}

const slackTopLevel = () => slack.callsTo('chat.postMessage').filter((c) => c.params.channel === 'C1' && c.params.thread_ts === undefined);
const discordTopLevel = () => discord.rest.find('POST', new RegExp(`^/channels/${IDS.channel}/messages$`));

beforeAll(async () => {
  slack = await startFakeSlackApi();
  discord = await startFakeDiscord();
  storeDir = await mkdtemp(join(tmpdir(), 'paperbot-journey-restart-'));
  env = {
    SLACK_BOT_TOKEN: 'xoxb-journey',
    SLACK_APP_TOKEN: 'xapp-journey',
    SLACK_API_URL: slack.apiUrl,
    DISCORD_TOKEN: 'fake-bot-token',
    DISCORD_API_URL: discord.rest.api,
    PAPERBOT_STORE_URL: `sqlite://${join(storeDir, 'paperbot.sqlite')}`,
    PAPERBOT_DIGEST_SIZE: '2',
  };
});

afterAll(async () => {
  await serve?.close();
  await discord?.close();
  await slack?.close();
  if (storeDir) await rm(storeDir, { recursive: true, force: true });
});

describe('one serve process, two platforms, a restart in between', () => {
  it('subscribes over the Slack socket and Discord, posts both digests once', async () => {
    const s = await start();
    expect(s.handle.adapters.has('slack') && s.handle.adapters.has('discord')).toBe(true);
    await slack.socketConnected();

    const sub = await slackCommand('subscribe video generation', 'sub1');
    expect(sub.ack.envelope_id).toBeTruthy();
    expect(sub.wire).toContain('Subscribed');
    await slackCommand('schedule 00:00 UTC daily', 'sched1');
    expect(await discordCommand('subscribe', 'video generation')).toContain('Subscribed');
    expect(await discordCommand('schedule', '00:00 UTC daily')).toContain('00:00');

    await s.handle.scheduler.tick();
    for (const key of [SLACK_KEY, DISCORD_KEY]) {
      await until(async () => (await s.handle.app.store.getSubscription(key))?.lastDigestAt, `the ${key} digest`, 20_000);
    }
    expect(slackTopLevel()).toHaveLength(3);
    expect(discordTopLevel()).toHaveLength(3);
  });

  it('after a restart: nothing is posted again, a 👍 and a thread question on earlier posts still work', async () => {
    const exitCode = await serve!.handle.shutdown('restart');
    expect(exitCode).toBe(0);
    const opens = slack.callsTo('apps.connections.open').length;
    const s = await start();
    await until(() => slack.callsTo('apps.connections.open').length > opens, 'the socket to reconnect');
    await slack.socketConnected();
    await s.handle.scheduler.tick(); // the start-up tick already ran; neither digest is due again
    expect(slackTopLevel()).toHaveLength(3);
    expect(discordTopLevel()).toHaveLength(3);

    // Discord: the message is not in the new client's cache; the reaction still counts.
    const posted = [...discord.state.messages.values()].filter((m) => m.channel_id === IDS.channel && m.author.id === IDS.bot && !m.webhook_id);
    const paperMessageId = posted[1]!.id; // [0] is the header
    discord.react({ channelId: IDS.channel, messageId: paperMessageId, emoji: '👍', user: alice });
    const votes = await until(async () => {
      const list = await s.handle.app.store.listFeedback(DISCORD_KEY);
      return list.length ? list : undefined;
    }, 'the Discord feedback');
    expect(votes[0]).toMatchObject({ userId: alice.id, value: 1 });

    // Slack: a question in the thread of a paper posted before the restart, over the socket.
    const paperTs = String(slackTopLevel()[1]!.response.ts);
    const question = { type: 'message', channel: 'C1', user: 'U2', text: 'What do they evaluate on?', ts: '1790000100.000100', thread_ts: paperTs, parent_user_id: 'UBOT', channel_type: 'channel' };
    const ack = await slack.sendEnvelope('events_api', eventEnvelope(question));
    expect(ack.envelope_id).toBeTruthy();
    const answer = await slack.waitForCall('chat.postMessage', (c) => c.params.thread_ts === paperTs, 10_000);
    expect(answer.outcome, answer.detail).toBe('ok');
    expect(JSON.stringify(answer.params)).toContain('Quoted sentences from the papers');
  });
});
