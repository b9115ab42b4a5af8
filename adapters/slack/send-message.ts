// chat.postMessage with Slack's errors translated: channel problems become
// ChannelUnavailableError (the core pauses that subscription), and a message Slack refuses for
// its blocks is retried without thumbnails, then as plain text, so the digest still goes out.
import type { webApi } from '@slack/bolt';
import { webApi as slackWebApi } from './bolt-runtime.js';
import type { Logger } from '../../src/ports.js';
import { ChannelUnavailableError } from '../../src/errors.js';
import { hasImages, withoutImages, type SlackMessage } from './limits.js';

/** chat.postMessage errors meaning "this channel is gone or closed to the bot". */
export const CHANNEL_ERRORS: ReadonlySet<string> = new Set(['channel_not_found', 'not_in_channel', 'is_archived']);

/** Errors about the message body, worth one degraded retry. */
const BLOCK_ERRORS: ReadonlySet<string> = new Set(['invalid_blocks', 'invalid_blocks_format', 'msg_blocks_too_long', 'msg_too_long']);

/** The Slack error string of a failed Web API call, if it is a platform error. */
export function slackErrorCode(err: unknown): string | undefined {
  const e = err as { code?: string; data?: { error?: unknown } };
  return e?.code === slackWebApi.ErrorCode.PlatformError && typeof e.data?.error === 'string' ? e.data.error : undefined;
}

/** Where and how to post. */
export interface SendTarget {
  channelId: string;
  /** Channel key for errors and logs (`slack:<channel>`). */
  channelKey: string;
  threadTs?: string;
}

/**
 * Posts `message`; resolves with the posted message's channel and ts. Throws
 * ChannelUnavailableError for channel errors, and the SDK's error for anything else.
 */
export async function sendMessage(
  client: webApi.WebClient,
  target: SendTarget,
  message: SlackMessage,
  logger: Logger,
): Promise<{ channel: string; ts: string }> {
  const attempts: SlackMessage[] = [message];
  if (hasImages(message.blocks)) attempts.push({ ...message, blocks: withoutImages(message.blocks) });
  attempts.push({ text: message.text, blocks: [] });
  let lastError: unknown;
  for (const [i, attempt] of attempts.entries()) {
    try {
      const res = await client.chat.postMessage({
        channel: target.channelId,
        text: attempt.text,
        ...(attempt.blocks.length > 0 ? { blocks: attempt.blocks } : {}),
        ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
        unfurl_links: false,
        unfurl_media: false,
      });
      return { channel: res.channel ?? target.channelId, ts: res.ts ?? '' };
    } catch (err) {
      const code = slackErrorCode(err);
      if (code && CHANNEL_ERRORS.has(code)) {
        logger.warn('slack channel unavailable', { channel: target.channelKey, error: code });
        throw new ChannelUnavailableError(target.channelKey, code, { cause: err });
      }
      if (!code || !BLOCK_ERRORS.has(code)) throw err;
      lastError = err;
      const next = attempts[i + 1];
      if (next) {
        logger.warn('slack refused the message blocks; retrying degraded', {
          channel: target.channelKey,
          error: code,
          next: next.blocks.length > 0 ? 'without images' : 'text only',
        });
      }
    }
  }
  throw lastError;
}

/**
 * Replaces the text and blocks of the bot's message `ts` (chat.update). Falls back to text only
 * when Slack refuses the blocks. Throws ChannelUnavailableError for channel errors.
 */
export async function editMessage(
  client: webApi.WebClient,
  target: SendTarget,
  ts: string,
  message: SlackMessage,
  logger: Logger,
): Promise<void> {
  const attempts: SlackMessage[] = [message, { text: message.text, blocks: [] }];
  let lastError: unknown;
  for (const attempt of attempts) {
    try {
      // An empty blocks list clears the placeholder's blocks, if it had any.
      await client.chat.update({ channel: target.channelId, ts, text: attempt.text, blocks: attempt.blocks });
      return;
    } catch (err) {
      const code = slackErrorCode(err);
      if (code && CHANNEL_ERRORS.has(code)) throw new ChannelUnavailableError(target.channelKey, code, { cause: err });
      if (!code || !BLOCK_ERRORS.has(code)) throw err;
      lastError = err;
      logger.warn('slack refused the edited blocks; retrying as text', { channel: target.channelKey, error: code });
    }
  }
  throw lastError;
}
