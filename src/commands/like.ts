import type { Command } from './command.js';
import { InputError } from '../errors.js';
import { textReply } from './replies.js';
import { MAX_EXAMPLE_PAPERS } from '../ports.js';
import { currentSub, confirmChange } from './settings-change.js';
import { arxivIdsIn, findPapers, paperLabel } from './like-papers.js';

/** `like <arXiv ids or URLs…>`: adds example papers; ranking prefers papers like them. */
export const like: Command = {
  name: 'like',
  usage: 'like <arXiv ids or URLs…>',
  example: 'like 2106.09685 2305.14314',
  description: 'add example papers: papers like them rank higher (they are never shown again)',
  adminOnly: true,
  arg: { type: 'text', name: 'ids', description: 'arXiv ids or links of papers like the ones you want', required: true },
  private: false,
  slow: false,
  needsSubscription: true,
  async run(ctx) {
    const sub = currentSub(ctx);
    const ids = arxivIdsIn(ctx.args);
    if (ids.length === 0) throw new InputError('Give one or more arXiv ids or links, e.g. `/papers like 2106.09685`.');
    const likes = sub.likes ?? [];
    const fresh = ids.filter((id) => !likes.includes(id));
    if (fresh.length === 0) return textReply(`${ids.length === 1 ? 'That paper is' : 'Those papers are'} already an example here.`, true);
    // Checked against what was read: an addition made meanwhile elsewhere can still push the set
    // past the cap, and then the store drops the earliest added (atomically, see addExamples).
    if (likes.length + fresh.length > MAX_EXAMPLE_PAPERS) {
      throw new InputError(`At most ${MAX_EXAMPLE_PAPERS} example papers; remove one with \`/papers unlike <id>\`.`);
    }
    const { found, missing } = await findPapers(ctx, fresh);
    if (found.length === 0) return textReply(`I could not find ${missing.join(', ')} in my store or on arXiv. Check the ids, e.g. 2106.09685.`, true);
    const added = found.map((p) => p.id);
    const lines = [`Added ${added.length === 1 ? 'an example paper' : `${added.length} example papers`}: ${found.map(paperLabel).join(', ')}. Papers like ${added.length === 1 ? 'it' : 'them'} now rank higher here.`];
    if (missing.length) lines.push(`Not found: ${missing.join(', ')}.`);
    await ctx.deps.store.addExamples(sub.channel.key, added);
    return confirmChange(ctx, lines.join('\n'));
  },
};
