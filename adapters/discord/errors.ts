// Maps Discord API errors that mean "this channel is gone or closed to the bot" to ChannelUnavailableError.
import { DiscordAPIError } from 'discord.js';
import { ChannelUnavailableError } from '../../src/errors.js';

/** Discord JSON error codes after which posting to the channel cannot succeed until someone acts. */
const UNAVAILABLE: Record<number, string> = {
  10003: 'unknown channel (deleted?)',
  50001: 'missing access (the bot was removed from the channel or cannot see it)',
  50013: 'missing permissions to post there',
};

/** The Discord JSON error code of an error, when it is a Discord API error. */
export function discordErrorCode(err: unknown): number | undefined {
  return err instanceof DiscordAPIError && typeof err.code === 'number' ? err.code : undefined;
}

/** True for Unknown Channel / Missing Access / Missing Permissions. */
export function isChannelUnavailable(err: unknown): boolean {
  const code = discordErrorCode(err);
  return code !== undefined && code in UNAVAILABLE;
}

/** `err` as ChannelUnavailableError when it says the channel is unusable; otherwise `err` unchanged. */
export function toChannelError(err: unknown, channelKey: string): unknown {
  const code = discordErrorCode(err);
  if (code === undefined || !(code in UNAVAILABLE)) return err;
  return new ChannelUnavailableError(channelKey, `${UNAVAILABLE[code]} [Discord ${code}]`, { cause: err });
}
