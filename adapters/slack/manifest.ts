// A ready Slack app manifest (paste at api.slack.com/apps → Create New App → From a manifest).
import { COMMAND_LIST } from '../../src/commands/registry.js';
import { argumentHint } from '../../src/commands/arguments.js';

/** Options of slackManifest. */
export interface SlackManifestOptions {
  /** 'socket': no public URL (needs an app-level token); 'http': Slack calls `url`. */
  mode: 'socket' | 'http';
  /** HTTP mode: the public base URL (https://bot.example.com) or the full …/slack/events URL. */
  url?: string;
  /** App name (default "paperbot"); the bot's display name is derived from it (see botDisplayName). */
  name?: string;
  /** Slash command (default "/papers"). */
  command?: string;
}

/**
 * Slack's autocomplete hint, from the command table: what any member may run, plus the command
 * that starts digests (anyone may on a fresh channel). `/papers help` lists the rest.
 */
export const USAGE_HINT = COMMAND_LIST.filter((c) => !c.adminOnly || c.startsDigests)
  .map((c) => (c.arg ? `${c.name} ${argumentHint(c.arg)}` : c.name))
  .join(' | ');

/** Bot scopes: post, read thread replies and mentions, reactions for feedback, users for admin and time zone. */
export const BOT_SCOPES = [
  'app_mentions:read',
  'channels:history',
  'groups:history',
  'chat:write',
  'commands',
  'reactions:read',
  'reactions:write',
  'users:read',
] as const;

/** Events the adapter listens to. */
export const BOT_EVENTS = ['app_mention', 'message.channels', 'message.groups', 'reaction_added', 'reaction_removed'] as const;

/** Slack's limits on the names a manifest carries. */
export const SLACK_LIMITS = { appName: 35, botDisplayName: 80, command: 32 } as const;

/** Why `name` cannot be a Slack app name, or undefined when it can. */
export function appNameProblem(name: string): string | undefined {
  if (!name.trim()) return 'must not be empty';
  if (name.length > SLACK_LIMITS.appName) return `is ${name.length} characters; Slack allows at most ${SLACK_LIMITS.appName}`;
  return undefined;
}

/**
 * The bot user's display name for an app name: Slack wants it lowercase, without spaces, at most
 * 80 characters ("Paper Bot" → "paper-bot"); "paperbot" when nothing usable is left.
 */
export function botDisplayName(appName: string): string {
  const name = appName
    .toLowerCase()
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^a-z0-9._-]/g, '')
    .slice(0, SLACK_LIMITS.botDisplayName);
  return name || 'paperbot';
}

/** Why `url` cannot be the public URL Slack calls, or undefined when it can: Slack calls https only. */
export function requestUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return 'must be a full https:// URL, e.g. https://bot.example.com';
  }
  if (parsed.protocol !== 'https:') return 'must start with https:// (Slack only calls HTTPS request URLs)';
  return undefined;
}

/**
 * A slash command as Slack wants it ("papers" or "/Papers" → "/papers"), or an Error saying why it
 * cannot be one: lowercase letters, digits, "-" and "_", at most 32 characters with the slash.
 */
export function slashCommandName(command: string): string | Error {
  const name = `/${command.trim().replace(/^\//, '').toLowerCase()}`;
  if (!/^\/[a-z0-9_-]+$/.test(name)) return new Error('must be letters, digits, "-" or "_", e.g. /papers or /arxiv');
  if (name.length > SLACK_LIMITS.command) return new Error(`is ${name.length} characters; Slack allows at most ${SLACK_LIMITS.command}`);
  return name;
}

function eventsUrl(url: string | undefined): string {
  const base = (url ?? 'https://YOUR-PUBLIC-HOST').trim().replace(/\/+$/, '');
  return base.endsWith('/slack/events') ? base : `${base}/slack/events`;
}

/**
 * The app manifest for either mode: /papers, the scopes and events above, interactivity (the
 * 👍/👎 buttons). HTTP mode points the command, events and interactivity at `<url>/slack/events`.
 */
export function slackManifest(options: SlackManifestOptions): Record<string, unknown> {
  const name = options.name ?? 'paperbot';
  const http = options.mode === 'http';
  const url = http ? eventsUrl(options.url) : undefined;
  return {
    display_information: {
      name,
      description: 'Daily ranked paper digests, /papers lookups and answers in threads',
      background_color: '#1d3557',
    },
    features: {
      bot_user: { display_name: botDisplayName(name), always_online: true },
      slash_commands: [
        {
          command: options.command ?? '/papers',
          description: `Paper digests: ${COMMAND_LIST.filter((c) => !c.adminOnly || c.startsDigests).map((c) => c.name).join(', ')}`,
          usage_hint: USAGE_HINT,
          should_escape: false,
          ...(url ? { url } : {}),
        },
      ],
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: { ...(url ? { request_url: url } : {}), bot_events: [...BOT_EVENTS] },
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: !http,
      token_rotation_enabled: false,
    },
  };
}
