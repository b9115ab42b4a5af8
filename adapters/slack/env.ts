// Slack's environment variables: their validation, the Socket-Mode/HTTP-mode rule and the settings
// the adapter is created from. readConfig calls readSlackEnv through the Slack descriptor, handing
// it zod (so loading the descriptor loads no validation library).
import type { Config } from '../../src/types.js';
import type { PlatformEnvRead } from '../../src/ports.js';
import type { Env, EnvKit } from '../../src/env-schema.js';

/** Slack's settings, present in the configuration when SLACK_BOT_TOKEN is set. */
export interface SlackSettings {
  botToken: string;
  /** Socket Mode when set; HTTP mode on PORT otherwise. */
  appToken?: string;
  signingSecret?: string;
  apiUrl?: string;
  /** The app's slash command (SLACK_COMMAND, default "/papers"; `slack-manifest --command` sets it in the manifest). */
  command: string;
}

const shape = ({ z, opt, url }: EnvKit) => ({
  SLACK_BOT_TOKEN: opt(z.string().startsWith('xoxb-', { message: 'must be a bot token starting with xoxb-' })),
  SLACK_APP_TOKEN: opt(z.string().startsWith('xapp-', { message: 'must be an app-level token starting with xapp-' })),
  SLACK_SIGNING_SECRET: opt(z.string()),
  SLACK_API_URL: opt(url),
  SLACK_COMMAND: opt(z.string().regex(/^\/[a-z0-9_-]{1,31}$/, { message: 'must be the slash command of your app, e.g. /papers or /arxiv' })),
});

const HINTS = { SLACK_SIGNING_SECRET: "the Signing Secret from your Slack app's Basic Information page" };

/** The variables Slack reads (PORT is the core's: Slack's HTTP mode listens on it). */
export const SLACK_ENV = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_COMMAND', 'SLACK_API_URL', 'PORT'] as const;

/** Reads Slack's variables: HTTP mode (no SLACK_APP_TOKEN) needs SLACK_SIGNING_SECRET. */
export function readSlackEnv(env: Env, kit: EnvKit): PlatformEnvRead {
  const read = kit.readEnvShape(shape(kit), env, HINTS);
  if (!read.ok) return read;
  const e = read.values;
  if (!e.SLACK_BOT_TOKEN) return { ok: true, settings: undefined, problems: [] };
  if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    return { ok: true, settings: undefined, problems: ['SLACK_SIGNING_SECRET: required in HTTP mode; set it, or set SLACK_APP_TOKEN (xapp-…) to use Socket Mode'] };
  }
  const settings: SlackSettings = {
    botToken: e.SLACK_BOT_TOKEN,
    appToken: e.SLACK_APP_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET,
    apiUrl: e.SLACK_API_URL,
    command: e.SLACK_COMMAND ?? '/papers',
  };
  return { ok: true, settings, problems: [] };
}

/** Slack's settings in `config`, when SLACK_BOT_TOKEN is set. */
export function slackSettings(config: Readonly<Config>): SlackSettings | undefined {
  return config.platforms.slack as SlackSettings | undefined;
}
