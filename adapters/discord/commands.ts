// The `/papers` and `/papers-admin` slash commands as Discord JSON, generated from the core's
// command table: one sub-command per entry, its argument as a typed option (INTEGER/NUMBER with
// bounds, BOOLEAN, choices, autocomplete). Admin sub-commands go to `/papers-admin`, which only
// members with Manage Server see (server admins can reassign it under Integrations).
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandInfo } from '../../src/commands/command.js';
import type { ArgSpec } from '../../src/commands/arguments.js';
import { COMMAND_LIST } from '../../src/commands/registry.js';
import { DISCORD_LIMITS as L } from './limits.js';
import { oneLine, truncate } from './render/text.js';

/** The members' command. */
export const PAPERS_COMMAND = 'papers';

/** The channel admins' command (default_member_permissions = Manage Server). */
export const PAPERS_ADMIN_COMMAND = 'papers-admin';

/** Both top-level command names the bot answers. */
export const COMMAND_NAMES: readonly string[] = [PAPERS_COMMAND, PAPERS_ADMIN_COMMAND];

const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

function description(text: string): string {
  return truncate(oneLine(text), L.commandDescription) || '…';
}

function checkedName(name: string, what: string): string {
  if (!NAME.test(name)) throw new Error(`Discord cannot register the ${what} name "${name}" (1–32 lower-case letters, digits, - or _).`);
  return name;
}

/** The typed Discord option for a table argument. */
function option(arg: ArgSpec): APIApplicationCommandBasicOption {
  const base = { name: checkedName(arg.name, 'option'), description: description(arg.description), required: arg.required };
  switch (arg.type) {
    case 'integer':
      return { ...base, type: ApplicationCommandOptionType.Integer, min_value: arg.min, max_value: arg.max };
    case 'number':
      return { ...base, type: ApplicationCommandOptionType.Number, min_value: arg.min, max_value: arg.max };
    case 'boolean':
      return { ...base, type: ApplicationCommandOptionType.Boolean };
    case 'choice':
      return { ...base, type: ApplicationCommandOptionType.String, choices: arg.choices.slice(0, L.choices).map((c) => ({ name: c, value: c })) };
    case 'paper-id':
      return { ...base, type: ApplicationCommandOptionType.String, autocomplete: true };
    case 'text':
      return { ...base, type: ApplicationCommandOptionType.String };
  }
}

function subcommand(c: CommandInfo): APIApplicationCommandSubcommandOption {
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: checkedName(c.name.toLowerCase(), 'sub-command'),
    description: description(c.description),
    options: c.arg ? [option(c.arg)] : [],
  };
}

/** The top-level command a sub-command is registered under. */
export function discordCommandFor(c: CommandInfo): string {
  return c.adminOnly ? PAPERS_ADMIN_COMMAND : PAPERS_COMMAND;
}

function chatCommand(name: string, text: string, subs: readonly CommandInfo[]): RESTPostAPIChatInputApplicationCommandsJSONBody {
  if (subs.length > L.commandOptions) {
    throw new Error(`Discord allows ${L.commandOptions} sub-commands per command; /${name} would have ${subs.length}.`);
  }
  return {
    name,
    type: ApplicationCommandType.ChatInput,
    description: text,
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
    options: subs.map(subcommand),
  };
}

/**
 * `/papers` (everyone) and `/papers-admin` (Manage Server by default) with a sub-command per table
 * entry, within Discord's limits: names ≤ 32 lower case, descriptions ≤ 100, ≤ 25 sub-commands
 * each. Throws on a name Discord rejects or too many sub-commands.
 */
export function buildDiscordCommands(commands: readonly CommandInfo[] = COMMAND_LIST): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const members = commands.filter((c) => discordCommandFor(c) === PAPERS_COMMAND);
  const admins = commands.filter((c) => discordCommandFor(c) === PAPERS_ADMIN_COMMAND);
  return [
    chatCommand(PAPERS_COMMAND, 'Daily paper digests, paper lookup, search and questions', members),
    {
      ...chatCommand(PAPERS_ADMIN_COMMAND, "Set up this channel's paper digests (server admins)", admins),
      default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    },
  ];
}

/** The table entry for a sub-command name, if any. */
export function commandInfo(name: string, commands: readonly CommandInfo[] = COMMAND_LIST): CommandInfo | undefined {
  return commands.find((c) => c.name === name);
}
