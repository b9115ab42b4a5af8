import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSource } from '../../src/sources/registry.js';
import { SourceError } from '../../src/errors.js';
import { startFakeHttpServer, type FakeHttpServer } from '../fakes/fake-http-server.js';
import { fixtureBytes, fixtureText, RSS, testDeps } from './helpers.js';

const LG = 'arxiv-rss-cs.LG-2026-04-27-trimmed.xml';
let server: FakeHttpServer;

beforeAll(async () => {
  server = await startFakeHttpServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

describe('arxiv:<cat> source', () => {
  it('parses the cs.LG listing: ids, versions, authors, categories, listedOn, abstract', async () => {
    server.route('GET', '/rss/cs.LG', { headers: RSS, body: fixtureBytes(LG) });
    const result = await createSource('arxiv:cs.LG', testDeps(server.url)).fetch({ date: '2026-04-27' });
    expect(result).toMatchObject({ source: 'arxiv:cs.LG', quiet: false });
    expect(result.papers.map((p) => [p.id, p.version])).toEqual([
      ['2604.21952', 1],
      ['2604.21953', 1],
      ['2604.21956', 1],
    ]);
    const [first, second, third] = result.papers;
    expect(first).toMatchObject({
      title: 'Focus Session: Hardware and Software Techniques for Accelerating Multimodal Foundation Models',
      authors: [
        'Muhammad Shafique',
        'Abdul Basit',
        'Muhammad Abdullah Hanif',
        'Alberto Marchisio',
        'Rachmad Vidya Wicaksana Putra',
        'Minghao Shao',
      ],
      categories: ['cs.LG', 'cs.AI', 'cs.AR', 'cs.NE', 'cs.RO'],
      primaryCategory: 'cs.LG',
      listedOn: '2026-04-27',
      announceType: 'new',
      links: { abs: 'https://arxiv.org/abs/2604.21952', pdf: 'https://arxiv.org/pdf/2604.21952' },
      signals: {},
      sources: ['arxiv:cs.LG'],
    });
    // The announce header and its trailing space are gone; entities are decoded.
    expect(first!.abstract).toMatch(/^This work presents a multi-layered methodology/);
    expect(first!.abstract).toContain('visual resolution & stride');
    expect(first!.abstract).not.toMatch(/Announce Type|Abstract:|\n/);
    expect(second!.abstract).toContain('costs over $800 per sample');
    expect(third!.authors).toEqual(['Michal Valko', 'Hamed Valizadegan', 'Branislav Kveton', 'Gregory F. Cooper', 'Milos Hauskrecht']);
    expect('publishedAt' in first!).toBe(false);
  });

  it('treats the weekend feed (no items, skipDays) as a quiet day', async () => {
    server.route('GET', '/rss/cs.CL', { headers: RSS, body: fixtureBytes('arxiv-rss-cs.CL-2026-08-01-weekend-empty.xml') });
    const result = await createSource('arxiv:cs.CL', testDeps(server.url)).fetch({ date: '2026-08-01' });
    expect(result).toEqual({ source: 'arxiv:cs.CL', papers: [], quiet: true });
  });

  it('keeps new and cross announcements and drops replace and replace-cross', async () => {
    const items = fixtureText(LG).split('<item>');
    const retype = (item: string, type: string) =>
      item.replace('Announce Type: new', `Announce Type: ${type}`).replace('>new</arxiv:announce_type>', `>${type}</arxiv:announce_type>`);
    const body = [items[0], retype(items[1]!, 'replace'), retype(items[2]!, 'cross'), retype(items[3]!, 'replace-cross')].join('<item>');
    server.route('GET', '/rss/cs.LG', { headers: RSS, body });
    const result = await createSource('arxiv:cs.LG', testDeps(server.url)).fetch({});
    expect(result.papers.map((p) => [p.id, p.announceType])).toEqual([['2604.21953', 'cross']]);
  });

  it('reads the announce type from the description when the element is missing', async () => {
    const body = fixtureText(LG).replace(/<arxiv:announce_type>new<\/arxiv:announce_type>/g, '').replace(
      'arXiv:2604.21953v1 Announce Type: new',
      'arXiv:2604.21953v2 Announce Type: replace',
    );
    server.route('GET', '/rss/cs.LG', { headers: RSS, body });
    const result = await createSource('arxiv:cs.LG', testDeps(server.url)).fetch({});
    expect(result.papers.map((p) => p.id)).toEqual(['2604.21952', '2604.21956']);
  });

  it('asks for several categories in one request joined with +', async () => {
    server.route('GET', '/rss/cs.AI+cs.LG', { headers: RSS, body: fixtureBytes(LG) });
    const result = await createSource('arxiv:cs.AI+cs.LG', testDeps(server.url)).fetch({});
    expect(server.requests.map((r) => r.path)).toEqual(['/rss/cs.AI+cs.LG']);
    expect(result.papers[0]?.sources).toEqual(['arxiv:cs.AI+cs.LG']);
  });

  it('turns an HTML error page served with 200 into a SourceError', async () => {
    server.route('GET', '/rss/cs.LG', { headers: { 'content-type': 'text/html' }, body: '<html><head><title>Service Unavailable</title></head><body><p>down<br></body></html>' });
    const err = await createSource('arxiv:cs.LG', testDeps(server.url)).fetch({}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as Error).message).toMatch(/^arxiv:cs\.LG: expected an RSS feed but the body is not well-formed XML .*Service Unavailable/);
  });

  it('rejects well-formed XML that is not an RSS channel', async () => {
    server.route('GET', '/rss/cs.LG', { body: fixtureBytes('arxiv-api-empty-result-idlist-0000.0000-2026-04-12.xml') });
    await expect(createSource('arxiv:cs.LG', testDeps(server.url)).fetch({})).rejects.toThrow(
      /expected an RSS 2.0 <rss><channel> feed but found <feed>/,
    );
  });

  it('reports a 404 for an unknown category with its status', async () => {
    server.route('GET', '/rss/cs.XX', { status: 404, body: 'Not Found' });
    const err = await createSource('arxiv:cs.XX', testDeps(server.url)).fetch({}).catch((e: unknown) => e);
    expect((err as SourceError).status).toBe(404);
  });
});
