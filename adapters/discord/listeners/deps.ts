// What every Discord listener needs.
import type { BotCore, Logger } from '../../../src/ports.js';
import type { CommandInfo } from '../../../src/commands/command.js';

/** Looks up stored paper ids starting with (or matching) what the user typed, best first. */
export type PaperIdLookup = (prefix: string) => Promise<Array<{ id: string; title: string }>>;

/** Shared dependencies of the listeners. */
export interface ListenerDeps {
  core: BotCore;
  logger: Logger;
  /** True when the privileged Message Content intent is on (thread questions need no @mention). */
  messageContent: boolean;
  /** The registered sub-commands (the command table: option names, visibility, autocomplete). */
  commands: readonly CommandInfo[];
  paperIdsForAutocomplete?: PaperIdLookup;
}
