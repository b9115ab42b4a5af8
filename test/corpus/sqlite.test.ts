// Runs the corpus contract against the SQLite corpus, one temporary file per test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { openCorpus } from '../../src/corpus/index.js';
import { corpusContract } from './contract.js';

describe('sqlite corpus', () => {
  corpusContract('sqlite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paperbot-corpus-contract-'));
    return {
      open: () => openCorpus(`sqlite://${join(dir, 'papers.sqlite')}`),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  });
});
