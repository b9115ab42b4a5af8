// `paperbot digest --post slack:<channel>` against the fake Slack Web API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { fixture, offlineEnv, runCli, tempDir } from './support/run-cli.js';
import { startFakeHttpServer } from '../fakes/fake-http-server.js';
import { INTERESTS, POST_PAPERS, seedSubscription, storedSubscription } from './support/papers.js';
import { startFakeSlackApi, type FakeSlackApi, type SlackApiCall } from '../fakes/fake-slack-api.js';

const DATE = '2026-06-12';

function allText(call: SlackApiCall): string {
  return JSON.stringify({ text: call.params.text, blocks: call.params.blocks });
}

describe('digest --post slack:', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  let slack: FakeSlackApi;
  let env: Record<string, string | undefined>;
  let sources: string;
  beforeAll(async () => {
    tmp = await tempDir();
    slack = await startFakeSlackApi();
    sources = `file:${await tmp.write('papers.json', POST_PAPERS)}`;
    env = await offlineEnv({
      PAPERBOT_STORE_URL: `sqlite://${tmp.file('paperbot.sqlite')}`,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'x',
      SLACK_API_URL: slack.apiUrl,
    });
  });
  afterAll(async () => {
    await slack.close();
    await tmp.cleanup();
  });

  it('posts a header and one message per paper, escaped, without unfurls; a second run posts nothing', async () => {
    const argv = ['digest', '--post', 'slack:C123', '--sources', sources, '--interests', INTERESTS, '--date', DATE, '--size', '2'];
    const run = await runCli(argv, env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Posted the 2026-06-12 digest to slack:C123: 3 message\(s\)/);

    const posts = slack.callsTo('chat.postMessage').filter((c) => c.params.channel === 'C123');
    expect(posts.map((p) => p.outcome)).toEqual(['ok', 'ok', 'ok']);
    expect(posts.every((p) => p.headers.authorization === 'Bearer xoxb-test')).toBe(true);
    // Header first (date and interests), then each paper in its own top-level message.
    expect(allText(posts[0]!)).toContain('2026-06-12');
    expect(allText(posts[0]!)).toContain(INTERESTS);
    expect(posts.slice(1).every((p) => p.params.thread_ts === undefined)).toBe(true);
    const paperTexts = posts.slice(1).map(allText);
    expect(paperTexts.some((t) => t.includes('Merging fine-tuned language model adapters at scale'))).toBe(true);
    expect(paperTexts.join('\n')).not.toContain('Stork');
    // Untrusted text is escaped: nothing pings, everything reads literally.
    const evil = posts.find((p) => allText(p).includes('&lt;!channel&gt;'));
    expect(evil, 'the evil title reaches Slack escaped').toBeDefined();
    expect(String(evil!.params.text)).toContain('Attention &lt;!channel&gt; &lt;@U123&gt; &amp; more');
    for (const p of posts) {
      const t = allText(p);
      expect(t).not.toContain('<!channel>');
      expect(t).not.toContain('<@U123>');
      expect(t).not.toContain('<!everyone>');
      expect(String(p.params.unfurl_links)).toBe('false');
      expect(String(p.params.unfurl_media)).toBe('false');
    }

    const again = await runCli(argv, env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/already posted.*nothing posted again.*--force/);
    expect(slack.callsTo('chat.postMessage').filter((c) => c.params.channel === 'C123')).toHaveLength(3);

    // On purpose: --force posts the same day again, the same three messages.
    const forced = await runCli([...argv, '--force'], env);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toMatch(/--force: posting the 2026-06-12 digest for slack:C123 again \(the same 3 message/);
    expect(forced.stdout).toMatch(/Posted the 2026-06-12 digest to slack:C123: 3 message\(s\)/);
    const all = slack.callsTo('chat.postMessage').filter((c) => c.params.channel === 'C123');
    expect(all).toHaveLength(6);
    expect(all.slice(3).map(allText)).toEqual(posts.map(allText));
    // And once re-posted, a plain run is exactly-once again.
    expect((await runCli(argv, env)).stdout).toMatch(/already posted/);
  }, 30_000);

  it('a day whose sources all failed posts its note once, exits 1, stays open, and is posted once they recover', async () => {
    const hf = await startFakeHttpServer();
    hf.route('GET', '/api/daily_papers', { status: 500, headers: { 'content-type': 'application/json' }, body: '{"error":"Internal Error"}' });
    const hfEnv = { ...env, PAPERBOT_HF_URL: hf.url };
    const argv = ['digest', '--post', 'slack:CFAIL', '--sources', 'hf', '--interests', INTERESTS, '--date', DATE, '--size', '2', '--threshold', '0'];
    const postsTo = () => slack.callsTo('chat.postMessage').filter((c) => c.params.channel === 'CFAIL' && c.outcome === 'ok');

    const failed = await runCli(argv, hfEnv);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/every source failed for 2026-06-12; the channel was told/);
    expect(postsTo()).toHaveLength(1);
    expect(allText(postsTo()[0]!)).toMatch(/will retry/);

    const stillFailing = await runCli(argv, hfEnv);
    expect(stillFailing.code).toBe(1);
    expect(postsTo()).toHaveLength(1); // the note is not repeated

    hf.route('GET', '/api/daily_papers', { status: 200, headers: { 'content-type': 'application/json' }, body: await readFile(fixture('hf-daily-papers-2026-06-12.json'), 'utf8') });
    const recovered = await runCli(argv, hfEnv);
    await hf.close();
    expect(recovered.code, recovered.stderr).toBe(0);
    const posted = Number(/slack:CFAIL: (\d+) message/.exec(recovered.stdout)?.[1]);
    expect(posted).toBeGreaterThanOrEqual(2); // the header and the day's papers
    expect(postsTo()).toHaveLength(1 + posted);
    expect(allText(postsTo()[1]!)).not.toMatch(/will retry/);
  }, 90_000);

  it('channel_not_found exits 1 and pauses the stored subscription', async () => {
    await seedSubscription(env, 'slack', 'CGONE', { sources: [sources], size: 2 });
    slack.failNext('chat.postMessage', 'channel_not_found', { channel: 'CGONE', times: 100 });
    const run = await runCli(['digest', '--post', 'slack:CGONE', '--date', DATE], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/slack:CGONE is unavailable \(.*channel_not_found.*\); its subscription is paused/);
    expect(slack.callsTo('chat.postMessage').filter((c) => c.params.channel === 'CGONE' && c.outcome === 'ok')).toHaveLength(0);
    const sub = await storedSubscription(env, 'slack', 'CGONE');
    expect(sub?.paused).toBe(true);
    expect(sub?.pausedReason).toMatch(/channel_not_found/);
  }, 30_000);

  it('channel_not_found without a subscription still exits 1 with the reason', async () => {
    slack.failNext('chat.postMessage', 'channel_not_found', { channel: 'CNONE', times: 100 });
    const run = await runCli(['digest', '--post', 'slack:CNONE', '--sources', sources, '--interests', INTERESTS, '--date', DATE], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/channel_not_found/);
    expect(await storedSubscription(env, 'slack', 'CNONE')).toBeUndefined();
  }, 30_000);

  it('uses the stored subscription’s settings when no flags are given', async () => {
    await seedSubscription(env, 'slack', 'CSUB', { sources: [sources], size: 1, interests: 'stork migration tracking' });
    const run = await runCli(['digest', '--post', 'slack:CSUB', '--date', DATE], env);
    expect(run.code, run.stderr).toBe(0);
    const posts = slack.callsTo('chat.postMessage').filter((c) => c.params.channel === 'CSUB');
    expect(posts).toHaveLength(2);
    expect(allText(posts[1]!)).toContain('Stork migration across Europe');
  }, 30_000);
});
