// Routes Discord interactions for `/papers` and `/papers-admin` to the command and autocomplete handlers.
import type { Interaction } from 'discord.js';
import { COMMAND_NAMES } from '../commands.js';
import { handleSlashCommand } from './slash-command.js';
import { handleAutocomplete } from './autocomplete.js';
import type { ListenerDeps } from './deps.js';

/** The `interactionCreate` listener; never rejects (failures are logged). */
export function interactionListener(deps: ListenerDeps): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    try {
      if (interaction.isChatInputCommand() && COMMAND_NAMES.includes(interaction.commandName)) {
        await handleSlashCommand(interaction, deps);
      } else if (interaction.isAutocomplete() && COMMAND_NAMES.includes(interaction.commandName)) {
        await handleAutocomplete(interaction, deps);
      }
    } catch (err) {
      deps.logger.error('interaction handler failed', { interaction: interaction.id, error: String(err) });
    }
  };
}
