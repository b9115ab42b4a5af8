import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { formatItems, paperUrl } from '../digest/format.js';
import { tldrFor } from '../digest/tldr.js';
import { searchPapers } from '../search/search-papers.js';
import { FROM_ARXIV } from '../commands/search.js';
import { configFrom, parseIntFlag, withApp, type CliIo } from './io.js';

/** `paperbot search QUERY [--json]`: best matches in the corpus (and on arXiv when few match). */
export function registerSearch(program: Command, io: CliIo): void {
  program
    .command('search')
    .description('search stored papers by title, abstract and authors')
    .argument('<query...>', 'words to look for')
    .option('--json', 'print JSON')
    .option('--limit <n>', 'most results (default 10)')
    .action(async (words: string[], flags: { json?: boolean; limit?: string }) => {
      const query = words.join(' ').trim();
      if (!query) throw new InputError('search: give some words to look for, e.g. paperbot search lora merging');
      const limit = flags.limit ? parseIntFlag('--limit', flags.limit, 1, 100) : 10;
      await withApp(io, configFrom(io), async (app) => {
        const found = await searchPapers(app, query.slice(0, 300), { limit });
        if (found.arxivError) io.stderr.write(`note: arXiv could not be searched: ${found.arxivError}\n`);
        if (flags.json) {
          const rows = found.results.map(({ paper: p, score, fromArxiv }) => ({
            id: p.id,
            title: p.title,
            score,
            authors: p.authors,
            url: paperUrl(p),
            listedOn: p.listedOn,
            from: fromArxiv ? 'arxiv' : 'corpus',
          }));
          io.stdout.write(JSON.stringify(rows, null, 2) + '\n');
          return;
        }
        if (found.results.length === 0) {
          io.stdout.write(`No stored paper matches "${query}". Run \`paperbot ingest\` to fetch more papers.\n`);
          return;
        }
        const items = found.results.map((r) => ({ paper: r.paper, ...tldrFor(r.paper), why: r.fromArxiv ? FROM_ARXIV : '', score: r.score }));
        io.stdout.write(formatItems(items, { color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR }));
      });
    });
}
