// While the model thinks, a reaction on the asker's message shows the bot is on it. Failures
// (missing scope, message deleted) are logged and never stop the answer.
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/ports.js';
import { errorMessage } from '../../src/errors.js';

/**
 * Starts adding the reaction `name` to the message (without waiting for it) and returns a
 * function that removes it once added. Neither step throws. `name` false shows nothing.
 */
export function showWorking(
  client: webApi.WebClient,
  channel: string,
  ts: string,
  name: string | false,
  logger: Logger,
): () => Promise<void> {
  if (!name) return async () => {};
  const added = client.reactions.add({ channel, timestamp: ts, name }).then(
    () => true,
    (err: unknown) => {
      logger.warn('could not add the working reaction', { channel, ts, error: errorMessage(err) });
      return false;
    },
  );
  return async () => {
    if (!(await added)) return;
    try {
      await client.reactions.remove({ channel, timestamp: ts, name });
    } catch (err) {
      logger.warn('could not remove the working reaction', { channel, ts, error: errorMessage(err) });
    }
  };
}
