// ingest → search → paper → ask, all through the CLI on one SQLite file, with no model configured.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, offlineEnv, runCli, tempDir } from './support/run-cli.js';
import { startFakeHttpServer, type FakeHttpServer } from '../fakes/fake-http-server.js';
import { readFile } from 'node:fs/promises';

const HF = `file:${fixture('hf-daily-papers-2026-06-12.json')}`;

describe('ingest, search, paper and ask on one SQLite store', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  let env: Record<string, string | undefined>;
  let arxiv: FakeHttpServer;
  beforeAll(async () => {
    tmp = await tempDir();
    arxiv = await startFakeHttpServer();
    env = await offlineEnv({ PAPERBOT_STORE_URL: `sqlite://${tmp.file('paperbot.sqlite')}`, PAPERBOT_ARXIV_API_URL: `${arxiv.url}/api/query` });
  });
  afterAll(async () => {
    await arxiv.close();
    await tmp.cleanup();
  });

  it('ingest stores the papers of a source and reports the counts', async () => {
    const run = await runCli(['ingest', '--sources', HF, '--date', '2026-06-12', '--json'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { fetched: number; added: number; updated: number; date: string };
    expect(out).toMatchObject({ date: '2026-06-12', fetched: 30, added: 30, updated: 0 });

    const again = await runCli(['ingest', '--sources', HF, '--date', '2026-06-12'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Fetched 30 papers for 2026-06-12 .*: 0 new/);
  });

  it('search finds the stored papers (JSON), best match first', async () => {
    const run = await runCli(['search', 'sparse', 'attention', '--json'], env);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as Array<{ id: string; title: string; url: string; authors: string[] }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toMatchObject({ id: '2606.13392', title: 'MiniMax Sparse Attention', url: 'https://arxiv.org/abs/2606.13392' });
    expect(rows[0]!.authors).toContain('Xunhao Lai');
  });

  it('search by author finds the paper', async () => {
    const run = await runCli(['search', 'Xunhao', 'Lai', '--json'], env);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as Array<{ id: string }>;
    expect(rows.map((r) => r.id)).toContain('2606.13392');
  });

  it('search with no match anywhere says so in text (arXiv was asked too, and found nothing)', async () => {
    const empty = await readFile(fixture('arxiv-api-empty-result-idlist-0000.0000-2026-04-12.xml'), 'utf8');
    arxiv.route('GET', '/api/query', { status: 200, headers: { 'content-type': 'application/atom+xml' }, body: empty });
    const before = arxiv.requests.length;
    const run = await runCli(['search', 'zyzzyvaquux'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/No stored paper matches "zyzzyvaquux"/);
    expect(arxiv.requests.length).toBe(before + 1);
    expect(arxiv.requests.at(-1)!.query.get('search_query')).toContain('zyzzyvaquux');
  });

  it('search for words no stored paper has returns arXiv results, marked and stored', async () => {
    const atom = await readFile(fixture('arxiv-api-query-transformer-cs.LG-2026-06-14.xml'), 'utf8');
    arxiv.route('GET', '/api/query', { status: 200, headers: { 'content-type': 'application/atom+xml' }, body: atom });
    const before = arxiv.requests.length;
    const run = await runCli(['search', 'quokka', 'photosynthesis', '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout) as Array<{ id: string; title: string; from: string }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.from === 'arxiv')).toBe(true);
    expect(arxiv.requests.length).toBe(before + 1);

    const text = await runCli(['paper', rows[0]!.id], env);
    expect(text.code).toBe(0);
    expect(arxiv.requests.length).toBe(before + 1); // stored: served from the corpus now
  });

  it('paper ID shows the stored paper without asking arXiv, by id, versioned id or URL', async () => {
    for (const id of ['2606.13392', '2606.13392v1', 'https://arxiv.org/abs/2606.13392']) {
      const run = await runCli(['paper', id], env);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('MiniMax Sparse Attention');
      expect(run.stdout).toContain('TL;DR:');
    }
    const json = await runCli(['paper', '2606.13392', '--json'], env);
    expect(JSON.parse(json.stdout)).toMatchObject({ id: '2606.13392', title: 'MiniMax Sparse Attention' });
    expect(arxiv.requests.filter((r) => r.query.has('id_list'))).toHaveLength(0);
  });

  it('paper ID not stored is looked up on arXiv (the fake API) and then kept', async () => {
    const atom = await readFile(fixture('arxiv-api-idlist-one-missing-one-found-2026-04-12.xml'), 'utf8');
    arxiv.route('GET', '/api/query', { status: 200, headers: { 'content-type': 'application/atom+xml' }, body: atom });
    const run = await runCli(['paper', '1707.08567', '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ id: '1707.08567' });
    expect(arxiv.requests.at(-1)!.query.get('id_list')).toContain('1707.08567');

    const asked = arxiv.requests.length;
    const again = await runCli(['paper', '1707.08567'], env);
    expect(again.code).toBe(0);
    expect(arxiv.requests).toHaveLength(asked); // served from the store now
  });

  it('paper ID unknown everywhere exits 1 with a message', async () => {
    const empty = await readFile(fixture('arxiv-api-empty-result-idlist-0000.0000-2026-04-12.xml'), 'utf8');
    arxiv.route('GET', '/api/query', { status: 200, headers: { 'content-type': 'application/atom+xml' }, body: empty });
    const run = await runCli(['paper', '2601.99999'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no paper 2601\.99999/);
  });

  it('ask without a model answers with extracts from the stored papers, marked as such, and cites them', async () => {
    const run = await runCli(['ask', 'how much faster is sparse attention at 1M context?'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/no language model is configured/i);
    expect(run.stdout).toMatch(/^> .*28\.4x/m);
    expect(run.stdout).toMatch(/Sources:\n\s+\[1\] MiniMax Sparse Attention \(2606\.13392\)/);

    const json = await runCli(['ask', '--json', 'how much faster is sparse attention at 1M context?'], env);
    const answer = JSON.parse(json.stdout) as { extractive: boolean; citations: Array<{ paperId: string }> };
    expect(answer.extractive).toBe(true);
    expect(answer.citations.map((c) => c.paperId)).toContain('2606.13392');
  });

  it('ask --paper answers from that paper only', async () => {
    const run = await runCli(['ask', '--paper', '2606.13392', 'what', 'speedups', 'on', 'H800?'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/no language model/i);
    expect(run.stdout).toMatch(/14\.2x prefill/);
    expect(run.stdout).not.toMatch(/\(2606\.(?!13392)\d+\)/);
  });
});
