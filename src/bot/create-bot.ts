import type { BotCore, ThreadProgress } from '../ports.js';
import type { CommandInvocation, FeedbackEvent, Outbound, ThreadMessage } from '../types.js';
import type { BotDeps } from '../commands/deps.js';
import { errorMessage } from '../errors.js';
import { dispatchCommand, findCommand, splitInvocation } from '../commands/registry.js';
import { answerInThread } from './answer-in-thread.js';
import { recordFeedback } from './record-feedback.js';
import { userMessageFor } from './error-reply.js';
import { createExpensiveWork, isRefusal, refusalText, userLimitKey } from '../limits/rate-limit.js';
import { coalescedLookup } from '../limits/coalesced-lookup.js';
import { channelKeyOf } from '../channel-refs.js';

/**
 * The platform-neutral bot: commands go through the registry, thread messages to the answerer,
 * reactions to the feedback store. No method throws: failures are logged with the channel key
 * and become a short user-facing text (commands, threads) or are dropped (feedback).
 */
export function createBotCore(botDeps: BotDeps): BotCore {
  const logger = botDeps.logger;
  const work = botDeps.work ?? createExpensiveWork();
  const deps: BotDeps = { ...botDeps, work, ...(botDeps.lookup ? { lookup: coalescedLookup(botDeps.lookup) } : {}) };
  return {
    async handleCommand(cmd: CommandInvocation): Promise<Outbound> {
      const log = logger.child({ channel: cmd.channel.key });
      const { name } = splitInvocation(cmd);
      try {
        if (!findCommand(name)?.expensive) return await dispatchCommand(cmd, deps, log);
        const result = await work.run(userLimitKey(cmd.channel.platform, cmd.user.id), () => dispatchCommand(cmd, deps, log));
        if (!isRefusal(result)) return result;
        log.info('expensive command refused', { command: name, userId: cmd.user.id, refused: result.refused });
        return refusalText(result);
      } catch (err) {
        log.error('command failed', { command: name, userId: cmd.user.id, error: errorMessage(err) });
        return { kind: 'text', text: userMessageFor(err, `run \`/papers ${name}\``), ephemeral: true };
      }
    },

    async handleThreadMessage(msg: ThreadMessage, progress?: ThreadProgress): Promise<Outbound | null> {
      const log = logger.child({ channel: channelKeyOf(msg.thread), thread: msg.thread.key });
      try {
        return await answerInThread(msg, deps, log, progress);
      } catch (err) {
        // Without the post record we cannot tell whether the thread is ours: stay silent.
        log.error('thread message failed', { userId: msg.user.id, error: errorMessage(err) });
        return null;
      }
    },

    async handleFeedback(event: FeedbackEvent): Promise<void> {
      try {
        const result = await recordFeedback(event, deps);
        if (result !== 'ignored') logger.debug('feedback', { message: event.message.key, result, value: event.value });
      } catch (err) {
        logger.error('feedback failed', {
          channel: channelKeyOf(event.message),
          message: event.message.key,
          userId: event.user.id,
          error: errorMessage(err),
        });
      }
    },
  };
}
