import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { configFrom, parseIntFlag, withApp, type CliIo } from './io.js';

/** `paperbot search QUERY [--json]`: best matches in the stored corpus, newest first on ties. */
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
      await withApp(io, await configFrom(io), async (app) => {
        const [{ formatItems, paperUrl }, { tldrFor }] = await Promise.all([import('../digest/format.js'), import('../digest/tldr.js')]);
        await app.loadIndex();
        const hits = app.index.search(query.slice(0, 300), { limit });
        const papers = await app.store.getPapers(hits.map((h) => h.id));
        const scores = new Map(hits.map((h) => [h.id, h.score]));
        if (flags.json) {
          const rows = papers.map((p) => ({
            id: p.id,
            title: p.title,
            score: scores.get(p.id) ?? 0,
            authors: p.authors,
            url: paperUrl(p),
            listedOn: p.listedOn,
          }));
          io.stdout.write(JSON.stringify(rows, null, 2) + '\n');
          return;
        }
        if (papers.length === 0) {
          io.stdout.write(`No stored paper matches "${query}". Run \`paperbot ingest\` to fetch more papers.\n`);
          return;
        }
        const items = papers.map((p) => ({ paper: p, ...tldrFor(p), why: '', score: scores.get(p.id) ?? 0 }));
        io.stdout.write(formatItems(items, { color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR }));
      });
    });
}
