// The core writes every sub-command as `/papers <name>`; on Discord the admin ones live under
// `/papers-admin`. This respells them in command answers, from the command table.
import type { CommandInfo } from '../../../src/commands/command.js';
import type { Outbound } from '../../../src/types.js';
import { PAPERS_ADMIN_COMMAND, discordCommandFor } from '../commands.js';

const MENTION = /\/papers ([a-z][-a-z0-9_]*)/g;

/** `text` with `/papers <admin sub-command>` written `/papers-admin <sub-command>`. */
export function discordSpelling(text: string, commands: readonly CommandInfo[]): string {
  return text.replace(MENTION, (whole, name: string) => {
    const info = commands.find((c) => c.name === name);
    return info && discordCommandFor(info) === PAPERS_ADMIN_COMMAND ? `/${PAPERS_ADMIN_COMMAND} ${name}` : whole;
  });
}

/** The answer with admin sub-commands spelled as Discord registers them (text answers only). */
export function respellAnswer(out: Outbound, commands: readonly CommandInfo[]): Outbound {
  return out.kind === 'text' ? { ...out, text: discordSpelling(out.text, commands) } : out;
}
