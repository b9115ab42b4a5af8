// Every Slack listener, registered on one App.
import type { App } from '@slack/bolt';
import { errorMessage } from '../../../src/errors.js';
import type { ListenerDeps } from './deps.js';
import { registerFeedback } from './feedback.js';
import { registerSlashCommand } from './slash-command.js';
import { registerThreadMessages } from './thread-messages.js';

export type { ListenerDeps } from './deps.js';

/** Registers the slash command, thread Q&A, feedback listeners and a logging error handler. */
export function registerListeners(app: App, command: string, deps: ListenerDeps): void {
  registerSlashCommand(app, command, deps);
  registerThreadMessages(app, deps);
  registerFeedback(app, deps);
  app.error(async (err) => {
    deps.logger.error('slack listener error', { error: errorMessage(err) });
  });
}
