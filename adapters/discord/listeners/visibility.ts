// Which `/papers` answers are deferred as ephemeral. Discord fixes a deferred reply's visibility
// at defer time, before the core has answered, so this guesses from the command and the user;
// a wrong guess is corrected when delivering (see deliver.ts).
import type { CommandInfo } from '../../../src/commands/command.js';

/** Sub-commands whose answers are always for the invoking user only (previews, help, settings). */
const PRIVATE_COMMANDS = new Set(['help', 'today', 'settings']);

/**
 * True when the reply should be deferred ephemeral: private sub-commands, unknown ones (the core
 * answers with help), and admin-only ones run by a member without ManageGuild (most likely a
 * refusal; a channel's subscriber who is no server admin then sees their change privately).
 */
export function defersPrivately(sub: string, isAdmin: boolean, commands: readonly CommandInfo[]): boolean {
  if (PRIVATE_COMMANDS.has(sub)) return true;
  const info = commands.find((c) => c.name === sub);
  if (!info) return true;
  return info.adminOnly && !isAdmin;
}
