import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSource } from '../../src/sources/registry.js';
import { SourceError } from '../../src/errors.js';
import type { Paper, SourceResult } from '../../src/types.js';
import { startFakeHttpServer, type FakeHttpServer } from '../fakes/fake-http-server.js';
import { fixtureBytes, fixtureJson, JSON_TYPE, testDeps } from './helpers.js';

const PATH = '/api/daily_papers';
let server: FakeHttpServer;

beforeAll(async () => {
  server = await startFakeHttpServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

async function fetchFixture(file: string, date: string): Promise<SourceResult> {
  server.route('GET', PATH, { headers: JSON_TYPE, body: fixtureBytes(file) });
  return createSource('hf', testDeps(server.url)).fetch({ date });
}

function byId(result: SourceResult, id: string): Paper {
  const paper = result.papers.find((p) => p.id === id);
  if (!paper) throw new Error(`no paper ${id}`);
  return paper;
}

describe('hf source: recorded responses', () => {
  it('parses the 2026-06-12 listing with signals, links and HF summaries', async () => {
    const result = await fetchFixture('hf-daily-papers-2026-06-12.json', '2026-06-12');
    expect(result).toMatchObject({ source: 'hf', quiet: false });
    expect(result.partial).toBeUndefined();
    expect(result.papers).toHaveLength(30);
    expect(result.papers.every((p) => p.listedOn === '2026-06-12' && p.sources[0] === 'hf')).toBe(true);

    const msa = byId(result, '2606.13392');
    expect(msa).toMatchObject({
      title: 'MiniMax Sparse Attention',
      publishedAt: '2026-06-11T00:00:00.000Z',
      listedOn: '2026-06-12',
      signals: { upvotes: 103, githubStars: 251, comments: 4 },
      links: {
        abs: 'https://arxiv.org/abs/2606.13392',
        pdf: 'https://arxiv.org/pdf/2606.13392',
        code: 'https://github.com/MiniMax-AI/MSA',
        thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2606.13392.png',
      },
      categories: [],
    });
    expect(msa.aiSummary).toMatch(/^MiniMax Sparse Attention enables efficient processing of ultra-long contexts/);
    expect(msa.aiKeywords).toContain('Grouped Query Attention');
    expect('version' in msa).toBe(false);
    expect('project' in msa.links).toBe(false);
  });

  it('keeps a hidden author in the author list', async () => {
    const result = await fetchFixture('hf-daily-papers-2026-06-12.json', '2026-06-12');
    const paper = byId(result, '2606.12575');
    expect(paper.authors).toHaveLength(10);
    expect(paper.authors[3]).toBe('Dengyang Jiang');
  });

  it('keeps paragraph breaks of the abstract as single newlines', async () => {
    const result = await fetchFixture('hf-daily-papers-2026-06-12.json', '2026-06-12');
    const paper = byId(result, '2606.09446');
    const paragraphs = paper.abstract.split('\n');
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[1]).toMatch(/^Our contributions are twofold\./);
    expect(paragraphs[2]).toBe('Data and code are publicly available at: https://malamatenia.github.io/morphology4metrology-analysis.');
    expect(paper.links.project).toBe('https://malamatenia.github.io/morphology4metrology-analysis/');
    expect(paper.signals).toEqual({ upvotes: 1, githubStars: 12, comments: 2 });
  });

  it('takes listedOn from each entry, even when a listing crosses days (limit25)', async () => {
    const result = await fetchFixture('hf-daily-papers-2026-07-13-limit25-trimmed.json', '2026-07-13');
    expect(result.papers).toHaveLength(15);
    expect(result.papers.filter((p) => p.listedOn === '2026-07-13')).toHaveLength(4);
    const old = byId(result, '2601.16211');
    expect(old.listedOn).toBe('2026-07-10');
    expect(old.signals.upvotes).toBe(48);
    expect(old.aiSummary).toBeTruthy();
    const fresh = byId(result, '2607.09415');
    expect(fresh.title).toBe('Self-Guided Test-Time Training for Long-Context LLMs');
    expect('aiSummary' in fresh).toBe(false);
    expect('aiKeywords' in fresh).toBe(false);
    expect(fresh.signals).toEqual({ upvotes: 5, comments: 0 });
  });

  it('omits absent optional fields entirely (2026-07-31, fetched the same day)', async () => {
    const result = await fetchFixture('hf-daily-papers-2026-07-31-trimmed.json', '2026-07-31');
    expect(result.papers.map((p) => p.id)).toEqual(['2607.23193', '2607.27958', '2607.28582', '2607.28308', '2607.16922']);
    for (const paper of result.papers) {
      expect('aiSummary' in paper).toBe(false);
      expect('aiKeywords' in paper).toBe(false);
      expect(Object.values(paper).includes(undefined)).toBe(false);
      expect(Object.values(paper.links).includes(undefined)).toBe(false);
      expect(Object.values(paper.signals).includes(undefined)).toBe(false);
    }
    expect(byId(result, '2607.23193')).toMatchObject({
      title: 'OmniScope: Modality-Decoupled Token Compression for Omnimodal Large Language Models',
      publishedAt: '2026-07-28T00:00:00.000Z',
      listedOn: '2026-07-31',
      links: { code: 'https://github.com/MAC-AutoML/OmniScope' },
      signals: { upvotes: 3, githubStars: 3, comments: 2 },
      authors: ['Jinsen Su', 'Yongdong Luo', 'Yuexiao Ma', 'Yibo Hu', 'Meiguang Jin', 'Xiaowu Zheng'],
    });
    expect(byId(result, '2607.27958').title).toMatch(/^Σ-Mem: An Online Reliability Memory/);
    expect(byId(result, '2607.28582').links.project).toBe('https://umd-huang-lab.github.io/beta-opsd/');
    expect('code' in byId(result, '2607.28582').links).toBe(false);
  });

  it('reads the 2024 legacy shape: unwrapped title, joined wraps, listedOn from the requested date', async () => {
    const result = await fetchFixture('hf-daily-papers-2024-10-25-legacy-trimmed.json', '2024-10-25');
    expect(result.papers.map((p) => p.id)).toEqual(['2410.17243', '2410.16251', '2410.18533', '2410.18693']);
    const first = byId(result, '2410.17243');
    expect(first.title).toBe('Breaking the Memory Barrier: Near Infinite Batch Size Scaling for Contrastive Loss');
    expect(first.abstract).not.toContain('\n');
    expect(first.abstract).toMatch(/^Contrastive loss is a powerful approach for representation learning, where larger batch sizes/);
    expect(first).toMatchObject({
      publishedAt: '2024-10-22T17:59:30.000Z',
      listedOn: '2024-10-25',
      signals: { upvotes: 64, comments: 3 },
    });
    expect(byId(result, '2410.18693').title).toBe(
      'Unleashing Reasoning Capability of LLMs via Scalable Question Synthesis from Scratch',
    );
    expect(byId(result, '2410.18693').abstract).toContain('utilizes "small-size" (e.g., 7B) open-source models');
  });
});

describe('hf source: HTTP behaviour', () => {
  const clone = (w: unknown, i: number) => {
    const copy = structuredClone(w) as { paper: { id: string } };
    copy.paper.id = `2606.${String(20000 + i)}`;
    return copy;
  };

  it('pages with p until a short page, asking for date and limit=100', async () => {
    const day = fixtureJson<unknown[]>('hf-daily-papers-2026-06-12.json');
    const full = Array.from({ length: 100 }, (_, i) => clone(day[i % day.length], i));
    server.route('GET', PATH, (req) =>
      req.query.get('p') === '0'
        ? { headers: JSON_TYPE, body: JSON.stringify(full) }
        : { headers: JSON_TYPE, body: fixtureBytes('hf-daily-papers-2026-07-31-trimmed.json') },
    );
    const result = await createSource('hf', testDeps(server.url)).fetch({ date: '2026-07-31' });
    expect(server.requests.map((r) => Object.fromEntries(r.query))).toEqual([
      { date: '2026-07-31', limit: '100', p: '0' },
      { date: '2026-07-31', limit: '100', p: '1' },
    ]);
    expect(result.papers).toHaveLength(105);
    expect(result.papers.at(-1)?.id).toBe('2607.16922');
  });

  it("uses today's UTC date when the query has none, and a descriptive User-Agent", async () => {
    server.route('GET', PATH, { headers: JSON_TYPE, body: '[]' });
    const deps = testDeps(server.url, { now: () => new Date('2026-08-01T23:30:00-04:00') });
    const result = await createSource('hf', deps).fetch({});
    expect(server.requests[0]?.query.get('date')).toBe('2026-08-02');
    expect(server.requests[0]?.headers['user-agent']).toBe('paperbot/0.1 (+https://github.com/paperbot)');
    expect(result).toEqual({ source: 'hf', papers: [], quiet: true });
  });

  it('turns a 200 with an HTML body into a SourceError', async () => {
    server.route('GET', PATH, {
      headers: { 'content-type': 'text/html' },
      body: '<!doctype html><html><head><title>Hugging Face – Maintenance</title></head><body>back soon</body></html>',
    });
    const err = await createSource('hf', testDeps(server.url)).fetch({ date: '2026-07-31' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as Error).message).toMatch(/^hf: expected JSON from .* but got: Hugging Face – Maintenance/);
  });

  it('turns broken JSON and a non-array into SourceErrors', async () => {
    server.route('GET', PATH, { headers: JSON_TYPE, body: '[{"paper": {"id": "2606.1' });
    await expect(createSource('hf', testDeps(server.url)).fetch({ date: '2026-07-31' })).rejects.toThrow(/expected JSON/);
    server.route('GET', PATH, { headers: JSON_TYPE, body: '{"error":"Invalid date"}' });
    await expect(createSource('hf', testDeps(server.url)).fetch({ date: '2026-07-31' })).rejects.toThrow(
      /expected a JSON array .* \{"error":"Invalid date"\}/,
    );
  });

  it('reports HTTP 400 with its status and does not retry it', async () => {
    server.route('GET', PATH, { status: 400, headers: JSON_TYPE, body: '{"error":"Invalid date format"}' });
    const err = await createSource('hf', testDeps(server.url)).fetch({ date: '2026-02-30' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect((err as SourceError).status).toBe(400);
    expect((err as Error).message).toContain('Invalid date format');
    expect(server.requests).toHaveLength(1);
  });

  it('returns earlier pages with a partial note when a later page fails', async () => {
    const day = fixtureJson<unknown[]>('hf-daily-papers-2026-06-12.json');
    const full = Array.from({ length: 100 }, (_, i) => clone(day[i % day.length], i));
    server.route('GET', PATH, (req) =>
      req.query.get('p') === '0' ? { headers: JSON_TYPE, body: JSON.stringify(full) } : { status: 404, body: 'gone' },
    );
    const result = await createSource('hf', testDeps(server.url)).fetch({ date: '2026-06-12' });
    expect(result.papers).toHaveLength(100);
    expect(result.partial).toMatch(/^page 1 failed: hf: HTTP 404/);
  });

  it('skips malformed entries and says so', async () => {
    const day = fixtureJson<unknown[]>('hf-daily-papers-2026-07-31-trimmed.json');
    server.route('GET', PATH, { headers: JSON_TYPE, body: JSON.stringify([day[0], { paper: { title: 'no id' } }]) });
    const result = await createSource('hf', testDeps(server.url)).fetch({ date: '2026-07-31' });
    expect(result.papers.map((p) => p.id)).toEqual(['2607.23193']);
    expect(result.partial).toMatch(/skipped 1 malformed entries \(entry 1: paper\.id/);
  });
});
