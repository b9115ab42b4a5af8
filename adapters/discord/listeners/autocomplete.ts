// Autocomplete for paper-id arguments (`/papers paper id:`) — stored paper ids. Answered directly (no defer) and
// within Discord's 3 s, at most 25 choices.
import type { AutocompleteInteraction } from 'discord.js';
import { DISCORD_LIMITS as L } from '../limits.js';
import { commandInfo } from '../commands.js';
import { oneLine, truncate } from '../render/text.js';
import type { ListenerDeps } from './deps.js';

/** How long the id lookup may take before an empty list is sent instead. */
const LOOKUP_BUDGET_MS = 2000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`lookup took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Answers an autocomplete request with matching paper ids (empty when there is no lookup). */
export async function handleAutocomplete(interaction: AutocompleteInteraction, deps: ListenerDeps): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const sub = interaction.options.getSubcommand(false) ?? '';
  let choices: Array<{ name: string; value: string }> = [];
  const arg = commandInfo(sub, deps.commands)?.arg;
  if (deps.paperIdsForAutocomplete && arg?.type === 'paper-id' && focused.name === arg.name) {
    try {
      const found = await within(deps.paperIdsForAutocomplete(String(focused.value).trim()), LOOKUP_BUDGET_MS);
      choices = found
        .filter((p) => p.id.length > 0 && p.id.length <= L.choiceValue)
        .slice(0, L.choices)
        .map((p) => ({ name: truncate(oneLine(`${p.id} — ${p.title}`), L.choiceName), value: p.id }));
    } catch (err) {
      deps.logger.warn('paper id autocomplete failed', { error: String(err) });
    }
  }
  try {
    await interaction.respond(choices);
  } catch (err) {
    deps.logger.warn('could not answer autocomplete', { error: String(err) });
  }
}
