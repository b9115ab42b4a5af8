// Which `/papers` answers are deferred as ephemeral. Discord fixes a deferred reply's visibility
// at defer time, before the core has answered, so this guesses from the command table and the
// user; a wrong guess is corrected when delivering (see deliver.ts).
import type { CommandInfo } from '../../../src/commands/command.js';

/**
 * True when the reply should be deferred ephemeral: private sub-commands, unknown ones (the core
 * answers with a hint), and admin-only ones run by a member without ManageGuild (a refusal).
 */
export function defersPrivately(info: CommandInfo | undefined, isAdmin: boolean): boolean {
  if (!info) return true;
  return info.private || (info.adminOnly && !isAdmin);
}
