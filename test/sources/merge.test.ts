import { describe, expect, it } from 'vitest';
import { mergePapers } from '../../src/sources/merge.js';
import { createArxivLookup, createSource } from '../../src/sources/registry.js';
import type { Paper } from '../../src/types.js';
import { startFakeHttpServer } from '../fakes/fake-http-server.js';
import { fixtureBytes, JSON_TYPE, RSS, testDeps, XML } from './helpers.js';

const paper = (over: Partial<Paper>): Paper => ({
  id: '2606.12730',
  title: 't',
  abstract: 'a',
  authors: [],
  categories: [],
  links: {},
  signals: {},
  sources: [],
  ...over,
});

describe('mergePapers', () => {
  it('merges the same paper from HF and arXiv: arXiv text, HF signals and TL;DR, unioned sources', () => {
    const hf = paper({
      title: 'HF title',
      abstract: 'hf abstract',
      authors: ['A', 'B'],
      publishedAt: '2026-06-10T00:00:00.000Z',
      listedOn: '2026-06-12',
      links: { abs: 'https://arxiv.org/abs/2606.12730', code: 'https://github.com/x/y', thumbnail: 'https://t/1.png' },
      signals: { upvotes: 5, githubStars: 1, comments: 3 },
      aiSummary: 'TL;DR.',
      aiKeywords: ['k1'],
      sources: ['hf'],
    });
    const rss = paper({
      version: 1,
      title: 'arXiv title',
      abstract: 'arxiv abstract',
      authors: ['A', 'B', 'C'],
      categories: ['cs.CL', 'cs.AI'],
      primaryCategory: 'cs.CL',
      listedOn: '2026-06-11',
      announceType: 'new',
      links: { abs: 'https://arxiv.org/abs/2606.12730', pdf: 'https://arxiv.org/pdf/2606.12730' },
      sources: ['arxiv:cs.CL'],
    });
    const [merged, ...rest] = mergePapers([hf, rss]);
    expect(rest).toEqual([]);
    expect(merged).toEqual({
      id: '2606.12730',
      version: 1,
      title: 'arXiv title',
      abstract: 'arxiv abstract',
      authors: ['A', 'B', 'C'],
      categories: ['cs.CL', 'cs.AI'],
      primaryCategory: 'cs.CL',
      publishedAt: '2026-06-10T00:00:00.000Z',
      listedOn: '2026-06-11',
      links: {
        abs: 'https://arxiv.org/abs/2606.12730',
        pdf: 'https://arxiv.org/pdf/2606.12730',
        code: 'https://github.com/x/y',
        thumbnail: 'https://t/1.png',
      },
      signals: { upvotes: 5, githubStars: 1, comments: 3 },
      aiSummary: 'TL;DR.',
      aiKeywords: ['k1'],
      announceType: 'new',
      sources: ['hf', 'arxiv:cs.CL'],
    });
  });

  it('keeps the latest version text but the earliest dates, and max of each signal', () => {
    const v2 = paper({
      version: 2,
      title: 'v2 title',
      updatedAt: '2026-07-01T00:00:00.000Z',
      publishedAt: '2026-06-10T10:00:00.000Z',
      listedOn: '2026-07-02',
      signals: { upvotes: 1, githubStars: 40 },
      categories: ['cs.LG'],
      sources: ['arxiv-api'],
    });
    const v1 = paper({
      version: 1,
      title: 'v1 title',
      updatedAt: '2026-06-10T10:00:00.000Z',
      publishedAt: '2026-06-10T10:00:00.000Z',
      listedOn: '2026-06-11',
      signals: { upvotes: 9 },
      categories: ['cs.AI', 'cs.LG'],
      comment: 'v1 comment',
      sources: ['arxiv:cs.AI'],
    });
    const [merged] = mergePapers([v2, v1]);
    expect(merged).toMatchObject({
      version: 2,
      title: 'v2 title',
      updatedAt: '2026-07-01T00:00:00.000Z',
      publishedAt: '2026-06-10T10:00:00.000Z',
      listedOn: '2026-06-11',
      signals: { upvotes: 9, githubStars: 40 },
      categories: ['cs.LG', 'cs.AI'],
      comment: 'v1 comment',
      sources: ['arxiv-api', 'arxiv:cs.AI'],
    });
    // Order of arrival does not change which text wins.
    expect(mergePapers([v1, v2])[0]!.title).toBe('v2 title');
  });

  it('does not date a newer text with an older version date', () => {
    const [merged] = mergePapers([
      paper({ version: 1, updatedAt: '2026-06-10T00:00:00.000Z' }),
      paper({ version: 2, title: 'v2' }),
    ]);
    expect(merged!.title).toBe('v2');
    expect('updatedAt' in merged!).toBe(false);
  });

  it('keeps distinct papers apart, in first-seen order, without touching the inputs', () => {
    const a = paper({ id: '2606.00001', sources: ['hf'] });
    const b = paper({ id: '2606.00002', sources: ['hf'] });
    const a2 = paper({ id: '2606.00001', version: 3, sources: ['arxiv:cs.LG'] });
    const snapshot = structuredClone([a, b, a2]);
    const merged = mergePapers([a, b, a2]);
    expect(merged.map((p) => [p.id, p.version, p.sources])).toEqual([
      ['2606.00001', 3, ['hf', 'arxiv:cs.LG']],
      ['2606.00002', undefined, ['hf']],
    ]);
    expect([a, b, a2]).toEqual(snapshot);
  });

  it('merges real HF and arXiv API records of papers fetched over HTTP', async () => {
    const server = await startFakeHttpServer();
    try {
      // The cs.LG listing of 2026-04-27 re-served as HF-style day with the same ids.
      server.route('GET', '/rss/cs.LG', { headers: RSS, body: fixtureBytes('arxiv-rss-cs.LG-2026-04-27-trimmed.xml') });
      server.route('GET', '/api/daily_papers', {
        headers: JSON_TYPE,
        body: JSON.stringify([
          { paper: { id: '2604.21953', title: 'Performance Anomaly Detection in Athletics', summary: 's', upvotes: 7, authors: [{ name: 'Blessed Madukoma' }], submittedOnDailyAt: '2026-04-28T00:00:00.000Z', ai_summary: 'Doping screening from results.' }, numComments: 2 },
        ]),
      });
      server.route('GET', '/api/query', { headers: XML, body: fixtureBytes('arxiv-api-idlist-astro-ph-0601001-2026-05-11.xml') });
      const deps = testDeps(server.url);
      const [rss, hf, api] = await Promise.all([
        createSource('arxiv:cs.LG', deps).fetch({}),
        createSource('hf', deps).fetch({ date: '2026-04-28' }),
        createArxivLookup(deps).byIds(['astro-ph/0601001']),
      ]);
      const merged = mergePapers([...hf.papers, ...rss.papers, ...api]);
      expect(merged.map((p) => p.id)).toEqual(['2604.21953', '2604.21952', '2604.21956', 'astro-ph/0601001']);
      expect(merged[0]).toMatchObject({
        version: 1,
        title: 'Performance Anomaly Detection in Athletics: A Benchmarking System with Visual Analytics',
        authors: ['Blessed Madukoma', 'Prasenjit Mitra'],
        listedOn: '2026-04-27',
        signals: { upvotes: 7, comments: 2 },
        aiSummary: 'Doping screening from results.',
        sources: ['hf', 'arxiv:cs.LG'],
      });
    } finally {
      await server.close();
    }
  });
});
