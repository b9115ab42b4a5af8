// The platform registry: every descriptor answers for its platform, so the core never switches on names.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PLATFORMS, configuredPlatforms, parseChannelTarget } from '../../src/platforms.js';
import { readConfig } from '../../src/config.js';
import { secretValues } from '../../src/secret-values.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('platform descriptors', () => {
  it.each(PLATFORMS.map((p) => [p.name, p] as const))('%s: its example channel parses to the key its events use', (name, platform) => {
    expect(platform.channels.idPattern.test(platform.channels.example)).toBe(true);
    const { platform: parsed, channel } = parseChannelTarget(` ${name}:${platform.channels.example} `, '--post');
    expect(parsed).toBe(platform);
    expect(channel).toEqual({ platform: name, channelId: platform.channels.example, key: `${name}:${platform.channels.example}` });
  });

  it.each(PLATFORMS.map((p) => [p.name, p] as const))('%s: every variable it reads is documented in README.md and .env.example', (_name, platform) => {
    const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
    const example = readFileSync(resolve(ROOT, '.env.example'), 'utf8');
    for (const variable of platform.env) {
      expect(readme, variable).toContain(variable);
      expect(example, variable).toContain(variable);
    }
  });

  it('each platform is on exactly when its token is set, and its secrets are redacted', () => {
    const none = readConfig({});
    expect(configuredPlatforms(none)).toEqual([]);
    const both = readConfig({ SLACK_BOT_TOKEN: 'xoxb-registry-1', SLACK_APP_TOKEN: 'xapp-registry-2', DISCORD_TOKEN: 'discord-registry-3' });
    expect(configuredPlatforms(both).map((p) => p.name)).toEqual(['slack', 'discord']);
    expect(secretValues(both)).toEqual(expect.arrayContaining(['xoxb-registry-1', 'xapp-registry-2', 'discord-registry-3']));
    const discordOnly = readConfig({ DISCORD_TOKEN: 'discord-registry-3' });
    expect(configuredPlatforms(discordOnly).map((p) => p.name)).toEqual(['discord']);
  });

  it('Slack in HTTP mode listens on PORT itself; in Socket Mode and on Discord serve keeps its own health server', () => {
    const http = readConfig({ SLACK_BOT_TOKEN: 'xoxb-registry-1', SLACK_SIGNING_SECRET: 'registry-secret' });
    const socket = readConfig({ SLACK_BOT_TOKEN: 'xoxb-registry-1', SLACK_APP_TOKEN: 'xapp-registry-2', DISCORD_TOKEN: 'discord-registry-3' });
    expect(PLATFORMS.filter((p) => p.listensOnPort(http)).map((p) => p.name)).toEqual(['slack']);
    expect(PLATFORMS.filter((p) => p.listensOnPort(socket))).toEqual([]);
  });
});

describe('parseChannelTarget', () => {
  it.each([['nowhere:1'], ['slack:'], ['discord:C0123'], ['slack:C01/../x'], ['C0123'], [':C0123']])('rejects %s naming the flag and every platform', (target) => {
    expect(() => parseChannelTarget(target, '--post')).toThrow(/^--post: ".*" is not a channel; use slack:<channel id> \(e\.g\. slack:C0123ABCD\) or discord:<channel id>/);
  });
});
