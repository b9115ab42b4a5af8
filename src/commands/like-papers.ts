// Shared by `like`, `unlike` and `likes`: reading arXiv ids from what was typed or pasted, and
// finding the papers (the store first, else arXiv, storing what arXiv returned).
import type { Paper } from '../types.js';
import type { CommandContext } from './command.js';
import { InputError, errorMessage } from '../errors.js';
import { parseArxivId } from '../sources/ids.js';
import { quoteShort } from './text-args.js';

/** Strips chat wrapping from a pasted link (Slack's `<url|label>`, `<url>`) and trailing punctuation. */
function unwrapLink(token: string): string {
  return token.replace(/^<([^|>]+)(\|[^>]*)?>$/, '$1').replace(/[)>.,;]+$/, '');
}

/** The canonical arXiv ids in `text` (ids or links, separated by spaces or commas), in order, once each. */
export function arxivIdsIn(text: string): string[] {
  const tokens = text.split(/[\s,]+/).map(unwrapLink).filter(Boolean);
  const ids: string[] = [];
  for (const t of tokens) {
    const parsed = parseArxivId(t);
    if (!parsed) throw new InputError(`"${quoteShort(t)}" is not an arXiv id or link.`);
    if (!ids.includes(parsed.id)) ids.push(parsed.id);
  }
  return ids;
}

/**
 * The papers for `ids`: from the corpus, the rest looked up on arXiv (and stored in the corpus). Ids found
 * nowhere are returned in `missing`. Rejects with InputError when arXiv cannot be reached.
 */
export async function findPapers(ctx: CommandContext, ids: string[]): Promise<{ found: Paper[]; missing: string[] }> {
  const { corpus, lookup } = ctx.deps;
  const byId = new Map((await corpus.getPapers(ids)).map((p) => [p.id, p]));
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length && lookup) {
    let looked: Paper[];
    try {
      looked = await lookup.byIds(unknown);
    } catch (err) {
      ctx.log.warn('paper lookup failed', { paperIds: unknown, error: errorMessage(err) });
      throw new InputError(`I could not reach arXiv to look up ${unknown.join(', ')} just now; please try again in a minute.`);
    }
    if (looked.length) await corpus.upsertPapers(looked);
    for (const p of looked) byId.set(p.id, p);
  }
  return { found: ids.flatMap((id) => byId.get(id) ?? []), missing: ids.filter((id) => !byId.has(id)) };
}

/** "“Title” (2401.01234)", the title cut to stay short. */
export function paperLabel(p: Paper): string {
  return `“${quoteShort(p.title)}” (${p.id})`;
}
