// `/papers <sub> [text]`: ack() first (Slack allows 3 s), then the core, then respond().
import type { App, RespondFn } from '@slack/bolt';
import type { Outbound } from '../../../src/types.js';
import { errorMessage } from '../../../src/errors.js';
import { findCommand } from '../../../src/commands/registry.js';
import { slackTextToPlain } from '../incoming-text.js';
import { slackChannelRef } from '../refs.js';
import { isEphemeral, renderOutbound } from '../render.js';
import type { ListenerDeps } from './deps.js';

/** True when the table marks the sub-command slow (network, model): the ack then says we are on it. */
function isSlow(name: string): boolean {
  return findCommand(name)?.slow ?? false;
}

/** Splits "search lora merging" into the sub-command word and the rest (as plain text); empty text gives an empty name (the core answers help). */
export function parseCommandText(text: string): { name: string; text: string } {
  const m = /^\s*(\S+)\s*([\s\S]*)$/.exec(slackTextToPlain(text));
  return { name: m?.[1] ?? '', text: m?.[2]?.trim() ?? '' };
}

/** Registers the slash command `command` (e.g. "/papers"). */
export function registerSlashCommand(app: App, command: string, deps: ListenerDeps): void {
  app.command(command, async ({ command: cmd, ack, respond }) => {
    const { name, text } = parseCommandText(cmd.text ?? '');
    await ack(isSlow(name) ? { response_type: 'ephemeral', text: 'Working on it…' } : undefined);
    await deps.track(
      (async () => {
        const log = deps.logger.child({ channel: `slack:${cmd.channel_id}`, command: name });
        let out: Outbound;
        try {
          const user = await deps.lookupUser(cmd.user_id);
          out = await deps.core.handleCommand({
            name,
            text,
            channel: slackChannelRef(cmd.channel_id),
            user: { id: cmd.user_id, name: user.name ?? cmd.user_name, isAdmin: user.isAdmin },
            userTz: user.tz,
          });
        } catch (err) {
          log.error('command failed', { error: errorMessage(err) });
          out = { kind: 'text', text: 'Sorry, something went wrong running that command. Please try again.', ephemeral: true };
        }
        await deliver(respond, out, log);
      })(),
    );
  });
}

/** Sends the outbound through the response_url; falls back to plain text if Slack refuses it. */
async function deliver(respond: RespondFn, out: Outbound, log: ListenerDeps['logger']): Promise<void> {
  const msg = renderOutbound(out);
  const base = {
    response_type: isEphemeral(out) ? ('ephemeral' as const) : ('in_channel' as const),
    replace_original: false,
    unfurl_links: false,
    unfurl_media: false,
  };
  try {
    await respond({ ...base, text: msg.text, blocks: msg.blocks });
  } catch (err) {
    log.warn('respond() failed; retrying as plain text', { error: errorMessage(err) });
    try {
      await respond({ ...base, text: msg.text });
    } catch (err2) {
      log.error('respond() failed', { error: errorMessage(err2) });
    }
  }
}
