// Slack as a paperbot platform: everything the core and CLI need to know, without loading Bolt.
import type { PlatformDescriptor } from '../../src/ports.js';
import { ConfigError } from '../../src/errors.js';
import { slackChannelRef } from './refs.js';
import { registerSlackManifest } from './setup-command.js';

/** The Slack platform (Socket Mode with SLACK_APP_TOKEN, else HTTP mode on PORT). */
export const slackPlatform: PlatformDescriptor = {
  name: 'slack',
  env: ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_COMMAND', 'SLACK_API_URL', 'PORT'],
  configured: (config) => Boolean(config.slack),
  secrets: (config) => [config.slack?.botToken, config.slack?.appToken, config.slack?.signingSecret],
  urls: (config) => [config.slack?.apiUrl],
  listensOnPort: (config) => Boolean(config.slack && !config.slack.appToken),
  channels: { idPattern: /^[A-Z0-9]+$/i, example: 'C0123ABCD', ref: slackChannelRef },
  async create({ config, logger, firstTime }, options = {}) {
    const slack = config.slack;
    if (!slack) throw new ConfigError('SLACK_BOT_TOKEN is not set: add the Bot User OAuth Token (xoxb-…) of your Slack app');
    const { createSlackAdapter } = await import('./index.js');
    return createSlackAdapter({
      botToken: slack.botToken,
      appToken: slack.appToken,
      signingSecret: slack.signingSecret,
      apiUrl: slack.apiUrl,
      command: slack.command,
      port: slack.port,
      logger,
      eventDedup: firstTime,
      customRoutes: options.routes,
    });
  },
  registerSetupCommand: registerSlackManifest,
};
