import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createArxivLookup } from '../../src/sources/registry.js';
import { SourceError } from '../../src/errors.js';
import type { Paper } from '../../src/types.js';
import { startFakeHttpServer, type FakeHttpServer, type ScriptedResponse } from '../fakes/fake-http-server.js';
import { fixtureBytes, testDeps, XML } from './helpers.js';

const PATH = '/api/query';
let server: FakeHttpServer;

beforeAll(async () => {
  server = await startFakeHttpServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const serve = (file: string, extra: ScriptedResponse = {}): ScriptedResponse => ({ headers: XML, body: fixtureBytes(file), ...extra });
const lookup = () => createArxivLookup(testDeps(server.url));
const find = (papers: Paper[], id: string) => papers.find((p) => p.id === id)!;

describe('arXiv API lookup by ids', () => {
  it('reads an old-style id with affiliations, comment and journal ref', async () => {
    server.route('GET', PATH, serve('arxiv-api-idlist-astro-ph-0601001-2026-05-11.xml'));
    const papers = await lookup().byIds(['astro-ph/0601001']);
    expect(Object.fromEntries(server.requests[0]!.query)).toEqual({ id_list: 'astro-ph/0601001', start: '0', max_results: '1' });
    expect(papers).toHaveLength(1);
    const p = papers[0]!;
    expect(p).toMatchObject({
      id: 'astro-ph/0601001',
      version: 1,
      title: 'Frequency of Hot Jupiters and Very Hot Jupiters from the OGLE-III Transit Surveys Toward the Galactic Bulge and Carina',
      authors: ['Andrew Gould', 'Susan Dorsher', 'B. Scott Gaudi', 'Andrzej Udalski'],
      categories: ['astro-ph'],
      primaryCategory: 'astro-ph',
      publishedAt: '2006-01-02T14:57:58.000Z',
      updatedAt: '2006-01-02T14:57:58.000Z',
      journalRef: 'ActaAstron.56:1-50,2006',
      links: { abs: 'https://arxiv.org/abs/astro-ph/0601001', pdf: 'https://arxiv.org/pdf/astro-ph/0601001' },
      sources: ['arxiv-api'],
    });
    expect(p.comment).toMatch(/^62 pages including 16 figures and 9 tables\./);
    // Leading indentation gone, entities decoded, LaTeX untouched.
    expect(p.abstract).toMatch(/^We derive the frequencies of hot Jupiters/);
    expect(p.abstract).toContain('following Gould & Morgan (2003)');
    expect(p.abstract).toContain('limit of V_max<17.5.');
    expect(p.abstract).toContain('(1/310)(1^{+1.39}_{-0.59})');
    expect('doi' in p).toBe(false);
    expect('listedOn' in p).toBe(false);
  });

  it('decodes UTF-8 from bytes whatever charset is claimed, and reports ids arXiv dropped', async () => {
    server.route('GET', PATH, serve('arxiv-api-idlist-one-missing-one-found-2026-04-12.xml', {
      headers: { 'content-type': 'application/atom+xml; charset=ISO-8859-1' },
    }));
    const api = lookup();
    const result = await api.fetchIds(['0808.05394', 'arXiv:1707.08567v1']);
    expect(server.requests[0]!.query.get('id_list')).toBe('0808.05394,1707.08567');
    expect(result.papers.map((p) => [p.id, p.version])).toEqual([['1707.08567', 1]]);
    expect(result.partial).toBe('not found on arXiv: 0808.05394');
    const paper = result.papers[0]!;
    expect(paper.title).toBe('Proceedings of Workshop AEW10: Concepts in Information Theory and Communications');
    expect(paper.authors).toHaveLength(34);
    expect(paper.authors).toContain('Dirk Wübben');
    expect(paper.authors.join()).not.toContain('Ã');
    expect(paper.abstract).toContain('"Concepts in Information Theory and Communications"');
    expect(await api.byIds(['0808.05394', '1707.08567'])).toHaveLength(1);
  });

  it('returns nothing for ids arXiv does not know (empty feed)', async () => {
    server.route('GET', PATH, serve('arxiv-api-empty-result-idlist-0000.0000-2026-04-12.xml'));
    expect(await lookup().byIds(['2612.99999'])).toEqual([]);
  });

  it('never sends ids that are not arXiv ids', async () => {
    server.route('GET', PATH, serve('arxiv-api-empty-result-idlist-0000.0000-2026-04-12.xml'));
    expect(await lookup().byIds(['abc', 'file:foo'])).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it('parses the 2016 legacy format (per-element namespaces, other order, wrapped text)', async () => {
    server.route('GET', PATH, serve('arxiv-api-legacy-format-idlist-1111.2011v2-2016-10-09.xml'));
    const [p] = await lookup().byIds(['1111.2011v2']);
    expect(p).toMatchObject({
      id: '1111.2011',
      version: 2,
      title: 'Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit',
      authors: ['James M. Murray', 'Adrian Del Maestro', 'Zlatko Tesanovic'],
      categories: ['cond-mat.str-el', 'cond-mat.stat-mech'],
      primaryCategory: 'cond-mat.str-el',
      publishedAt: '2011-11-08T18:48:36.000Z',
      updatedAt: '2012-04-02T12:38:54.000Z',
      doi: '10.1103/PhysRevB.85.115117',
      comment: '8 pages, 3 figures. Published version',
      journalRef: 'Phys. Rev. B 85, 115117 (2012)',
    });
    expect(p!.abstract).toMatch(/^Theoretical description of anisotropic systems, such as layered superconductors and coupled/);
    expect(p!.abstract).not.toContain('\n');
    expect(p!.abstract).toContain('"nodes" arranged as the vertices');
  });
});

describe('arXiv API lookup by query', () => {
  it('sends free text as all: terms and parses entities, LaTeX and paragraphs', async () => {
    server.route('GET', PATH, serve('arxiv-api-query-transformer-cs.LG-2026-06-14.xml'));
    const papers = await lookup().byQuery('transformer', 5);
    expect(Object.fromEntries(server.requests[0]!.query)).toEqual({
      search_query: 'all:transformer',
      start: '0',
      max_results: '5',
      sortBy: 'relevance',
      sortOrder: 'descending',
    });
    expect(papers.map((p) => p.id)).toEqual(['2606.13677', '2606.13591', '2606.13568', '2606.13515', '2606.13501']);
    const mana = find(papers, '2606.13677');
    expect(mana).toMatchObject({
      version: 1,
      title: 'Mana: Dexterous Manipulation of Articulated Tools',
      authors: ['Zhao-Heng Yin', 'Guanya Shi', 'Pieter Abbeel', 'C. Karen Liu'],
      categories: ['cs.RO', 'cs.AI', 'cs.CV', 'cs.LG'],
      primaryCategory: 'cs.RO',
      comment: 'Project Page: https://zhaohengyin.github.io/mana',
      publishedAt: '2026-06-11T17:59:49.000Z',
    });
    expect(mana.abstract).toContain('(<1 minute per tool)');
    const dit = find(papers, '2606.13501');
    expect(dit.categories[0]).toBe('cs.DC');
    expect(dit.abstract.split('\n')).toHaveLength(3);
    expect(dit.abstract.split('\n')[1]).toMatch(/^This paper argues that DiT serving/);
    expect(dit.abstract).toContain('throughput by up to 6.01$\\times$');
  });

  it('passes fielded queries through and reads DOIs, journal refs and LaTeX titles', async () => {
    server.route('GET', PATH, serve('arxiv-api-query-cat-cs.LG-OR-cs.AI-2026-04-30.xml'));
    const papers = await lookup().byQuery('cat:cs.LG OR cat:cs.AI', 20);
    expect(server.requests[0]!.query.get('search_query')).toBe('cat:cs.LG OR cat:cs.AI');
    expect(papers).toHaveLength(20);
    const mann = find(papers, '2604.26888');
    expect(mann).toMatchObject({
      doi: '10.1007/978-3-031-85252-7_10',
      authors: ['Janis Mohr', 'Jörg Frochte'],
    });
    expect(mann.journalRef).toMatch(/^In: Bäck, T\. et al\. \(eds\.\), Computational Intelligence/);
    expect(find(papers, '2604.26926').title).toBe('A Note on How to Remove the $\\ln\\ln T$ Term from the Squint Bound');
    expect(find(papers, '2604.26851').doi).toBe('10.1145/3805689.3806498');
    for (const p of papers) expect(JSON.stringify(p)).not.toMatch(/&amp;|&lt;/);
  });

  it('does not call arXiv for an empty query', async () => {
    expect(await lookup().byQuery('   ')).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });
});

describe('arXiv API errors', () => {
  it('turns the HTTP 400 Atom error entry into a SourceError with the server message', async () => {
    server.route('GET', PATH, serve('arxiv-api-error-http400-incorrect-id-abc-2026-04-12.xml', { status: 400 }));
    const err = await lookup().byQuery('id:abc').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as SourceError).message).toBe('arxiv-api: incorrect id format for abc');
    expect((err as SourceError).status).toBe(400);
    expect(server.requests).toHaveLength(1);
  });

  it('treats an error entry served with 200 (legacy backend) as an error too, never a paper', async () => {
    server.route('GET', PATH, serve('arxiv-api-error-http400-incorrect-id-abc-2026-04-12.xml'));
    await expect(lookup().byIds(['2606.12730'])).rejects.toThrow('incorrect id format for abc');
  });

  it('reports an HTML body served with 200 as a SourceError', async () => {
    server.route('GET', PATH, { headers: { 'content-type': 'text/html' }, body: '<html><head><title>Rate exceeded.</title></head><body><p>x<br></body></html>' });
    await expect(lookup().byQuery('transformer')).rejects.toThrow(/^arxiv-api: expected an Atom feed .*Rate exceeded\./);
  });

  it('reports a non-Atom error status with its code', async () => {
    server.route('GET', PATH, { status: 403, body: 'Forbidden' });
    const err = await lookup().byQuery('transformer').catch((e: unknown) => e);
    expect((err as SourceError).status).toBe(403);
    expect((err as Error).message).toMatch(/HTTP 403 .*Forbidden/);
  });
});
