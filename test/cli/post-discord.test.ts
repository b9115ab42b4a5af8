// `paperbot digest --post discord:<channel>` against the fake Discord REST API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineEnv, runCli, tempDir } from './support/run-cli.js';
import { INTERESTS, POST_PAPERS, seedSubscription, storedSubscription } from './support/papers.js';
import { IDS, startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord.js';

const DATE = '2026-06-12';
const MESSAGES = /^\/channels\/(\d+)\/messages$/;

describe('digest --post discord:', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  let discord: FakeDiscord;
  let env: Record<string, string | undefined>;
  let sources: string;
  beforeAll(async () => {
    tmp = await tempDir();
    discord = await startFakeDiscord();
    sources = `file:${await tmp.write('papers.json', POST_PAPERS)}`;
    env = await offlineEnv({
      PAPERBOT_STORE_URL: `sqlite://${tmp.file('paperbot.sqlite')}`,
      DISCORD_TOKEN: 'discord-test-token',
      DISCORD_API_URL: discord.rest.api,
    });
  });
  afterAll(async () => {
    await discord.close();
    await tmp.cleanup();
  });

  const postsTo = (channelId: string) => discord.rest.find('POST', MESSAGES).filter((r) => r.path === `/channels/${channelId}/messages`);

  it('posts a header and one embed message per paper with allowed_mentions parse [] on the wire; a second run posts nothing', async () => {
    const argv = ['digest', '--post', `discord:${IDS.channel}`, '--sources', sources, '--interests', INTERESTS, '--date', DATE, '--size', '2'];
    const run = await runCli(argv, env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`Posted the 2026-06-12 digest to discord:${IDS.channel}: 3 message\\(s\\)`));

    const posts = postsTo(IDS.channel);
    expect(posts).toHaveLength(3);
    for (const p of posts) {
      expect(p.headers.authorization).toBe('Bot discord-test-token');
      expect(p.body.allowed_mentions).toMatchObject({ parse: [] });
      expect(p.body.allowed_mentions.users ?? []).toEqual([]);
      expect(p.body.allowed_mentions.roles ?? []).toEqual([]);
    }
    expect(JSON.stringify(posts[0]!.body)).toContain('2026-06-12');
    const paperBodies = posts.slice(1).map((p) => p.body as { embeds?: Array<{ title?: string; url?: string; description?: string }> });
    for (const body of paperBodies) expect(body.embeds?.length).toBeGreaterThanOrEqual(1);
    const titles = paperBodies.map((b) => b.embeds![0]!.title ?? '');
    expect(titles.some((t) => t.includes('Merging fine-tuned language model adapters at scale'))).toBe(true);
    expect(titles.some((t) => t.includes('<!channel>'))).toBe(true); // literal text; allowed_mentions keeps it silent
    expect(JSON.stringify(posts.map((p) => p.body))).not.toContain('Stork');

    const again = await runCli(argv, env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/already posted/);
    expect(postsTo(IDS.channel)).toHaveLength(3);
  }, 30_000);

  it('Unknown Channel exits 1 and pauses the stored subscription', async () => {
    const gone = '920000000000000099';
    discord.state.deletedChannels.add(gone);
    await seedSubscription(env, 'discord', gone, { sources: [sources], size: 2 });
    const run = await runCli(['digest', '--post', `discord:${gone}`, '--date', DATE], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`discord:${gone} is unavailable .*its subscription is paused`));
    const sub = await storedSubscription(env, 'discord', gone);
    expect(sub?.paused).toBe(true);
  }, 30_000);
});
