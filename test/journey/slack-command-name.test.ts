// A workspace that already has a /papers installs the app with `slack-manifest --command /arxiv`;
// serve with SLACK_COMMAND=/arxiv must then answer that command (real serve composition, HTTP mode).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.js';
import { postSlashCommand, slashCommandFields } from '../fakes/slack-signed-request.js';
import { startServeUnderTest, todaysPapers, type ServeUnderTest } from './support/serve-harness.js';

const SECRET = 'command-name-secret';
let fake: FakeSlackApi;
let serve: ServeUnderTest;

beforeAll(async () => {
  fake = await startFakeSlackApi();
  serve = await startServeUnderTest(todaysPapers(), {
    SLACK_BOT_TOKEN: 'xoxb-command-name',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    SLACK_COMMAND: '/arxiv',
  });
});

afterAll(async () => {
  await serve?.close();
  await fake?.close();
});

it('SLACK_COMMAND=/arxiv: the bot answers /arxiv settings', async () => {
  const url = `http://127.0.0.1:${serve.handle.healthPort}/slack/events`;
  await postSlashCommand(url, SECRET, slashCommandFields('settings', fake.responseUrl('r1'), { command: '/arxiv' }));
  const response = await fake.waitForResponse('r1', 10_000);
  expect(JSON.stringify(response.body)).toMatch(/not subscribed|subscribe/i);
}, 30_000);
