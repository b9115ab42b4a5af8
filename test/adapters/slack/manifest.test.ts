import { describe, expect, it } from 'vitest';
import { slackManifest, USAGE_HINT } from '../../../adapters/slack/manifest.js';
import { COMMAND_LIST } from '../../../src/commands/registry.js';

type Manifest = {
  features: { slash_commands: Array<{ command: string; url?: string; usage_hint: string }> };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    socket_mode_enabled: boolean;
    event_subscriptions: { request_url?: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url?: string };
  };
};

describe('slackManifest', () => {
  it('socket mode: no URLs anywhere, socket mode on', () => {
    const m = slackManifest({ mode: 'socket' }) as Manifest;
    expect(m.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(m)).not.toMatch(/request_url|"url"/);
    expect(m.settings.interactivity.is_enabled).toBe(true);
  });

  it('http mode: command, events and interactivity all point at /slack/events', () => {
    for (const url of ['https://bot.example.com', 'https://bot.example.com/', 'https://bot.example.com/slack/events']) {
      const m = slackManifest({ mode: 'http', url }) as Manifest;
      expect(m.settings.socket_mode_enabled).toBe(false);
      expect(m.features.slash_commands[0]?.url).toBe('https://bot.example.com/slack/events');
      expect(m.settings.event_subscriptions.request_url).toBe('https://bot.example.com/slack/events');
      expect(m.settings.interactivity.request_url).toBe('https://bot.example.com/slack/events');
    }
  });

  it('asks for the scopes and events the adapter uses', () => {
    const m = slackManifest({ mode: 'socket' }) as Manifest;
    expect(m.features.slash_commands[0]?.command).toBe('/papers');
    expect(m.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['chat:write', 'commands', 'app_mentions:read', 'channels:history', 'groups:history', 'reactions:read', 'reactions:write', 'users:read']),
    );
    expect(m.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['app_mention', 'message.channels', 'message.groups', 'reaction_added', 'reaction_removed']),
    );
  });

  it('only names real sub-commands in the usage hint', () => {
    const names = new Set(COMMAND_LIST.map((c) => c.name));
    for (const part of USAGE_HINT.split('|')) expect(names).toContain(part.trim().split(' ')[0]);
  });

  it('builds the usage hint from the command table: member commands and subscribe, with their arguments', () => {
    const parts = USAGE_HINT.split(' | ');
    expect(parts).toEqual(expect.arrayContaining(['help', 'today [hidden]', 'paper <id>', 'search <query>', 'ask <question>', 'subscribe [interests]', 'settings']));
    expect(parts.map((p) => p.split(' ')[0])).toEqual(COMMAND_LIST.filter((c) => !c.adminOnly || c.startsDigests).map((c) => c.name));
    expect(USAGE_HINT).not.toMatch(/\bsize\b|threshold|quiet/);
  });
});
