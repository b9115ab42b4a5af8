// One-time setup commands: `slack-manifest` and `discord-register`.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { offlineEnv, runCli } from './support/run-cli.js';
import { IDS, startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord.js';

interface Manifest {
  features: { slash_commands: Array<{ command: string; url?: string; description: string }>; bot_user?: unknown };
  oauth_config: { scopes: { bot: string[] } };
  settings: { socket_mode_enabled: boolean; event_subscriptions?: { request_url?: string; bot_events: string[] }; interactivity?: { is_enabled: boolean; request_url?: string } };
}

describe('paperbot slack-manifest', () => {
  it('prints a valid Socket Mode manifest with /papers by default', async () => {
    const run = await runCli(['slack-manifest'], await offlineEnv());
    expect(run.code, run.stderr).toBe(0);
    const m = JSON.parse(run.stdout) as Manifest;
    expect(m.features.slash_commands.map((c) => c.command)).toEqual(['/papers']);
    expect(m.settings.socket_mode_enabled).toBe(true);
    expect(m.features.slash_commands[0]!.url).toBeUndefined();
    expect(m.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['chat:write', 'commands']));
    expect(m.settings.event_subscriptions?.bot_events).toEqual(expect.arrayContaining(['app_mention', 'reaction_added']));
  });

  it('--url gives an HTTP-mode manifest whose URLs point at /slack/events', async () => {
    const run = await runCli(['slack-manifest', '--url', 'https://bot.example.com'], await offlineEnv());
    expect(run.code, run.stderr).toBe(0);
    const m = JSON.parse(run.stdout) as Manifest;
    expect(m.settings.socket_mode_enabled).toBe(false);
    expect(m.features.slash_commands[0]).toMatchObject({ command: '/papers', url: 'https://bot.example.com/slack/events' });
    expect(m.settings.event_subscriptions?.request_url).toBe('https://bot.example.com/slack/events');
    expect(m.settings.interactivity).toMatchObject({ is_enabled: true, request_url: 'https://bot.example.com/slack/events' });
  });

  it('--mode http without a URL still prints valid JSON with /papers', async () => {
    const run = await runCli(['slack-manifest', '--mode', 'http'], await offlineEnv());
    expect(run.code, run.stderr).toBe(0);
    const m = JSON.parse(run.stdout) as Manifest;
    expect(m.settings.socket_mode_enabled).toBe(false);
    expect(m.features.slash_commands[0]!.command).toBe('/papers');
    expect(m.features.slash_commands[0]!.url).toMatch(/^https:\/\/.+\/slack\/events$/);
  });

  it('--name "Paper Bot" names the app and gives the bot a valid display name', async () => {
    const run = await runCli(['slack-manifest', '--name', 'Paper Bot'], await offlineEnv());
    expect(run.code, run.stderr).toBe(0);
    const m = JSON.parse(run.stdout) as Manifest & { display_information: { name: string }; features: { bot_user: { display_name: string } } };
    expect(m.display_information.name).toBe('Paper Bot');
    expect(m.features.bot_user.display_name).toBe('paper-bot');
    expect(m.features.bot_user.display_name).toMatch(/^[a-z0-9._-]{1,80}$/);
  });

  it('refuses an app name over 35 characters, an http:// URL and a bad --command with exit 2', async () => {
    const env = await offlineEnv();
    const cases: Array<[string[], RegExp]> = [
      [['--name', 'x'.repeat(36)], /--name: "x{36}" is 36 characters; Slack allows at most 35/],
      [['--url', 'http://bot.example.com'], /--url: "http:\/\/bot\.example\.com" must start with https:\/\//],
      [['--command', '/my papers'], /--command: "\/my papers" must be letters, digits/],
      [['--command', `/${'p'.repeat(32)}`], /--command: .* Slack allows at most 32/],
    ];
    for (const [flags, message] of cases) {
      const run = await runCli(['slack-manifest', ...flags], env);
      expect(run.code, flags.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
    }
  });

  it('--command renames the slash command for a workspace that already has /papers', async () => {
    const run = await runCli(['slack-manifest', '--command', 'Arxiv'], await offlineEnv());
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as Manifest).features.slash_commands.map((c) => c.command)).toEqual(['/arxiv']);
  });

  it('rejects a URL that is not http(s) with exit 2', async () => {
    const run = await runCli(['slack-manifest', '--url', 'bot.example.com'], await offlineEnv());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--url: "bot\.example\.com" must be a full https:\/\/ URL/);
    expect(run.stdout).toBe('');
  });
});

