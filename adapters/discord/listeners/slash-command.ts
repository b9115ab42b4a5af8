// `/papers <sub> [option]` and `/papers-admin …`: defer first, then ask the core, then show the answer.
import { MessageFlags, PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import type { CommandInvocation, Outbound } from '../../../src/types.js';
import { discordChannelRef } from '../ids.js';
import type { CommandInfo } from '../../../src/commands/command.js';
import { argumentText } from '../../../src/commands/arguments.js';
import { commandInfo } from '../commands.js';
import { checkPostingPermissions } from '../permissions.js';
import { defersPrivately } from './visibility.js';
import { deliverAnswer } from './deliver.js';
import { discordSpelling, respellAnswer } from './command-spelling.js';
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

/**
 * Normalizes the interaction to the core's CommandInvocation: the typed option the table declares
 * for the sub-command becomes the argument text the core validates. Manage Server alone makes a
 * channel admin here (PRODUCT), so subscribing first grants nothing.
 */
export function toInvocation(interaction: ChatInputCommandInteraction, info: CommandInfo | undefined): CommandInvocation {
  const isAdmin = interaction.inGuild() && (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false);
  const value = info?.arg ? interaction.options.get(info.arg.name)?.value : undefined;
  return {
    name: interaction.options.getSubcommand(false) ?? '',
    text: argumentText(value),
    channel: discordChannelRef(commandChannelId(interaction)),
    user: { id: interaction.user.id, name: interaction.user.globalName ?? interaction.user.username, isAdmin },
    platformNamesAdmins: true,
    // Discord does not tell bots a user's time zone; the core falls back to its default.
  };
}

/**
 * Handles one `/papers` or `/papers-admin` invocation. The first awaited call is deferReply
 * (Discord wants an answer within 3 s; the core may call a model). At the command the table marks
 * as starting digests (`subscribe`) the bot's own channel permissions are checked: missing Send Messages / Embed Links refuses, missing thread or reaction permissions
 * become a warning in front of the core's answer.
 */
export async function handleSlashCommand(interaction: ChatInputCommandInteraction, deps: ListenerDeps): Promise<void> {
  const info = commandInfo(interaction.options.getSubcommand(false) ?? '', deps.commands);
  const cmd = toInvocation(interaction, info);
  const log = deps.logger.child({ command: cmd.name, channel: cmd.channel.key, interaction: interaction.id });
  const perms = info?.startsDigests ? checkPostingPermissions(interaction.appPermissions) : undefined;
  const refuse = Boolean(perms?.blocking.length);
  const privately = refuse || defersPrivately(info, cmd.user.isAdmin ?? false);
  try {
    await interaction.deferReply(privately ? { flags: MessageFlags.Ephemeral } : {});
  } catch (err) {
    log.warn('could not acknowledge the command in time', { error: String(err) });
    return;
  }
  if (refuse) {
    log.info('subscribe refused: the bot lacks channel permissions', { missing: perms!.blocking });
    await deliverAnswer(interaction, respellAnswer({ kind: 'text', text: perms!.message!, ephemeral: true }, deps.commands), privately, log);
    return;
  }
  let out: Outbound;
  try {
    out = await deps.core.handleCommand(cmd);
  } catch (err) {
    log.error('command failed', { error: String(err) });
    out = FAILED;
  }
  const notice = perms?.message && discordSpelling(perms.message, deps.commands);
  await deliverAnswer(interaction, respellAnswer(out, deps.commands), privately, log, notice);
}
