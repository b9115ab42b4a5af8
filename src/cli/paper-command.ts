import type { Command } from 'commander';
import type { App } from '../main.js';
import type { Paper } from '../types.js';
import { InputError, errorMessage } from '../errors.js';
import { parseArxivId } from '../sources/ids.js';
import { formatItems } from '../digest/format.js';
import { tldrFor } from '../digest/tldr.js';
import { configFrom, withApp, type CliIo } from './io.js';

/** Finds a paper by id or URL: the store first, then the arXiv API (storing what it finds). */
export async function findPaper(app: App, idOrUrl: string): Promise<Paper | undefined> {
  const text = idOrUrl.trim();
  const arxiv = parseArxivId(text);
  const id = arxiv?.id ?? text;
  if (!arxiv && !/^[a-z]+:\S+$/i.test(text)) {
    throw new InputError(`"${text}" is not an arXiv id or URL; try e.g. 2406.01234 or https://arxiv.org/abs/2406.01234`);
  }
  const stored = await app.corpus.getPaper(id);
  if (stored || !arxiv) return stored;
  const [found] = await app.lookup.byIds([id]);
  if (found) await app.corpus.upsertPapers([found]);
  return found;
}

/** `paperbot paper ID`: one paper from the store, else looked up on arXiv. */
export function registerPaper(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('paper')
    .description('show one paper by arXiv id or URL (store first, then arXiv)')
    .argument('<id>', 'arXiv id or URL, e.g. 2406.01234 or https://arxiv.org/abs/2406.01234v2')
    .option('--json', 'print JSON')
    .action(async (id: string, flags: { json?: boolean }) => {
      await withApp(io, configFrom(io), async (app) => {
        let paper: Paper | undefined;
        try {
          paper = await findPaper(app, id);
        } catch (err) {
          if (err instanceof InputError) throw err;
          io.stderr.write(`paperbot: could not look ${id} up: ${errorMessage(err)}\n`);
          setExit(1);
          return;
        }
        if (!paper) {
          io.stderr.write(`paperbot: no paper ${id} in the store or on arXiv\n`);
          setExit(1);
          return;
        }
        if (flags.json) {
          io.stdout.write(JSON.stringify(paper, null, 2) + '\n');
          return;
        }
        const item = { paper, ...tldrFor(paper), why: '', score: 0 };
        io.stdout.write(formatItems([item], { color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR }));
      });
    });
}
