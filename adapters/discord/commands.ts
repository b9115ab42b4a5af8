// The `/papers` slash command as Discord JSON, built from the platform-neutral command registry:
// one sub-command per entry, one string option `text` for those that read text.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandInfo } from '../../src/commands/command.js';
import { COMMAND_LIST } from '../../src/commands/registry.js';
import { DISCORD_LIMITS as L } from './limits.js';
import { oneLine, truncate } from './render/text.js';

/** The top-level command name. */
export const PAPERS_COMMAND = 'papers';

/** Name of the one string option of sub-commands that take text. */
export const TEXT_OPTION = 'text';

/** Sub-commands whose `text` option Discord offers autocomplete for. */
export const AUTOCOMPLETE_COMMANDS = new Set(['paper']);

/**
 * Sub-commands that cannot do anything without text. The others answer an empty `text` with the
 * current value (`schedule`, `sources`, `exclude`, `follow`) or a default (`subscribe`), so their
 * option stays optional. A registry entry may override this with `textRequired`.
 */
const TEXT_REQUIRED = new Set(['paper', 'search', 'ask', 'interests', 'size']);

/** A registry entry, optionally saying whether its text is required. */
export type DiscordCommandInfo = CommandInfo & { textRequired?: boolean };

const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

function description(text: string): string {
  return truncate(oneLine(text), L.commandDescription) || '…';
}

/** What to type after the sub-command name: the usage without the name, plus the example. */
function textHint(c: CommandInfo): string {
  const args = c.usage.replace(new RegExp(`^${c.name}\\s*`), '').replace(/[<>]/g, '');
  const example = c.example.replace(new RegExp(`^${c.name}\\s*`), '');
  return description(example && example !== args ? `${args} — e.g. ${example}` : args || c.description);
}

function subcommand(c: DiscordCommandInfo): APIApplicationCommandSubcommandOption {
  const name = c.name.toLowerCase();
  if (!NAME.test(name)) throw new Error(`Discord cannot register the sub-command name "${c.name}" (1–32 lower-case letters, digits, - or _).`);
  const required = c.textRequired ?? TEXT_REQUIRED.has(name);
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name,
    description: description(c.adminOnly ? `${c.description} (channel admins)` : c.description),
    options: c.takesText
      ? [
          {
            type: ApplicationCommandOptionType.String,
            name: TEXT_OPTION,
            description: textHint(c),
            required,
            ...(AUTOCOMPLETE_COMMANDS.has(name) ? { autocomplete: true } : {}),
          },
        ]
      : [],
  };
}

/**
 * The `/papers` command definition (guild-only, guild install) with a sub-command per registry
 * entry, within Discord's limits: names ≤ 32 lower case, descriptions ≤ 100, ≤ 25 sub-commands.
 * Throws when the registry has more than 25 entries or a name Discord rejects.
 */
export function buildPapersCommand(
  commands: readonly DiscordCommandInfo[] = COMMAND_LIST,
): RESTPostAPIChatInputApplicationCommandsJSONBody {
  if (commands.length > L.commandOptions) {
    throw new Error(`Discord allows ${L.commandOptions} sub-commands per command; the registry has ${commands.length}.`);
  }
  return {
    name: PAPERS_COMMAND,
    type: ApplicationCommandType.ChatInput,
    description: 'Daily paper digests, paper lookup, search and questions',
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
    options: commands.map(subcommand),
  };
}

/** The registry entry for a sub-command name, if any. */
export function commandInfo(name: string, commands: readonly CommandInfo[] = COMMAND_LIST): CommandInfo | undefined {
  return commands.find((c) => c.name === name);
}
