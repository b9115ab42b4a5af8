// Slack (and Discord) journey with a model configured (the fake OpenAI server) that is slow: `/papers ask` is
// still acked within Slack's 3 s and the answer arrives later through response_url. Runs the
// REAL serve composition on a temp SQLite store that already holds papers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { openCorpus } from '../../src/corpus/index.js';
import { parsePaperList } from '../../src/sources/file-papers.js';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/fake-openai-server.js';
import { evidenceIn, quoteFrom } from '../llm/support/responder.js';
import { postSlashCommand, slashCommandFields } from '../fakes/slack-signed-request.js';
import { startServeUnderTest, todaysPapers, type ServeUnderTest } from './support/serve-harness.js';

const SECRET = 'journey-signing-secret';
const LLM_DELAY_MS = 4000;

let fake: FakeSlackApi;
let discord: FakeDiscord;
let openai: FakeOpenAiServer;
let serve: ServeUnderTest;
let storeDir: string;

beforeAll(async () => {
  fake = await startFakeSlackApi();
  discord = await startFakeDiscord();
  openai = await startFakeOpenAiServer({
    chat: (req) =>
      req.schemaName === 'ask'
        ? { delayMs: LLM_DELAY_MS, json: { answered: true, claims: [{ text: 'Two of them do <!channel> & friends.', paper: 1, quote: quoteFrom(evidenceIn(req)[0]!) }] } }
        : { json: {} },
  });
  // A store that already holds today's papers (as after an earlier ingest).
  storeDir = await mkdtemp(join(tmpdir(), 'paperbot-journey-store-'));
  const storeUrl = `sqlite://${join(storeDir, 'paperbot.sqlite')}`;
  const seed = await openCorpus(`sqlite://${join(storeDir, 'papers.sqlite')}`);
  await seed.upsertPapers(parsePaperList(todaysPapers(), 'file:seed').papers);
  await seed.close();

  serve = await startServeUnderTest(todaysPapers(), {
    SLACK_BOT_TOKEN: 'xoxb-journey',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    PAPERBOT_STORE_URL: storeUrl,
    OPENAI_API_KEY: 'sk-journey',
    OPENAI_BASE_URL: openai.baseURL,
    DISCORD_TOKEN: 'fake-bot-token',
    DISCORD_API_URL: discord.rest.api,
  });
  await serve.handle.feedStarted;
});

afterAll(async () => {
  await serve?.close();
  await openai?.close();
  await discord?.close();
  await fake?.close();
  if (storeDir) await rm(storeDir, { recursive: true, force: true });
});

describe('Slack journey with a slow model', () => {
  it('5. /papers ask is acked within 3 s; the model\'s answer arrives through response_url, escaped', async () => {
    const url = `http://127.0.0.1:${serve.handle.healthPort}/slack/events`;
    const sentAt = Date.now();
    const ack = await postSlashCommand(url, SECRET, slashCommandFields('ask which papers improve video generation?', fake.responseUrl('ask1')));
    expect(ack.status).toBe(200);
    expect(ack.at - sentAt).toBeLessThan(3000);
    expect(fake.responses.filter((r) => r.id === 'ask1')).toHaveLength(0); // the answer is not in yet

    const response = await fake.waitForResponse('ask1', 20_000);
    expect(response.outcome).toBe('ok');
    const wire = JSON.stringify(response.body);
    expect(wire).toContain('Two of them do &lt;!channel&gt; &amp; friends. [1]');
    expect(wire).not.toContain('<!channel>');
    expect(wire).toContain('Sources');
    // The model saw the question and the stored papers.
    const asked = openai.chatRequests.find((r) => r.schemaName === 'ask');
    expect(asked?.user).toContain('video generation');
  });

  it('5b. on Discord the same question is deferred within 3 s and the answer edited in, without pings', async () => {
    const sentAt = Date.now();
    const payload = discord.slash({ sub: 'ask', option: 'question', text: 'which papers improve video generation?' });
    const callback = await discord.rest.waitFor((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${payload.id}/`));
    expect(callback.at - sentAt).toBeLessThan(3000);
    expect(callback.body).toMatchObject({ type: 5 });
    const reply = await discord.rest.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/${payload.token}/messages/@original`), 20_000);
    expect(JSON.stringify(reply.body)).toContain('Two of them do <!channel> & friends. [1]');
    expect(reply.body.allowed_mentions).toMatchObject({ parse: [] });
  });
});
