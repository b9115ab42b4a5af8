import type { Command } from './command.js';
import { InputError } from '../errors.js';
import { textReply } from './replies.js';
import { currentSub, confirmChange } from './settings-change.js';
import { arxivIdsIn } from './like-papers.js';

/** `unlike <arXiv id or URL>`: removes an example paper. */
export const unlike: Command = {
  name: 'unlike',
  usage: 'unlike <arXiv id or URL>',
  example: 'unlike 2106.09685',
  description: 'remove an example paper',
  adminOnly: true,
  arg: { type: 'paper-id', name: 'id', description: 'the arXiv id of an example paper', required: true },
  private: false,
  slow: false,
  needsSubscription: true,
  async run(ctx) {
    const sub = currentSub(ctx);
    const ids = arxivIdsIn(ctx.args);
    if (ids.length === 0) throw new InputError('Give the arXiv id of an example paper; `/papers likes` lists them.');
    const likes = sub.likes ?? [];
    const removed = ids.filter((id) => likes.includes(id));
    if (removed.length === 0) return textReply(`${ids.join(', ')} ${ids.length === 1 ? 'is' : 'are'} not an example here; \`/papers likes\` lists them.`, true);
    await ctx.deps.store.removeExamples(sub.channel.key, removed);
    return confirmChange(ctx, `Removed example ${removed.join(', ')}.`);
  },
};
