// The SQLite corpus's own concerns: files, migrations, faults, several handles on one file.
// Behaviour every corpus shares is in the corpus contract suite.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCorpus, CorpusError } from '../../src/corpus/index.js';
import type { PaperCorpus } from '../../src/ports.js';
import { makePaper } from '../store/helpers.js';

const opened: PaperCorpus[] = [];
async function open(url: string): Promise<PaperCorpus> {
  const corpus = await openCorpus(url);
  opened.push(corpus);
  return corpus;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
});

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'paperbot-corpus-')), 'sub', 'papers.sqlite');

describe('SQLite corpus file', () => {
  it('creates the file and its folder, and reopening keeps the papers (migrations are idempotent)', async () => {
    const path = tempFile();
    const first = await open(`sqlite://${path}`);
    await first.upsertPapers([makePaper('2606.00001', { title: 'Sparse mixture of experts routing' })]);
    await first.close();
    const again = await open(`sqlite://${path}`);
    expect((await again.getPaper('2606.00001'))?.title).toBe('Sparse mixture of experts routing');
    expect((await again.search('experts routing')).map((h) => h.id)).toEqual(['2606.00001']);
  });

  it('two handles on one file see each other\u2019s writes at once (CLI and serve on one host)', async () => {
    const path = tempFile();
    const serve = await open(`sqlite://${path}`);
    const cli = await open(`sqlite://${path}`);
    expect(await serve.search('photonic')).toEqual([]);
    await cli.upsertPapers([makePaper('2606.00002', { title: 'Photonic accelerators for attention' })]);
    expect((await serve.search('photonic')).map((h) => h.id)).toEqual(['2606.00002']);
  });

  it('a file that is not a database is refused with its path and the fix', async () => {
    const path = tempFile();
    await open(`sqlite://${path}`).then((c) => c.close());
    writeFileSync(path, 'this is not sqlite at all'.repeat(200));
    for (const f of [`${path}-wal`, `${path}-shm`]) writeFileSync(f, '');
    const err = await openCorpus(`sqlite://${path}`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorpusError);
    expect((err as Error).message).toContain(path);
    expect((err as Error).message).toMatch(/PAPERBOT_CORPUS_URL|move it away/);
  });

  it('a path under /proc fails fast instead of hanging', async () => {
    const err = await openCorpus('sqlite:///proc/self/papers.sqlite').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorpusError);
  });

  it('an unknown scheme is bad input and never prints the password', async () => {
    const err = await openCorpus('mysql://bot:s3cret@db/papers').catch((e: unknown) => e);
    expect((err as Error).message).not.toContain('s3cret');
  });
});

describe('SQLite corpus search and full texts', () => {
  it('ranks a title match above an abstract-only match, and matches the last word as a prefix', async () => {
    const corpus = await open('sqlite://:memory:');
    await corpus.upsertPapers([
      makePaper('2606.00010', { title: 'A study of optimizers', abstract: 'We merge LoRA adapters after training.' }),
      makePaper('2606.00011', { title: 'LoRA merging at scale', abstract: 'Adapters combined.' }),
    ]);
    expect((await corpus.search('lora merging')).map((h) => h.id)).toEqual(['2606.00011', '2606.00010']);
    expect((await corpus.search('lora merg')).map((h) => h.id)[0]).toBe('2606.00011');
  });

  it('query syntax characters are plain text, never FTS5 syntax', async () => {
    const corpus = await open('sqlite://:memory:');
    await corpus.upsertPapers([makePaper('2606.00012', { title: 'Graph neural networks' })]);
    for (const q of ['"graph', 'graph AND OR NOT', 'title:graph*', '(graph) NEAR/2', '-graph ^networks']) {
      expect((await corpus.search(q)).map((h) => h.id)).toEqual(['2606.00012']);
    }
  });

  it('stores a full text once, chunks it by section and finds the chunk that answers', async () => {
    const corpus = await open('sqlite://:memory:');
    await corpus.upsertPapers([makePaper('2606.00013'), makePaper('2606.00014')]);
    await corpus.saveFullText({
      paperId: '2606.00013',
      origin: 'html',
      fetchedAt: '2026-06-13T00:00:00Z',
      sections: [
        { ordinal: 0, headings: ['1 Introduction'], anchor: 'S1', text: 'We study routing.' },
        { ordinal: 1, headings: ['4 Experiments', '4.2 Training setup'], anchor: 'S4.SS2', text: 'We train on 64 A100 GPUs for three days.' },
      ],
    });
    await corpus.saveFullText({
      paperId: '2606.00014',
      origin: 'abstract',
      fetchedAt: '2026-06-13T00:00:00Z',
      sections: [{ ordinal: 0, headings: [], text: 'Also trained on GPUs.' }],
    });
    const hits = await corpus.searchChunks(['2606.00013'], 'How many GPUs did they use?', 3);
    expect(hits[0]).toMatchObject({ paperId: '2606.00013', anchor: 'S4.SS2', headings: ['4 Experiments', '4.2 Training setup'] });
    expect(hits.every((h) => h.paperId === '2606.00013')).toBe(true);
    expect((await corpus.getFullText('2606.00013'))?.sections).toHaveLength(2);
  });
});
