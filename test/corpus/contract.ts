// The PaperCorpus contract: every corpus implementation must pass it. Call corpusContract() from
// a *.test.ts file with a target that gives an empty database per test.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FullText, PaperCorpus } from '../../src/ports.js';
import type { Paper } from '../../src/types.js';

/** One empty corpus database; `open` may be called more than once for several handles on it. */
export interface CorpusTarget {
  open(): Promise<PaperCorpus>;
  /** Removes the target's data (temp files, schemas). */
  dispose?(): Promise<void>;
}

/** A paper with every required field, overridable. */
export function paper(id: string, overrides: Partial<Paper> = {}): Paper {
  return {
    id,
    version: 1,
    title: `Paper ${id}`,
    abstract: 'An abstract.',
    authors: ['Ada Lovelace'],
    categories: ['cs.LG'],
    listedOn: '2024-01-10',
    publishedAt: '2024-01-02T12:00:00Z',
    links: { abs: `https://arxiv.org/abs/${id}` },
    signals: {},
    sources: ['arxiv:cs.LG'],
    ...overrides,
  };
}

function fullText(paperId: string, sections: Array<{ heading: string; text: string }>): FullText {
  return {
    paperId,
    version: 1,
    origin: 'html',
    fetchedAt: '2024-01-12T08:00:00Z',
    sections: sections.map((s, ordinal) => ({ ordinal, headings: [s.heading], anchor: `S${ordinal + 1}`, text: s.text })),
  };
}

