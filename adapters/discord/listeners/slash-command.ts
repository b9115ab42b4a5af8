// `/papers <sub> [text]`: defer first, then ask the core, then show the answer.
import { MessageFlags, PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import type { CommandInvocation, Outbound } from '../../../src/types.js';
import { discordChannelRef } from '../ids.js';
import { TEXT_OPTION } from '../commands.js';
import { checkPostingPermissions } from '../permissions.js';
import { defersPrivately } from './visibility.js';
import { deliverAnswer } from './deliver.js';
import type { ListenerDeps } from './deps.js';

const FAILED: Outbound = {
  kind: 'text',
  text: 'Sorry, something went wrong running that command. It has been logged; please try again later.',
  ephemeral: true,
};

/** The channel a command speaks for: the parent channel when run inside a thread. */
function commandChannelId(interaction: ChatInputCommandInteraction): string {
  const channel = interaction.channel;
  return channel?.isThread() && channel.parentId ? channel.parentId : interaction.channelId;
}

/** Normalizes the interaction to the core's CommandInvocation. */
export function toInvocation(interaction: ChatInputCommandInteraction): CommandInvocation {
  const isAdmin = interaction.inGuild() && (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false);
  return {
    name: interaction.options.getSubcommand(false) ?? '',
    text: interaction.options.getString(TEXT_OPTION)?.trim() ?? '',
    channel: discordChannelRef(commandChannelId(interaction)),
    user: { id: interaction.user.id, name: interaction.user.globalName ?? interaction.user.username, isAdmin },
    // Discord does not tell bots a user's time zone; the core falls back to its default.
  };
}

/**
 * Handles one `/papers` invocation. The first awaited call is deferReply (Discord wants an answer
 * within 3 s; the core may call a model). At `subscribe` the bot's own channel permissions are
 * checked: missing Send Messages / Embed Links refuses, missing thread or reaction permissions
 * become a warning in front of the core's answer.
 */
export async function handleSlashCommand(interaction: ChatInputCommandInteraction, deps: ListenerDeps): Promise<void> {
  const cmd = toInvocation(interaction);
  const log = deps.logger.child({ command: cmd.name, channel: cmd.channel.key, interaction: interaction.id });
  const perms = cmd.name === 'subscribe' ? checkPostingPermissions(interaction.appPermissions) : undefined;
  const refuse = Boolean(perms?.blocking.length);
  const privately = refuse || defersPrivately(cmd.name, cmd.user.isAdmin ?? false, deps.commands);
  try {
    await interaction.deferReply(privately ? { flags: MessageFlags.Ephemeral } : {});
  } catch (err) {
    log.warn('could not acknowledge the command in time', { error: String(err) });
    return;
  }
  if (refuse) {
    log.info('subscribe refused: the bot lacks channel permissions', { missing: perms!.blocking });
    await deliverAnswer(interaction, { kind: 'text', text: perms!.message!, ephemeral: true }, privately, log);
    return;
  }
  let out: Outbound;
  try {
    out = await deps.core.handleCommand(cmd);
  } catch (err) {
    log.error('command failed', { error: String(err) });
    out = FAILED;
  }
  await deliverAnswer(interaction, out, privately, log, perms?.message);
}
