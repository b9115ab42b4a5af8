// Serve mode through startServe(): Slack in HTTP mode, Discord alone, and no platform at all.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readConfig } from '../../src/config.js';
import { startServe, type ServeHandle } from '../../src/serve.js';
import { offlineEnv, runCli } from '../cli/support/run-cli.js';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.js';
import { postSlashCommand, slashCommandFields } from '../fakes/slack-signed-request.js';
import { IDS, startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord.js';

const SECRET = 'serve-signing-secret';

interface Health {
  ok: boolean;
  adapters: Record<string, string>;
  store: string;
}

async function health(port: number): Promise<{ status: number; body: Health }> {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { status: res.status, body: (await res.json()) as Health };
}

async function refused(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
    return false;
  } catch {
    return true;
  }
}

describe('paperbot serve', () => {
  let handle: ServeHandle | undefined;
  let slack: FakeSlackApi | undefined;
  let discord: FakeDiscord | undefined;
  let logs = '';
  const stderr = { write: (line: string) => (logs += line) };

  afterEach(async () => {
    if (handle) await handle.shutdown('test cleanup');
    handle = undefined;
    await slack?.close();
    await discord?.close();
    slack = undefined;
    discord = undefined;
    logs = '';
  });

  it('Slack in HTTP mode: /healthz on the Slack port, a signed /papers help is answered, shutdown resolves 0', async () => {
    slack = await startFakeSlackApi();
    const config = readConfig(
      await offlineEnv({ SLACK_BOT_TOKEN: 'xoxb-serve', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, PORT: '0' }),
    );
    const exit = vi.fn();
    handle = await startServe(config, { exit, signals: [], stderr });
    const port = handle.healthPort!;
    expect(port).toBeGreaterThan(0);
    expect(slack.callsTo('auth.test').length).toBeGreaterThanOrEqual(1);

    const h = await health(port);
    expect(h.status).toBe(200);
    expect(h.body).toMatchObject({ ok: true, store: 'ok', adapters: { slack: 'connected' } });

    const res = await postSlashCommand(`http://127.0.0.1:${port}/slack/events`, SECRET, slashCommandFields('help', slack.responseUrl('help-1')));
    expect(res.status).toBe(200);
    // The answer comes in the ack or through response_url; either way it lists the sub-commands.
    const answer = /search/.test(res.body) ? res.body : JSON.stringify((await slack.waitForResponse('help-1', 10_000)).body);
    for (const sub of ['today', 'paper', 'search', 'ask', 'subscribe']) expect(answer).toContain(sub);

    const bad = await postSlashCommand(`http://127.0.0.1:${port}/slack/events`, 'wrong-secret', slashCommandFields('help', slack.responseUrl('help-2')));
    expect(bad.status).toBe(401);

    const code = await handle.shutdown('test');
    handle = undefined;
    expect(code).toBe(0);
    expect(exit).toHaveBeenCalledWith(0);
    expect(await refused(port)).toBe(true);
  }, 30_000);

  it('Discord only: /healthz on its own server, shutdown resolves 0', async () => {
    discord = await startFakeDiscord();
    const config = readConfig(await offlineEnv({ DISCORD_TOKEN: 'discord-serve-token', DISCORD_API_URL: discord.rest.api, PORT: '0' }));
    const exit = vi.fn();
    handle = await startServe(config, { exit, signals: [], stderr });
    const port = handle.healthPort!;
    expect(port).toBeGreaterThan(0);
    expect(discord.rest.find('GET', /^\/gateway\/bot$/).length).toBeGreaterThanOrEqual(1);

    const h = await health(port);
    expect(h.status).toBe(200);
    expect(h.body).toMatchObject({ ok: true, store: 'ok', adapters: { discord: 'connected' } });
    expect(h.body.adapters.slack).toBeUndefined();

    // A /papers help over the gateway is answered through the interaction callback.
    const interaction = discord.slash({ sub: 'help', channelId: IDS.channel });
    await discord.rest.waitFor((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${interaction.id}/`), 10_000);
    const reply = await discord.rest.waitFor(
      (r) => r.method === 'PATCH' && r.path.startsWith(`/webhooks/`) && r.path.includes(interaction.token),
      10_000,
    );
    const text = JSON.stringify(reply.body);
    for (const sub of ['today', 'paper', 'search', 'ask', 'subscribe']) expect(text).toContain(sub);

    const code = await handle.shutdown('test');
    handle = undefined;
    expect(code).toBe(0);
    expect(exit).toHaveBeenCalledWith(0);
    expect(await refused(port)).toBe(true);
  }, 30_000);

  it('exits 2 naming SLACK_BOT_TOKEN and DISCORD_TOKEN when no platform is configured', async () => {
    const run = await runCli(['serve'], await offlineEnv({ PORT: '0' }));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/SLACK_BOT_TOKEN/);
    expect(run.stderr).toMatch(/DISCORD_TOKEN/);
  });
});
