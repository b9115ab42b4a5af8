// Each platform reads its own variables (adapters/<name>/env.ts) through its descriptor; the core
// reads only its own. Same names, defaults, messages and exit codes as when config.ts read them all.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';
import { slackSettings } from '../../adapters/slack/env.js';
import { discordSettings } from '../../adapters/discord/env.js';
import { offlineEnv, runCli } from '../cli/support/run-cli.js';

const SRC = resolve(import.meta.dirname, '../../src');

function configError(env: Record<string, string>): string {
  try {
    readConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('readConfig accepted a bad configuration');
}

describe("platforms' own variables", () => {
  it('Slack: settings and defaults from SLACK_*; PORT stays the core port', () => {
    const config = readConfig({ SLACK_BOT_TOKEN: 'xoxb-env-1', SLACK_APP_TOKEN: 'xapp-env-2', PORT: '8123' });
    expect(slackSettings(config)).toEqual({ botToken: 'xoxb-env-1', appToken: 'xapp-env-2', command: '/papers' });
    expect(config.port).toBe(8123);
    expect(slackSettings(readConfig({}))).toBeUndefined();
  });

  it('Discord: settings and defaults from DISCORD_*', () => {
    const config = readConfig({ DISCORD_TOKEN: 'd-env', DISCORD_APPLICATION_ID: '12', DISCORD_GUILD_ID: '34', DISCORD_MESSAGE_CONTENT: 'on' });
    expect(discordSettings(config)).toEqual({ token: 'd-env', applicationId: '12', guildId: '34', messageContent: true });
    expect(discordSettings(readConfig({ DISCORD_TOKEN: 'd-env' }))?.messageContent).toBe(false);
    expect(discordSettings(readConfig({ DISCORD_TOKEN: ' ' }))).toBeUndefined();
  });

  it('malformed platform variables are listed with the core ones, each with its fix', () => {
    const message = configError({ PAPERBOT_DIGEST_SIZE: '0', SLACK_BOT_TOKEN: 'bad', SLACK_COMMAND: 'papers', DISCORD_APPLICATION_ID: 'abc' });
    expect(message.split('\n')).toEqual([
      'Invalid configuration:',
      '  PAPERBOT_DIGEST_SIZE: Too small: expected number to be >=1',
      '  SLACK_BOT_TOKEN: must be a bot token starting with xoxb-',
      '  SLACK_COMMAND: must be the slash command of your app, e.g. /papers or /arxiv',
      '  DISCORD_APPLICATION_ID: must be the numeric application id',
    ]);
  });

  it("Slack's HTTP mode needs a signing secret, reported with the core's rule problems", () => {
    expect(configError({ SLACK_BOT_TOKEN: 'xoxb-env-1', PAPERBOT_TZ: 'Mars/Base' }).split('\n')).toEqual([
      'Invalid configuration:',
      '  PAPERBOT_TZ: unknown time zone "Mars/Base" (expected an IANA zone such as UTC or Europe/Berlin)',
      '  SLACK_SIGNING_SECRET: required in HTTP mode; set it, or set SLACK_APP_TOKEN (xapp-…) to use Socket Mode',
    ]);
  });

  it('a bad platform variable stops serve and discord-register with exit 2 and the message', async () => {
    const serve = await runCli(['serve'], await offlineEnv({ SLACK_BOT_TOKEN: 'xoxb-env-1' }));
    expect(serve.code).toBe(2);
    expect(serve.stderr).toContain('SLACK_SIGNING_SECRET: required in HTTP mode');
    const register = await runCli(['discord-register'], await offlineEnv({ DISCORD_TOKEN: 'd-env', DISCORD_GUILD_ID: 'guild' }));
    expect(register.code).toBe(2);
    expect(register.stderr).toContain('DISCORD_GUILD_ID: must be a numeric guild id');
  });

  it('the core names no platform variable: each lives in its adapter folder', () => {
    const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    const named = files.filter((f) => /\b(SLACK|DISCORD)_[A-Z]/.test(readFileSync(join(SRC, f), 'utf8')));
    expect(named).toEqual([]);
  });
});