describe('paperbot discord-register', () => {
  let discord: FakeDiscord;
  beforeAll(async () => {
    discord = await startFakeDiscord();
  });
  afterEach(() => {
    discord.rest.requests.length = 0;
  });
  afterAll(() => discord.close());

  const env = (extra: Record<string, string> = {}) => offlineEnv({ DISCORD_TOKEN: 'discord-test-token', DISCORD_API_URL: discord.rest.api, ...extra });

  function expectPapersCommand(body: unknown): void {
    const defs = body as Array<{ name: string; default_member_permissions?: string; options?: Array<{ name: string; type: number }> }>;
    expect(defs.map((d) => d.name)).toEqual(['papers', 'papers-admin']);
    const subs = defs[0]!.options!.map((o) => o.name);
    for (const name of ['help', 'today', 'paper', 'search', 'ask', 'settings']) expect(subs).toContain(name);
    // Admin sub-commands only under /papers-admin, which needs Manage Server (1 << 5) by default.
    expect(defs[1]!.default_member_permissions).toBe('32');
    const admin = defs[1]!.options!.map((o) => o.name);
    for (const name of ['subscribe', 'size', 'threshold', 'quiet']) {
      expect(admin).toContain(name);
      expect(subs).not.toContain(name);
    }
  }

  it('with DISCORD_APPLICATION_ID PUTs /papers and /papers-admin to the guild commands route', async () => {
    const run = await runCli(['discord-register', '--guild', IDS.guild], await env({ DISCORD_APPLICATION_ID: '123456789012345678' }));
    expect(run.code, run.stderr).toBe(0);
    const puts = discord.rest.find('PUT', /\/commands$/);
    expect(puts).toHaveLength(1);
    expect(puts[0]!.path).toBe(`/applications/123456789012345678/guilds/${IDS.guild}/commands`);
    expect(puts[0]!.headers.authorization).toBe('Bot discord-test-token');
    expectPapersCommand(puts[0]!.body);
    expect(run.stdout).toMatch(new RegExp(`Registered /papers, /papers-admin with \\d+ sub-commands in server ${IDS.guild}`));
  });

  it('without DISCORD_APPLICATION_ID reads the id from GET /applications/@me', async () => {
    discord.rest.intercept('GET', /^\/applications\/@me$/, () => ({ status: 200, body: { id: '555555555555555555', name: 'paperbot', bot_public: true } }));
    const run = await runCli(['discord-register', '--guild', IDS.guild], await env());
    expect(run.code, run.stderr).toBe(0);
    expect(discord.rest.find('GET', /^\/applications\/@me$/)).toHaveLength(1);
    const puts = discord.rest.find('PUT', /\/commands$/);
    expect(puts.map((p) => p.path)).toEqual([`/applications/555555555555555555/guilds/${IDS.guild}/commands`]);
    expectPapersCommand(puts[0]!.body);
  });

  it('without --guild registers globally', async () => {
    const run = await runCli(['discord-register'], await env({ DISCORD_APPLICATION_ID: '123456789012345678' }));
    expect(run.code, run.stderr).toBe(0);
    expect(discord.rest.find('PUT', /\/commands$/).map((p) => p.path)).toEqual(['/applications/123456789012345678/commands']);
    expect(run.stdout).toMatch(/globally/);
  });

  it('a non-numeric --guild exits 2; a missing DISCORD_TOKEN exits 2 naming it', async () => {
    const bad = await runCli(['discord-register', '--guild', 'my-server'], await env());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--guild: "my-server" must be a numeric server id/);
    const none = await runCli(['discord-register', '--guild', IDS.guild], await offlineEnv());
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/DISCORD_TOKEN/);
    expect(discord.rest.find('PUT', /\/commands$/)).toHaveLength(0);
  });

  it('a refusal from Discord exits 1 with a message', async () => {
    discord.rest.intercept('PUT', /\/commands$/, () => ({ status: 401, body: { code: 0, message: '401: Unauthorized' } }), 1);
    const run = await runCli(['discord-register', '--guild', IDS.guild], await env({ DISCORD_APPLICATION_ID: '123456789012345678' }));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Discord refused the registration: .*Unauthorized/);
  });
});
