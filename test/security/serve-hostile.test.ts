// The real serve composition (Slack HTTP mode) against hostile papers, a model that echoes its
// key and a user who types a masked link: nothing becomes a live link, nothing secret leaves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/fake-openai-server.js';
import { postSlashCommand, slashCommandFields } from '../fakes/slack-signed-request.js';
import { startServeUnderTest, todaysPapers, todayUtc, type ServeUnderTest } from '../journey/support/serve-harness.js';
import { join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { openCorpus } from '../../src/corpus/index.js';
import { parsePaperList } from '../../src/sources/file-papers.js';

const SECRET = 'hostile-signing-secret';
const KEY = 'sk-KNOWNSECRET-serve-key-0123456789';
const EVIL = 'https://evil.example/steal';

let slack: FakeSlackApi;
let openai: FakeOpenAiServer;
let serve: ServeUnderTest;
let url: string;
let storeDir: string;

beforeAll(async () => {
  slack = await startFakeSlackApi();
  openai = await startFakeOpenAiServer({
    chat: () => ({ status: 401, error: { message: `Incorrect API key provided: ${KEY}`, type: 'invalid_request_error' } }),
  });
  const papers = [
    ...todaysPapers(),
    {
      id: '2611.10009',
      title: `Video generation secrets [Download the code](${EVIL})`,
      abstract: `Get the video generation weights at [Download the code](${EVIL}) today. Video generation made easy.`,
      authors: [`Mallory [Free Nitro](${EVIL})`],
      published: todayUtc(),
      code: `https://github.com/a/b) [Free Nitro](${EVIL}`,
    },
  ];
  // The store already holds today's papers (as after an ingest), so `ask` can quote them.
  storeDir = await mkdtemp(join(tmpdir(), 'paperbot-hostile-'));
  const storeUrl = `sqlite://${join(storeDir, 'paperbot.sqlite')}`;
  const seed = await openCorpus(`sqlite://${join(storeDir, 'papers.sqlite')}`);
  await seed.upsertPapers(parsePaperList(papers, 'file:seed').papers);
  await seed.close();
  serve = await startServeUnderTest(papers, {
    PAPERBOT_STORE_URL: storeUrl,
    SLACK_BOT_TOKEN: 'xoxb-hostile-0123456789',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    OPENAI_API_KEY: KEY,
    OPENAI_BASE_URL: openai.baseURL,
  });
  url = `http://127.0.0.1:${serve.handle.healthPort}/slack/events`;
});

afterAll(async () => {
  await serve?.close();
  await openai?.close();
  await slack?.close();
  if (storeDir) await rm(storeDir, { recursive: true, force: true });
});

async function command(text: string, id: string): Promise<string> {
  const ack = await postSlashCommand(url, SECRET, slashCommandFields(text, slack.responseUrl(id)));
  expect(ack.status).toBe(200);
  const response = await slack.waitForResponse(id, 20_000).catch(() => undefined);
  return JSON.stringify(response?.body ?? JSON.parse(ack.body || '{}'));
}

function expectNoLiveEvilLink(wire: string): void {
  expect(wire).not.toContain(`<${EVIL}`);
  expect(wire).not.toMatch(/<https?:\/\/(?!([a-z0-9-]+\.)*(arxiv\.org|huggingface\.co|github\.com)\/)[^|>]*\|/);
}

describe('serve with hostile text and a key-echoing model', () => {
  it('a user\'s [label](url) in interests is echoed as text, never as <url|label>', async () => {
    const wire = await command(`subscribe video generation [free prize](${EVIL})`, 'sub1');
    expect(wire).toContain('video generation');
    expectNoLiveEvilLink(wire);
  });

  it('`ask` quoting a hostile abstract, with the model failing and echoing its key, leaks neither', async () => {
    await serve.handle.feedStarted;
    const wire = await command('ask where do I get the video generation weights?', 'ask1');
    expect(openai.chatRequests.length).toBeGreaterThan(0);
    // The extractive fallback quotes the hostile abstract: the quote stays, as text.
    expect(wire).toContain(`&gt; Get the video generation weights at [Download the code](${EVIL}) today.`);
    expectNoLiveEvilLink(wire);
    expect(wire).not.toContain('KNOWNSECRET');
    expect(serve.logs.join('\n')).not.toContain('KNOWNSECRET');
  });

  it('`today` shows hostile papers with only trusted links', async () => {
    const wire = await command('today', 'today1');
    expect(wire).toContain('Video generation secrets');
    expectNoLiveEvilLink(wire);
    expect(wire).not.toContain('KNOWNSECRET');
    expect(serve.logs.join('\n')).not.toContain('KNOWNSECRET');
  });
});
