import type { Paper } from '../types.js';
import type { Command } from './command.js';
import { InputError, errorMessage } from '../errors.js';
import { parseArxivId } from '../sources/ids.js';
import { paperCard } from './paper-card.js';
import { quoteShort } from './text-args.js';
import { textReply } from './replies.js';
import { isRefusal, refusalText, userLimitKey } from '../limits/rate-limit.js';
import { LookupBusyError } from '../limits/coalesced-lookup.js';

/** Strips chat wrapping from a pasted link: Slack's `<url|label>` and `<url>`, and trailing punctuation. */
function unwrapLink(token: string): string {
  return token.replace(/^<([^|>]+)(\|[^>]*)?>$/, '$1').replace(/[)>.,;]+$/, '');
}

/** `paper <arXiv id or URL>`: one paper from the store, else looked up on arXiv and stored. */
export const paper: Command = {
  name: 'paper',
  usage: 'paper <arXiv id or URL>',
  example: 'paper 2406.01234',
  description: 'show one paper: title, authors, TL;DR, links and signals',
  adminOnly: false,
  arg: { type: 'paper-id', name: 'id', description: 'an arXiv id or link, e.g. 2406.01234', required: true },
  private: false,
  slow: true,
  needsSubscription: false,
  async run(ctx) {
    const raw = unwrapLink(ctx.args.split(/\s+/)[0] ?? '');
    if (!raw) throw new InputError('Give an arXiv id or an arXiv link.');
    const arxiv = parseArxivId(raw);
    // Papers without an arXiv id are stored under prefixed ids ("doi:…", "file:…").
    const prefixed = !arxiv && /^(doi|file):\S+$/i.test(raw);
    if (!arxiv && !prefixed) throw new InputError(`"${quoteShort(raw)}" is not an arXiv id or link.`);
    const id = arxiv?.id ?? raw;
    const { corpus, lookup } = ctx.deps;

    let found: Paper | undefined = await corpus.getPaper(id);
    if (!found && arxiv && lookup) {
      try {
        // Rate per user only: the coalesced lookup bounds how many ids wait for arXiv.
        const user = userLimitKey(ctx.cmd.channel.platform, ctx.cmd.user.id);
        const result = ctx.deps.work ? await ctx.deps.work.run(user, () => lookup.byIds([id]), { pooled: false }) : await lookup.byIds([id]);
        if (isRefusal(result)) return refusalText(result);
        [found] = result;
      } catch (err) {
        if (err instanceof LookupBusyError) return refusalText({ refused: 'busy' });
        ctx.log.warn('paper lookup failed', { paperId: id, error: errorMessage(err) });
        return textReply(`I could not reach arXiv to look up ${id} just now; please try again in a minute.`, true);
      }
      if (found) await corpus.upsertPapers([found]);
    }
    if (!found) {
      const where = arxiv && lookup ? 'in my store or on arXiv' : 'in my store';
      return textReply(`I could not find a paper with id ${id} ${where}. Check the id, e.g. 2406.01234.`, true);
    }
    return { kind: 'papers', title: arxiv ? `arXiv:${found.id}` : found.id, items: [paperCard(found)] };
  },
};
