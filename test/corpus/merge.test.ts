import { describe, expect, it } from 'vitest';
import { canonicalPaper, catalogDate, incomingTextIsNewer, mergePaper } from '../../src/corpus/merge.js';
import { makePaper } from '../store/helpers.js';

describe('mergePaper', () => {
  it('lets a versioned snapshot beat a version-less one, either way round', () => {
    const versioned = makePaper('1', { version: 2, abstract: 'arXiv v2' });
    const hf = makePaper('1', { abstract: 'HF copy' });
    expect(mergePaper(versioned, hf).abstract).toBe('arXiv v2');
    expect(mergePaper(hf, versioned).abstract).toBe('arXiv v2');
  });

  it('uses updatedAt when versions tie, and the newer fetch otherwise', () => {
    const a = makePaper('1', { version: 1, title: 'A', updatedAt: '2026-06-02T00:00:00Z' });
    const b = makePaper('1', { version: 1, title: 'B', updatedAt: '2026-06-01T00:00:00Z' });
    expect(incomingTextIsNewer(a, b)).toBe(false);
    expect(mergePaper(a, b).title).toBe('A');
    expect(mergePaper(makePaper('1', { title: 'old' }), makePaper('1', { title: 'new' })).title).toBe('new');
  });

  it('falls back to the older text where the newer one is empty', () => {
    const m = mergePaper(makePaper('1', { version: 1, comment: '10 pages', doi: '10.1/x' }), makePaper('1', { version: 2, title: '', authors: [] }));
    expect(m.title).toBe('Title of 1');
    expect(m.authors).toEqual(['Ada Lovelace']);
    expect(m.comment).toBe('10 pages');
    expect(m.doi).toBe('10.1/x');
    expect(m.version).toBe(2);
  });

  it('keeps the earliest publishedAt and the latest listedOn and updatedAt', () => {
    const m = mergePaper(
      makePaper('1', { publishedAt: '2026-05-30T00:00:00.000Z', listedOn: '2026-06-12', updatedAt: '2026-06-01T00:00:00Z' }),
      makePaper('1', { publishedAt: '2026-05-29T17:59:01Z', listedOn: '2026-06-10', updatedAt: '2026-06-03T00:00:00Z' }),
    );
    expect(m.publishedAt).toBe('2026-05-29T17:59:01Z');
    expect(m.listedOn).toBe('2026-06-12');
    expect(m.updatedAt).toBe('2026-06-03T00:00:00Z');
  });

  it('ignores non-numeric signals and undefined links', () => {
    const m = mergePaper(
      makePaper('1', { signals: { upvotes: 5 }, links: { code: 'c' } }),
      makePaper('1', { signals: { upvotes: Number.NaN, githubStars: 3 }, links: { code: undefined, pdf: 'p' } }),
    );
    expect(m.signals).toEqual({ upvotes: 5, githubStars: 3 });
    expect(m.links).toMatchObject({ code: 'c', pdf: 'p' });
  });
});

describe('canonicalPaper and catalogDate', () => {
  it('drops undefined fields and duplicate list entries, with a stable key order', () => {
    const a = canonicalPaper(makePaper('1', { sources: ['hf', 'hf'], aiSummary: undefined }));
    expect(a.sources).toEqual(['hf']);
    expect('aiSummary' in a).toBe(false);
    const b = canonicalPaper({ ...makePaper('1', { sources: ['hf'] }) });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('dates a paper by the later of listing and publication', () => {
    expect(catalogDate(makePaper('1', { listedOn: '2026-06-12', publishedAt: '2026-05-30T00:00:00Z' }))).toBe('2026-06-12');
    expect(catalogDate(makePaper('1', { listedOn: undefined, publishedAt: '2026-05-30T12:00:00Z' }))).toBe('2026-05-30');
    expect(catalogDate(makePaper('1', { listedOn: undefined }))).toBeUndefined();
  });
});
