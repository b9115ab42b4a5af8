// A real corpus for tests: the SQLite corpus in a fresh temporary directory.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PaperCorpus } from '../../src/ports.js';
import type { Paper } from '../../src/types.js';
import { openCorpus } from '../../src/corpus/index.js';

/** A fresh, empty SQLite corpus of its own (optionally holding `papers`). */
export async function tempCorpus(papers: Paper[] = []): Promise<PaperCorpus> {
  const dir = mkdtempSync(join(tmpdir(), 'paperbot-corpus-'));
  const corpus = await openCorpus(`sqlite://${join(dir, 'papers.sqlite')}`);
  if (papers.length) await corpus.upsertPapers(papers);
  return corpus;
}