/** Registers the shared behaviour suite for one PaperCorpus implementation. */
export function corpusContract(name: string, makeTarget: () => Promise<CorpusTarget>): void {
  describe(`PaperCorpus contract: ${name}`, () => {
    let target: CorpusTarget;
    let corpus: PaperCorpus;
    const extra: PaperCorpus[] = [];

    beforeEach(async () => {
      target = await makeTarget();
      corpus = await target.open();
    });
    afterEach(async () => {
      for (const c of extra.splice(0)) await c.close();
      await corpus.close();
      await target.dispose?.();
    });

    describe('papers', () => {
      it('stores one row per canonical id and reports what was added, changed or left alone', async () => {
        expect(await corpus.upsertPapers([paper('2401.00001'), paper('2401.00002')])).toEqual({
          added: 2,
          updated: 0,
          changedIds: expect.arrayContaining(['2401.00001', '2401.00002']),
        });
        expect(await corpus.upsertPapers([paper('2401.00001')])).toEqual({ added: 0, updated: 0, changedIds: [] });
        expect(await corpus.upsertPapers([paper('2401.00001', { signals: { upvotes: 4 } }), paper('2401.00003')])).toEqual({
          added: 1,
          updated: 1,
          changedIds: expect.arrayContaining(['2401.00001', '2401.00003']),
        });
        expect(await corpus.count()).toBe(3);
        expect((await corpus.getPaper('2401.00001'))?.id).toBe('2401.00001');
        expect(await corpus.getPaper('2401.99999')).toBeUndefined();
      });

      it('merges a later version and another source into the same row', async () => {
        await corpus.upsertPapers([paper('2401.00001', { version: 1, title: 'Old title', sources: ['hf'], categories: ['cs.LG'] })]);
        await corpus.upsertPapers([
          paper('2401.00001', { version: 2, title: 'New title', sources: ['arxiv:cs.CL'], categories: ['cs.CL'] }),
        ]);
        // A late snapshot of v1 does not bring the old text back.
        await corpus.upsertPapers([paper('2401.00001', { version: 1, title: 'Old title', sources: ['hf'] })]);
        const stored = await corpus.getPaper('2401.00001');
        expect(stored).toMatchObject({ version: 2, title: 'New title' });
        expect([...stored!.sources].sort()).toEqual(['arxiv:cs.CL', 'hf']);
        expect([...stored!.categories].sort()).toEqual(['cs.CL', 'cs.LG']);
        expect(await corpus.count()).toBe(1);
        expect((await corpus.search('title')).map((h) => h.id)).toEqual(['2401.00001']);
        expect(await corpus.search('old')).toEqual([]);
      });

      it('merges duplicates within one batch', async () => {
        const result = await corpus.upsertPapers([
          paper('2401.00001', { sources: ['hf'], signals: { upvotes: 2 } }),
          paper('2401.00001', { sources: ['arxiv:cs.LG'], signals: { upvotes: 5 } }),
        ]);
        expect(result).toMatchObject({ added: 1, changedIds: ['2401.00001'] });
        const stored = await corpus.getPaper('2401.00001');
        expect([...stored!.sources].sort()).toEqual(['arxiv:cs.LG', 'hf']);
        expect(stored!.signals.upvotes).toBe(5);
      });

      it('updates signals and links in place', async () => {
        await corpus.upsertPapers([paper('2401.00001', { signals: { upvotes: 3 }, sources: ['hf'] })]);
        const result = await corpus.upsertPapers([
          paper('2401.00001', {
            signals: { upvotes: 12, githubStars: 40 },
            links: { abs: 'https://arxiv.org/abs/2401.00001', code: 'https://github.com/x/y', thumbnail: 'https://img.example/t.png' },
            sources: ['hf'],
          }),
        ]);
        expect(result).toEqual({ added: 0, updated: 1, changedIds: ['2401.00001'] });
        const stored = await corpus.getPaper('2401.00001');
        expect(stored?.signals).toMatchObject({ upvotes: 12, githubStars: 40 });
        expect(stored?.links).toMatchObject({ code: 'https://github.com/x/y', thumbnail: 'https://img.example/t.png' });
        expect(await corpus.count()).toBe(1);
      });

      it('returns getPapers in the order asked, skipping unknown ids', async () => {
        await corpus.upsertPapers([paper('2401.00001'), paper('2401.00002'), paper('2401.00003')]);
        expect((await corpus.getPapers(['2401.00003', 'nope', '2401.00001'])).map((p) => p.id)).toEqual(['2401.00003', '2401.00001']);
        expect(await corpus.getPapers([])).toEqual([]);
      });

      it('stores a paper with missing fields with what it has', async () => {
        const sparse = { id: 'file:notes-1', title: 'Sparse quasicrystal notes', links: {}, signals: {}, sources: ['file:x.json'] } as unknown as Paper;
        expect((await corpus.upsertPapers([sparse])).added).toBe(1);
        const stored = await corpus.getPaper('file:notes-1');
        expect(stored).toMatchObject({ id: 'file:notes-1', title: 'Sparse quasicrystal notes' });
        expect((await corpus.search('quasicrystal')).map((h) => h.id)).toEqual(['file:notes-1']);
        expect(await corpus.papersListedBetween('2000-01-01')).toEqual([]);
      });

      it('keeps text with odd characters intact', async () => {
        const title = 'Ünïcode “quotes” & <tags> in O\'Brien\'s 10% _paper_ 😀';
        await corpus.upsertPapers([paper('2401.00001', { title, abstract: 'Back\\slash and "json" {braces}.' })]);
        const stored = await corpus.getPaper('2401.00001');
        expect(stored?.title).toBe(title);
        expect(stored?.abstract).toBe('Back\\slash and "json" {braces}.');
      });

      it('a control character in one paper does not fail the batch', async () => {
        const result = await corpus.upsertPapers([paper('2401.00001', { title: 'Nul\u0000 byte title', abstract: 'x\u0000y' }), paper('2401.00002')]);
        expect(result.added).toBe(2);
        expect((await corpus.getPaper('2401.00001'))?.title).toMatch(/^Nul\u0000? byte title$/);
        expect(await corpus.count()).toBe(2);
      });
    });

    describe('announcement dates', () => {
      beforeEach(async () => {
        await corpus.upsertPapers([
          paper('2401.00001', { listedOn: '2024-01-08' }),
          paper('2401.00002', { listedOn: '2024-01-09' }),
          paper('2401.00003', { listedOn: '2024-01-09' }),
          paper('2401.00004', { listedOn: '2024-01-12' }),
          paper('2401.00005', { listedOn: '2024-01-15' }),
          // No listing day: the published date counts.
          paper('2401.00006', { listedOn: undefined, publishedAt: '2024-01-10T18:00:00Z' }),
        ]);
      });

      it('answers "new on day D"', async () => {
        expect((await corpus.papersListedBetween('2024-01-09', '2024-01-09')).map((p) => p.id).sort()).toEqual(['2401.00002', '2401.00003']);
        expect((await corpus.papersListedBetween('2024-01-10', '2024-01-10')).map((p) => p.id)).toEqual(['2401.00006']);
        expect(await corpus.papersListedBetween('2024-01-11', '2024-01-11')).toEqual([]);
      });

      it('answers "this week", newest first, within the limit', async () => {
        const week = (await corpus.papersListedBetween('2024-01-08', '2024-01-14')).map((p) => p.id);
        expect(week).toHaveLength(5);
        expect(week[0]).toBe('2401.00004');
        expect(week.at(-1)).toBe('2401.00001');
        expect((await corpus.papersListedBetween('2024-01-08')).map((p) => p.id)[0]).toBe('2401.00005');
        expect(await corpus.papersListedBetween('2024-01-08', '2024-01-14', 2)).toHaveLength(2);
      });
    });

    describe('search', () => {
      it('weights title above authors above abstract', async () => {
        await corpus.upsertPapers([
          paper('2401.00001', { title: 'A study of graphs', authors: ['Ada Lovelace'], abstract: 'We look at Zephyrine routing.', listedOn: '2024-01-12' }),
          paper('2401.00002', { title: 'Zephyrine routing at scale', authors: ['Ada Lovelace'], abstract: 'Graphs.', listedOn: '2024-01-10' }),
          paper('2401.00003', { title: 'Another study', authors: ['Mia Zephyrine'], abstract: 'Graphs.', listedOn: '2024-01-11' }),
        ]);
        const hits = await corpus.search('zephyrine');
        expect(hits.map((h) => h.id)).toEqual(['2401.00002', '2401.00003', '2401.00001']);
        expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
        expect(hits[1]!.score).toBeGreaterThan(hits[2]!.score);
        expect(hits[0]!.terms.length).toBeGreaterThan(0);
      });

      it('matches stemmed words and every word of a multi-word query', async () => {
        await corpus.upsertPapers([
          paper('2401.00001', { title: 'Diffusion models for video generation' }),
          paper('2401.00002', { title: 'A diffusion model of gossip' }),
          paper('2401.00003', { title: 'Language models that reason' }),
        ]);
        const both = (await corpus.search('diffusion model')).map((h) => h.id);
        expect(both.slice(0, 2).sort()).toEqual(['2401.00001', '2401.00002']);
        expect((await corpus.search('video diffusion', { limit: 1 })).map((h) => h.id)).toEqual(['2401.00001']);
        expect(await corpus.search('quantum chromodynamics')).toEqual([]);
        expect(await corpus.search('   ')).toEqual([]);
      });

      it('fills up with papers matching some of the words, after those matching all', async () => {
        await corpus.upsertPapers([
          paper('2401.00001', { title: 'Diffusion models for video generation', listedOn: '2024-01-01' }),
          paper('2401.00002', { title: 'A diffusion model of gossip', listedOn: '2024-01-05' }),
          paper('2401.00003', { title: 'Language models that reason', listedOn: '2024-01-09' }),
        ]);
        const ids = (await corpus.search('video diffusion')).map((h) => h.id);
        expect(ids[0]).toBe('2401.00001');
        expect(ids).toContain('2401.00002');
        expect(ids).not.toContain('2401.00003');
      });

      it('matches the last word as a prefix', async () => {
        await corpus.upsertPapers([
          paper('2401.00001', { title: 'Diffusion models for video generation' }),
          paper('2401.00002', { title: 'Transformers for video' }),
        ]);
        expect((await corpus.search('diffus')).map((h) => h.id)).toEqual(['2401.00001']);
        expect((await corpus.search('video transfor')).map((h) => h.id)[0]).toBe('2401.00002');
        expect((await corpus.search('video transfor', { limit: 1 })).map((h) => h.id)).toEqual(['2401.00002']);
        expect((await corpus.search('vid')).map((h) => h.id).sort()).toEqual(['2401.00001', '2401.00002']);
      });

      it('restricts to the given ids and to papers announced since a day', async () => {
        await corpus.upsertPapers([
          paper('2401.00001', { title: 'Sparse attention', listedOn: '2024-01-05' }),
          paper('2401.00002', { title: 'Sparse attention again', listedOn: '2024-01-10' }),
          paper('2401.00003', { title: 'Sparse attention, third', listedOn: '2024-01-15' }),
        ]);
        expect((await corpus.search('sparse', { ids: ['2401.00001', '2401.00003'] })).map((h) => h.id).sort()).toEqual(['2401.00001', '2401.00003']);
        expect(await corpus.search('sparse', { ids: [] })).toEqual([]);
        expect((await corpus.search('sparse', { since: '2024-01-10' })).map((h) => h.id).sort()).toEqual(['2401.00002', '2401.00003']);
        expect(await corpus.search('sparse', { limit: 2 })).toHaveLength(2);
      });

      it('puts the newer paper first on equal scores', async () => {
        await corpus.upsertPapers([
          paper('2401.00001', { title: 'Equal words here', listedOn: '2024-01-05' }),
          paper('2401.00003', { title: 'Equal words here', listedOn: '2024-01-20' }),
          paper('2401.00002', { title: 'Equal words here', listedOn: '2024-01-10' }),
        ]);
        expect((await corpus.search('equal words')).map((h) => h.id)).toEqual(['2401.00003', '2401.00002', '2401.00001']);
      });

      it('matches the last word as a prefix only when no paper has it whole', async () => {
        await corpus.upsertPapers([
          paper('2401.00001', { title: 'Values of games' }),
          paper('2401.00002', { title: 'Valuation of firms' }),
        ]);
        expect((await corpus.search('value')).map((h) => h.id)).toEqual(['2401.00001']);
        expect((await corpus.search('val')).map((h) => h.id).sort()).toEqual(['2401.00001', '2401.00002']);
      });

      it('fills up only with papers having a rare word of the query, not merely a common one', async () => {
        const common = Array.from({ length: 320 }, (_, i) =>
          paper(`2402.${String(i + 1).padStart(5, '0')}`, { title: `Model number ${i + 1}`, listedOn: '2024-02-01' }),
        );
        await corpus.upsertPapers([...common, paper('2401.00001', { title: 'Distillation of teachers', listedOn: '2024-01-01' })]);
        expect((await corpus.search('model distillation')).map((h) => h.id)).toEqual(['2401.00001']);
      });

      it('ranks only the newest matches of a query that matches hundreds of papers', async () => {
        const newer = Array.from({ length: 600 }, (_, i) =>
          paper(`2402.${String(i + 1).padStart(5, '0')}`, { title: `Paper ${i + 1}`, abstract: 'About sparse attention.', listedOn: '2024-02-01' }),
        );
        await corpus.upsertPapers([
          paper('2401.00001', { title: 'Sparse attention, sparse attention', listedOn: '2024-01-01' }),
          ...newer,
          paper('2403.00001', { title: 'Sparse attention', listedOn: '2024-03-01' }),
        ]);
        const ids = (await corpus.search('sparse attention', { limit: 20 })).map((h) => h.id);
        expect(ids[0]).toBe('2403.00001');
        expect(ids).toHaveLength(20);
        expect(ids).not.toContain('2401.00001');
        // Restricted to given ids, every match among them is ranked however old.
        const every = ['2401.00001', ...newer.map((p) => p.id), '2403.00001'];
        expect((await corpus.search('sparse attention', { ids: every, limit: 3 })).map((h) => h.id)).toEqual(['2401.00001', '2403.00001', '2402.00600']);
      });

      it('treats search syntax in untrusted text as words, never as an error', async () => {
        await corpus.upsertPapers([paper('2401.00001', { title: 'Robust parsing of messy input' })]);
        for (const q of ['"unbalanced', 'parsing AND (', "o'brien", 'NEAR(a b)', 'title:robust', '-', '*', 'robust -', '\\', 'a:*|!&']) {
          await expect(corpus.search(q)).resolves.toBeInstanceOf(Array);
        }
        expect((await corpus.search('"robust parsing"')).map((h) => h.id)).toEqual(['2401.00001']);
      });
    });

    describe('ids and statistics', () => {
      it('lists ids by case-insensitive prefix, newest first', async () => {
        await corpus.upsertPapers([
          paper('2401.00011', { listedOn: '2024-01-05' }),
          paper('2401.00012', { listedOn: '2024-01-07' }),
          paper('2402.00001', { listedOn: '2024-02-01' }),
          paper('file:Notes-A', { listedOn: '2024-01-06' }),
        ]);
        expect(await corpus.idsWithPrefix('2401.0001', 10)).toEqual(['2401.00012', '2401.00011']);
        expect(await corpus.idsWithPrefix('2401.0001', 1)).toEqual(['2401.00012']);
        expect(await corpus.idsWithPrefix('FILE:Notes', 10)).toEqual(['file:Notes-A']);
        expect(await corpus.idsWithPrefix('2401%', 10)).toEqual([]);
        expect(await corpus.idsWithPrefix('9', 10)).toEqual([]);
      });

      it('counts papers and the papers containing each word after stemming', async () => {
        expect(await corpus.count()).toBe(0);
        await corpus.upsertPapers([
          paper('2401.00001', { title: 'Language models', abstract: 'Models of language.' }),
          paper('2401.00002', { title: 'A model zoo', abstract: 'Nothing else.' }),
          paper('2401.00003', { title: 'Graph theory', abstract: 'Vertices.' }),
        ]);
        expect(await corpus.count()).toBe(3);
        const { papers, df } = await corpus.documentFrequencies(['models', 'model', 'language', 'quokka']);
        expect(papers).toBe(3);
        expect(df.get('models')).toBe(2);
        expect(df.get('model')).toBe(2);
        expect(df.get('language')).toBe(1);
        expect(df.get('quokka') ?? 0).toBe(0);
      });
    });

    describe('full texts', () => {
      it('saves, gets and replaces a full text', async () => {
        await corpus.upsertPapers([paper('2401.00001')]);
        expect(await corpus.getFullText('2401.00001')).toBeUndefined();
        const first = fullText('2401.00001', [
          { heading: '1 Introduction', text: 'We train on eight GPUs.\n\nIt works.' },
          { heading: '2 Method', text: 'A ladder network.' },
        ]);
        await corpus.saveFullText(first);
        expect(await corpus.getFullText('2401.00001')).toEqual(first);
        const second: FullText = { ...fullText('2401.00001', [{ heading: '1 Intro', text: 'We now use a tokamak.' }]), version: 2 };
        await corpus.saveFullText(second);
        expect(await corpus.getFullText('2401.00001')).toEqual(second);
        expect(await corpus.searchChunks(['2401.00001'], 'ladder network', 5)).toEqual([]);
        expect((await corpus.searchChunks(['2401.00001'], 'tokamak', 5)).map((c) => c.text)).toEqual(['We now use a tokamak.']);
      });

      it('keeps a note and the abstract origin', async () => {
        const text: FullText = { paperId: '2401.00001', origin: 'abstract', note: 'no HTML and the PDF failed', fetchedAt: '2024-01-12T08:00:00Z', sections: [{ ordinal: 0, headings: [], text: 'Only the abstract.' }] };
        await corpus.saveFullText(text);
        expect(await corpus.getFullText('2401.00001')).toEqual(text);
      });

      it('searches chunks of the given papers only, best first, with their place in the paper', async () => {
        await corpus.saveFullText(
          fullText('2401.00001', [
            { heading: '1 Introduction', text: 'Background on tokamaks.' },
            { heading: '4 Experiments', text: 'We trained the tokamak controller with reinforcement learning on eight GPUs.' },
          ]),
        );
        await corpus.saveFullText(fullText('2401.00002', [{ heading: '1 Setup', text: 'Our tokamak controller used reinforcement learning.' }]));
        const hits = await corpus.searchChunks(['2401.00001'], 'how was the tokamak controller trained?', 5);
        expect(hits.length).toBeGreaterThan(0);
        expect(hits.every((h) => h.paperId === '2401.00001')).toBe(true);
        expect(hits[0]).toMatchObject({ paperId: '2401.00001', section: 1, headings: ['4 Experiments'], anchor: 'S2' });
        expect(hits[0]!.text).toContain('eight GPUs');
        expect(typeof hits[0]!.chunk).toBe('number');
        expect(await corpus.searchChunks([], 'tokamak', 5)).toEqual([]);
        expect((await corpus.searchChunks(['2401.00001', '2401.00002'], 'tokamak', 1))).toHaveLength(1);
      });
    });

    describe('sharing', () => {
      it('two handles on the same database see each other\'s writes at once', async () => {
        const other = await target.open();
        extra.push(other);
        await corpus.upsertPapers([paper('2401.00001', { title: 'Written by the first handle' })]);
        expect((await other.getPaper('2401.00001'))?.title).toBe('Written by the first handle');
        expect((await other.search('first handle')).map((h) => h.id)).toEqual(['2401.00001']);
        await other.upsertPapers([paper('2401.00002', { title: 'Written by the second handle' })]);
        expect(await corpus.count()).toBe(2);
        expect((await corpus.search('second')).map((h) => h.id)).toEqual(['2401.00002']);
        await other.saveFullText(fullText('2401.00002', [{ heading: '1', text: 'Shared full text.' }]));
        expect((await corpus.getFullText('2401.00002'))?.sections[0]?.text).toBe('Shared full text.');
      });

      it('pings, and close is safe twice', async () => {
        await expect(corpus.ping()).resolves.toBeUndefined();
        const other = await target.open();
        await other.close();
        await other.close();
      });
    });
  });
}
