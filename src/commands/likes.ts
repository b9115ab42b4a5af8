import type { Command } from './command.js';
import { textReply } from './replies.js';
import { currentSub } from './settings-change.js';
import { paperLabel } from './like-papers.js';

/** `likes`: lists this channel's example papers (anyone may ask). */
export const likes: Command = {
  name: 'likes',
  usage: 'likes',
  example: 'likes',
  description: "list this channel's example papers",
  adminOnly: false,
  private: true,
  slow: false,
  needsSubscription: true,
  async run(ctx) {
    const ids = currentSub(ctx).likes ?? [];
    if (ids.length === 0) return textReply('No example papers yet. Add some with `/papers like <arXiv ids>`, or 👍 a paper in a digest.', true);
    const byId = new Map((await ctx.deps.corpus.getPapers(ids)).map((p) => [p.id, p]));
    const lines = ids.map((id) => {
      const p = byId.get(id);
      return `• ${p ? paperLabel(p) : id}`;
    });
    return textReply([`Example papers (${ids.length}):`, ...lines].join('\n'), true);
  },
};
