// `paperbot digest` with file sources: the three formats, a quiet day and failing sources.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, offlineEnv, runCli, tempDir } from './support/run-cli.js';
import { startFakeHttpServer, type FakeHttpServer } from '../fakes/fake-http-server.js';

const HF = `file:${fixture('hf-daily-papers-2026-06-12.json')}`;
const INTERESTS = 'sparse attention for long-context language models';

interface JsonDigest {
  date: string;
  totalNew: number;
  items: Array<{ id: string; title: string; tldr: string; why: string; score: number; paper: { id: string; title: string } }>;
  notes: Array<{ kind: string; text: string }>;
}

describe('paperbot digest', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  let env: Record<string, string | undefined>;
  beforeAll(async () => {
    tmp = await tempDir();
    env = await offlineEnv();
  });
  afterAll(() => tmp.cleanup());

  it('reads a file source once per run (the up-front check and the digest share the read)', async () => {
    const run = await runCli(['digest', '--sources', HF, '--date', '2026-06-12'], { ...env, PAPERBOT_LOG_LEVEL: 'debug' });
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n').filter((l) => l.includes('file source read'))).toHaveLength(1);
  });

  it('prints a readable text digest of a file source, the relevant paper first', async () => {
    const run = await runCli(['digest', '--sources', HF, '--interests', INTERESTS, '--date', '2026-06-12', '--size', '3'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^paperbot digest · 2026-06-12\n/);
    expect(run.stdout).toContain(`Interests: ${INTERESTS}`);
    expect(run.stdout).toMatch(/30 new papers, showing [1-3]\b/);
    expect(run.stdout).toContain('1. MiniMax Sparse Attention');
    expect(run.stdout).toContain('TL;DR: MiniMax Sparse Attention enables efficient processing');
    expect(run.stdout).toMatch(/Why: .*sparse/i);
    expect(run.stdout).toContain('https://arxiv.org/abs/2606.13392');
    expect(run.stdout).not.toMatch(/\u001b\[/); // no colors when stdout is not a terminal
  });

  it('prints markdown with linked titles', async () => {
    const run = await runCli(['digest', '--sources', HF, '--interests', INTERESTS, '--date', '2026-06-12', '--size', '2', '--format', 'markdown'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# paperbot digest · 2026-06-12\n/);
    expect(run.stdout).toContain('## 1. [MiniMax Sparse Attention](https://arxiv.org/abs/2606.13392)');
    expect(run.stdout).toContain('**TL;DR:**');
    expect(run.stdout).toContain('**Why it matched:**');
  });

  it('prints JSON whose items carry id, title, tldr and why', async () => {
    const run = await runCli(['digest', '--sources', HF, '--interests', INTERESTS, '--date', '2026-06-12', '--size', '3', '--format', 'json'], env);
    expect(run.code).toBe(0);
    const digest = JSON.parse(run.stdout) as JsonDigest;
    expect(digest.date).toBe('2026-06-12');
    expect(digest.totalNew).toBe(30);
    expect(digest.items.length).toBeGreaterThanOrEqual(1);
    expect(digest.items.length).toBeLessThanOrEqual(3);
    expect(digest.items[0]!.id).toBe('2606.13392');
    expect(digest.items[0]!.title).toBe('MiniMax Sparse Attention');
    for (const item of digest.items) {
      expect(item.id).toMatch(/^\d{4}\.\d{5}$/);
      expect(item.title).toBe(item.paper.title);
      expect(item.id).toBe(item.paper.id);
      expect(item.tldr.length).toBeGreaterThan(20);
      expect(item.why.length).toBeGreaterThan(0);
    }
    const scores = digest.items.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('says it is a quiet day when the source lists nothing, in every format', async () => {
    const empty = `file:${await tmp.write('empty.json', [])}`;
    const text = await runCli(['digest', '--sources', empty, '--date', '2026-06-13'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('0 new papers, showing 0');
    expect(text.stdout).toMatch(/quiet day/i);

    const json = await runCli(['digest', '--sources', empty, '--date', '2026-06-13', '--format', 'json'], env);
    expect(json.code).toBe(0);
    const digest = JSON.parse(json.stdout) as JsonDigest;
    expect(digest.items).toEqual([]);
    expect(digest.notes.map((n) => n.kind)).toContain('quiet-day');

    const md = await runCli(['digest', '--sources', empty, '--date', '2026-06-13', '--format', 'markdown'], env);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/> .*quiet day/i);
  });
});

describe('paperbot digest on a SQLite store', () => {
  it('prints the same terminal digest when run twice (the terminal has no seen-set)', async () => {
    const tmp = await tempDir();
    try {
      const env = await offlineEnv({ PAPERBOT_STORE_URL: `sqlite://${tmp.file('paperbot.sqlite')}` });
      const argv = ['digest', '--sources', HF, '--interests', INTERESTS, '--date', '2026-06-12', '--size', '2', '--format', 'json'];
      const first = await runCli(argv, env);
      const second = await runCli(argv, env);
      expect(first.code).toBe(0);
      expect(second.code).toBe(0);
      const ids = (out: string) => (JSON.parse(out) as JsonDigest).items.map((i) => i.id);
      expect(ids(first.stdout).length).toBeGreaterThan(0);
      expect(ids(second.stdout)).toEqual(ids(first.stdout));
    } finally {
      await tmp.cleanup();
    }
  });
});

describe('paperbot digest with failing sources', () => {
  let hf: FakeHttpServer;
  beforeAll(async () => {
    hf = await startFakeHttpServer();
    hf.route('GET', '/api/daily_papers', { status: 500, headers: { 'content-type': 'application/json' }, body: '{"error":"Internal Error"}' });
  });
  afterAll(() => hf.close());

  it('turns an HF 500 and an unreachable arXiv into notes, still prints the other papers and exits 0', async () => {
    // arXiv points at a closed port (offlineEnv); HF at a server that answers 500.
    const env = await offlineEnv({ PAPERBOT_HF_URL: hf.url });
    const run = await runCli(
      ['digest', '--sources', `hf,arxiv:cs.LG,file:${fixture('hf-daily-papers-2026-06-12.json')}`, '--size', '2', '--format', 'json'],
      env,
    );
    expect(run.code).toBe(0);
    expect(hf.requestsTo('/api/daily_papers').length).toBeGreaterThanOrEqual(1);
    const digest = JSON.parse(run.stdout) as JsonDigest;
    const failed = digest.notes.filter((n) => n.kind === 'source-failed');
    expect(failed.some((n) => /\bhf\b/.test(n.text) && /500/.test(n.text))).toBe(true);
    expect(failed.some((n) => n.text.includes('arxiv:cs.LG'))).toBe(true);
    expect(digest.items.length).toBeGreaterThan(0);
  }, 60_000);

  it('with only a failing source prints the failure (never silence) and exits 1', async () => {
    const env = await offlineEnv({ PAPERBOT_HF_URL: hf.url });
    const run = await runCli(['digest', '--sources', 'hf', '--date', '2026-06-12'], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('0 new papers, showing 0');
    expect(run.stdout).toMatch(/Source hf failed: .*500/);
    expect(run.stdout).toMatch(/All sources failed; will retry/);
    expect(run.stderr).toMatch(/every source failed/);
  }, 60_000);

  it('ingest exits 1 when every source fails, and reports the failure', async () => {
    const env = await offlineEnv({ PAPERBOT_HF_URL: hf.url });
    const run = await runCli(['ingest', '--sources', 'hf', '--date', '2026-06-12'], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/! Source hf failed: .*500/);
    expect(run.stderr).toMatch(/every source failed/);
  }, 60_000);
});

describe('paperbot digest --date <past day> with an arXiv source', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  let rss: FakeHttpServer;
  let env: Record<string, string | undefined>;
  const stored = (id: string, listedOn: string, title: string) => ({ id, title, abstract: `${title}. We study sparse attention for long contexts.`, authors: ['A. Author'], listedOn });
  beforeAll(async () => {
    tmp = await tempDir();
    rss = await startFakeHttpServer();
    rss.route('GET', '/rss/cs.LG', { status: 200, headers: { 'content-type': 'application/rss+xml' }, body: readFileSync(fixture('arxiv-rss-cs.LG-2026-04-27-trimmed.xml'), 'utf8') });
    env = await offlineEnv({ PAPERBOT_ARXIV_RSS_URL: `${rss.url}/rss`, PAPERBOT_CORPUS_URL: `sqlite://${tmp.file('papers.sqlite')}` });
    const seed = await tmp.write('seed.json', [
      stored('2606.00001', '2026-06-01', 'Sparse attention on the first of June'),
      stored('2606.00002', '2026-06-02', 'Sparse attention on the day after'),
    ]);
    const ingest = await runCli(['ingest', '--sources', `file:${seed}`, '--date', '2026-06-01'], env);
    expect(ingest.code, ingest.stderr).toBe(0);
  });
  afterAll(async () => {
    await rss.close();
    await tmp.cleanup();
  });

  it("says arXiv's feed only has today and shows the corpus papers of that day, not today's listing", async () => {
    const run = await runCli(['digest', '--sources', 'arxiv:cs.LG', '--date', '2026-06-01', '--threshold', '0', '--size', '20', '--format', 'json', '--interests', INTERESTS], env);
    expect(run.code, run.stderr).toBe(0);
    const digest = JSON.parse(run.stdout) as JsonDigest;
    expect(digest.date).toBe('2026-06-01');
    expect(digest.items.map((i) => i.id)).toEqual(['2606.00001']);
    expect(rss.requestsTo('/rss/cs.LG')).toHaveLength(0);
    expect(digest.notes.map((n) => n.text).join('\n')).toMatch(/arXiv's RSS feed only lists today's announcements, so arxiv:cs\.LG for 2026-06-01 uses the papers stored in the corpus/);
  }, 60_000);
});
