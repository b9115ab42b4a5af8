import type { Command } from './command.js';
import { InputError } from '../errors.js';
import { paperCard } from './paper-card.js';
import { textReply } from './replies.js';
import { capText, normalizeSpace, quoteShort } from './text-args.js';

/** Longest query searched; longer text is cut politely rather than refused. */
export const MAX_QUERY_CHARS = 300;
const SHOWN = 5;
/** Hits counted for the footer; more are reported as "100+". */
const COUNTED = 100;

/** `search <query>`: best matches in the stored corpus (title, abstract, authors), newest first on ties. */
export const search: Command = {
  name: 'search',
  usage: 'search <query>',
  example: 'search lora merging',
  description: 'search stored papers by title, abstract and authors',
  adminOnly: false,
  arg: { type: 'text', name: 'query', description: 'words to look for in stored papers', required: true },
  private: false,
  slow: true,
  needsSubscription: false,
  async run(ctx) {
    const full = normalizeSpace(ctx.args);
    if (!full) throw new InputError('Give some words to search for.');
    const { text: query, cut } = capText(full, MAX_QUERY_CHARS);
    const hits = ctx.deps.index.search(query, { limit: COUNTED });
    const papers = hits.length ? await ctx.deps.store.getPapers(hits.slice(0, SHOWN).map((h) => h.id)) : [];
    if (papers.length === 0) {
      return textReply(`No stored paper matches "${quoteShort(query)}". Try other words, or look a paper up with \`/papers paper <arXiv id>\`.`, true);
    }
    const scores = new Map(hits.map((h) => [h.id, h.score]));
    const items = papers.map((p) => paperCard(p, { score: scores.get(p.id) ?? 0 }));
    const count = hits.length >= COUNTED ? `${COUNTED}+` : String(hits.length);
    const footer = [
      `${count} match${hits.length === 1 ? '' : 'es'}, showing ${items.length}`,
      cut ? `your query was shortened to its first ${MAX_QUERY_CHARS} characters` : '',
    ]
      .filter(Boolean)
      .join(' · ');
    return { kind: 'papers', title: `Search: ${quoteShort(query, 80)}`, items, footer };
  },
};
