// Delivering a command's answer to a deferred interaction: editReply, then follow-ups for what
// does not fit one message, with the visibility the core asked for.
import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { Logger } from '../../../src/ports.js';
import type { Outbound } from '../../../src/types.js';
import { DISCORD_LIMITS as L } from '../limits.js';
import { isEphemeral, renderOutbound, type DiscordMessage } from '../render/outbound.js';

function withNotice(messages: DiscordMessage[], notice: string | undefined): DiscordMessage[] {
  if (!notice) return messages;
  const [first, ...rest] = messages;
  if (first?.content && first.content.length + notice.length + 2 <= L.content) {
    return [{ ...first, content: `${notice}\n\n${first.content}` }, ...rest];
  }
  return [{ content: notice }, ...messages];
}

function body(m: DiscordMessage) {
  return { content: m.content ?? '', embeds: m.embeds ?? [] };
}

/**
 * Shows `out` as the answer to a deferred interaction. An ephemeral answer to a public deferral
 * replaces the public placeholder (deleteReply) with ephemeral follow-ups, so a refusal or error
 * is never shown to the channel. `notice` is put before the answer (e.g. a permissions warning).
 */
export async function deliverAnswer(
  interaction: ChatInputCommandInteraction,
  out: Outbound,
  deferredPrivately: boolean,
  log: Logger,
  notice?: string,
): Promise<void> {
  const messages = withNotice(renderOutbound(out), notice);
  try {
    if (isEphemeral(out) && !deferredPrivately) {
      await interaction.deleteReply();
      for (const m of messages) await interaction.followUp({ ...body(m), flags: MessageFlags.Ephemeral });
      return;
    }
    const [first, ...rest] = messages;
    await interaction.editReply(body(first!));
    for (const m of rest) await interaction.followUp({ ...body(m), ...(deferredPrivately ? { flags: MessageFlags.Ephemeral } : {}) });
  } catch (err) {
    log.error('could not deliver a command answer', { error: String(err) });
    try {
      await interaction.editReply({ content: 'Sorry, Discord refused to show that answer; it has been logged.', embeds: [] });
    } catch {
      // The interaction token may be gone; nothing more to do.
    }
  }
}
