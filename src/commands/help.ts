import type { CommandInfo, Command } from './command.js';
import { slash, textReply } from './replies.js';

/**
 * The help text: every sub-command with its description and one example, admin-only ones
 * marked, and how to ask about a paper in its thread.
 */
export function helpText(commands: readonly CommandInfo[], options: { llmConfigured: boolean }): string {
  const lines = ['**paperbot** posts a daily digest of new papers and answers questions about them.', ''];
  for (const c of commands) {
    const example = c.example === c.usage ? '' : ` Example: ${slash(c.example)}`;
    lines.push(`• ${slash(c.usage)} — ${c.description}${c.adminOnly ? ' _(channel admin)_' : ''}.${example}`);
  }
  lines.push('', 'Reply in the thread under a digest paper to ask a question about it.');
  if (!options.llmConfigured) lines.push('_No language model is configured: answers quote the most relevant sentences of the abstracts._');
  return lines.join('\n');
}

/** `help`: lists the sub-commands, one example each. */
export const help: Command = {
  name: 'help',
  usage: 'help',
  example: 'help',
  description: 'list the commands with one example each',
  adminOnly: false,
  private: true,
  slow: false,
  needsSubscription: false,
  async run(ctx) {
    return textReply(helpText(ctx.commands, { llmConfigured: ctx.deps.llmConfigured }), true);
  },
};
