// Slack as a paperbot platform: everything the core and CLI need to know, without loading Bolt.
import type { PlatformDescriptor } from '../../src/ports.js';
import { ConfigError } from '../../src/errors.js';
import { slackChannelRef } from './refs.js';
import { registerSlackManifest } from './setup-command.js';
import { readSlackEnv, SLACK_ENV, slackSettings } from './env.js';

/** The Slack platform (Socket Mode with SLACK_APP_TOKEN, else HTTP mode on PORT). */
export const slackPlatform: PlatformDescriptor = {
  name: 'slack',
  env: SLACK_ENV,
  readEnv: readSlackEnv,
  enabledBy: 'SLACK_BOT_TOKEN',
  configured: (config) => slackSettings(config) !== undefined,
  secrets: (config) => [slackSettings(config)?.botToken, slackSettings(config)?.appToken, slackSettings(config)?.signingSecret],
  urls: (config) => [slackSettings(config)?.apiUrl],
  listensOnPort: (config) => Boolean(slackSettings(config) && !slackSettings(config)?.appToken),
  channels: { idPattern: /^[A-Z0-9]+$/i, example: 'C0123ABCD', ref: slackChannelRef },
  async create({ config, logger, firstTime }, options = {}) {
    const slack = slackSettings(config);
    if (!slack) throw new ConfigError('SLACK_BOT_TOKEN is not set: add the Bot User OAuth Token (xoxb-…) of your Slack app');
    const { createSlackAdapter } = await import('./index.js');
    return createSlackAdapter({
      botToken: slack.botToken,
      appToken: slack.appToken,
      signingSecret: slack.signingSecret,
      apiUrl: slack.apiUrl,
      command: slack.command,
      port: config.port,
      logger,
      eventDedup: firstTime,
      customRoutes: options.routes,
    });
  },
  registerSetupCommand: registerSlackManifest,
};
