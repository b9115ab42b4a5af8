import type { Command } from './command.js';
import { InputError } from '../errors.js';
import { searchPapers } from '../search/search-papers.js';
import { paperCard } from './paper-card.js';
import { textReply } from './replies.js';
import { capText, normalizeSpace, quoteShort } from './text-args.js';

/** Longest query searched; longer text is cut politely rather than refused. */
export const MAX_QUERY_CHARS = 300;
const SHOWN = 5;
/** Hits counted for the footer; more are reported as "100+". */
const COUNTED = 100;
/** What a result arXiv found (not the corpus) says about itself. */
export const FROM_ARXIV = 'from arXiv (not in the stored papers before this search; stored now)';

/**
 * `search <query>`: best matches in the corpus (title, authors, abstract), newest first on ties;
 * when the corpus has few, arXiv's API is asked too and its results are marked "from arXiv".
 */
export const search: Command = {
  name: 'search',
  usage: 'search <query>',
  example: 'search lora merging',
  description: 'search stored papers by title, abstract and authors (and arXiv when few match)',
  adminOnly: false,
  arg: { type: 'text', name: 'query', description: 'words to look for in stored papers', required: true },
  private: false,
  slow: true,
  needsSubscription: false,
  async run(ctx) {
    const full = normalizeSpace(ctx.args);
    if (!full) throw new InputError('Give some words to search for.');
    const { text: query, cut } = capText(full, MAX_QUERY_CHARS);
    const found = await searchPapers({ corpus: ctx.deps.corpus, lookup: ctx.deps.lookup, logger: ctx.log }, query, {
      limit: SHOWN,
      count: COUNTED,
    });
    if (found.results.length === 0) {
      const arxiv = found.arxivError ? ' arXiv could not be searched just now either.' : '';
      return textReply(
        `No stored paper matches "${quoteShort(query)}".${arxiv} Try other words, or look a paper up with \`/papers paper <arXiv id>\`.`,
        true,
      );
    }
    const items = found.results.map((r) => ({ ...paperCard(r.paper, { score: r.score }), why: r.fromArxiv ? FROM_ARXIV : '' }));
    const fromArxiv = found.results.filter((r) => r.fromArxiv).length;
    const stored = found.corpusMatches;
    const count = stored >= COUNTED ? `${COUNTED}+` : String(stored);
    const footer = [
      `${count} match${stored === 1 ? '' : 'es'}, showing ${items.length}`,
      fromArxiv ? `${fromArxiv} from arXiv` : '',
      found.arxivError ? 'arXiv could not be searched just now' : '',
      cut ? `your query was shortened to its first ${MAX_QUERY_CHARS} characters` : '',
    ]
      .filter(Boolean)
      .join(' · ');
    return { kind: 'papers', title: `Search: ${quoteShort(query, 80)}`, items, footer };
  },
};
