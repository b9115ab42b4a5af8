// `paperbot rank --input FILE --interests TEXT --json`: every paper once, best first, ids verbatim.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fixture, offlineEnv, runCli, tempDir } from './support/run-cli.js';
import { openCorpus } from '../../src/corpus/index.js';
import type { Paper } from '../../src/types.js';

interface Row {
  id: unknown;
  title: string;
  score: number;
  why: string;
}

const INPUT = [
  { id: '2401.00001v2', title: 'Cooking pasta at high altitude', abstract: 'We measure the boiling point of water in mountain kitchens and its effect on pasta texture.' },
  {
    id: 'A-1',
    title: 'Merging low-rank adapters of fine-tuned language models',
    abstract: 'We merge LoRA adapters of large language models without interference, a parameter-efficient way to combine fine-tuned skills.',
    authors: ['Ada Lovelace'],
  },
  { id: 42, title: 'Stork migration across Europe', abstract: 'Satellite tracking of white storks over three breeding seasons.' },
  { id: '2401.00001', title: 'Cooking pasta at high altitude', abstract: 'The same paper without its version suffix.' },
  { id: 'hep-th/9901001', title: 'String dualities in eleven dimensions', abstract: 'We study M-theory compactifications.' },
  { id: 'x', title: 'Galaxy rotation curves', summary: 'Dark matter halos explain flat rotation curves.' },
];

describe('paperbot rank', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  let env: Record<string, string | undefined>;
  let input: string;
  beforeAll(async () => {
    tmp = await tempDir();
    env = await offlineEnv();
    input = await tmp.write('papers.json', INPUT);
  });
  afterAll(() => tmp.cleanup());

  it('prints every input paper exactly once, best first, with ids verbatim and {id,title,score,why}', async () => {
    const run = await runCli(['rank', '--input', input, '--interests', 'merging LoRA adapters of language models', '--json'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as Row[];
    expect(rows).toHaveLength(INPUT.length);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['id', 'score', 'title', 'why']);
    // Same ids, same JSON types (a number stays a number), each exactly once.
    const byText = (a: unknown, b: unknown) => String(a).localeCompare(String(b));
    expect(rows.map((r) => r.id).sort(byText)).toEqual(INPUT.map((p) => p.id).sort(byText));
    expect(rows.map((r) => JSON.stringify(r.id)).sort()).toEqual(INPUT.map((p) => JSON.stringify(p.id)).sort());
    // Titles travel with their ids.
    for (const row of rows) expect(row.title).toBe(INPUT.find((p) => p.id === row.id)!.title);
    // Best first; the relevant paper on top, clearly above the unrelated ones.
    expect(rows[0]!.id).toBe('A-1');
    expect(rows[0]!.score).toBeGreaterThan(rows[1]!.score);
    expect(rows[0]!.why).toMatch(/lora|adapter|merg/i);
    const scores = rows.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const s of scores) expect(Number.isFinite(s)).toBe(true);
  });

  it('keeps the order when the relevant paper is last in the file', async () => {
    const reversed = await tmp.write('reversed.json', [...INPUT].reverse());
    const run = await runCli(['rank', '--input', reversed, '--interests', 'stork migration tracking', '--json'], env);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as Row[];
    expect(rows[0]!.id).toBe(42);
    expect(rows).toHaveLength(INPUT.length);
  });

  it('ranks a saved HF Daily Papers response, keeping every entry', async () => {
    const path = fixture('hf-daily-papers-2026-06-12.json');
    const entries = JSON.parse(await readFile(path, 'utf8')) as Array<{ paper: { id: string } }>;
    const run = await runCli(['rank', '--input', path, '--interests', 'sparse attention long context', '--json'], env);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as Row[];
    expect(rows.map((r) => r.id).sort()).toEqual(entries.map((e) => e.paper.id).sort());
    expect(rows[0]!.id).toBe('2606.13392');
  });

  it('prints a readable list without --json', async () => {
    const run = await runCli(['rank', '--input', input, '--interests', 'merging LoRA adapters'], env);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^1\. \d\.\d{3}  Merging low-rank adapters of fine-tuned language models \(A-1\)$/);
  });

  it('an empty list gives an empty array', async () => {
    const empty = await tmp.write('empty.json', []);
    const run = await runCli(['rank', '--input', empty, '--interests', 'anything', '--json'], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
  });

  it('--like ranks papers like the examples first and leaves the examples out', async () => {
    const papers = [
      ...INPUT,
      { id: 'stork-2', title: 'White stork migration routes', abstract: 'GPS tracking of white storks shows migration routes over Europe across breeding seasons.' },
    ];
    const file = await tmp.write('like.json', papers);
    const run = await runCli(['rank', '--input', file, '--like', '42', '--json'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as Row[];
    expect(rows).toHaveLength(papers.length - 1);
    expect(rows.map((r) => r.id)).not.toContain(42);
    expect(rows[0]!.id).toBe('stork-2');
    expect(rows[0]!.why).toContain("you 👍'd");
  });

  it('--like names the ids it found nowhere', async () => {
    const run = await runCli(['rank', '--input', input, '--like', 'A-1,nowhere', '--json'], env);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('nowhere');
  });

  it('with PAPERBOT_CORPUS_URL, examples come from the corpus and acronyms are read from its papers', async () => {
    const url = `sqlite://${join(tmp.dir, 'corpus.sqlite')}`;
    const corpus = await openCorpus(url);
    const stored = (id: string, title: string, abstract: string): Paper => ({
      id, title, abstract, authors: ['A. Author'], categories: [], links: {}, signals: {}, sources: ['test'], publishedAt: '2025-03-01T00:00:00Z',
    });
    await corpus.upsertPapers([
      stored('2503.00001', 'Permafrost thaw and soil carbon', 'We measure soil organic carbon (SOC) losses from thawing permafrost in Siberia.'),
      stored('2503.00002', 'Kelp forests under marine heatwaves', 'Marine heatwaves thin temperate kelp forests and let urchin barrens spread.'),
    ]);
    await corpus.close();
    const today = await tmp.write('today.json', [
      { id: 'soil', title: 'No-till farming raises soil organic carbon', abstract: 'A decade of trials shows soil organic carbon gains in the topsoil of croplands.' },
      { id: 'kelp', title: 'Urchin barrens after repeated marine heatwaves', abstract: 'Kelp forests decline as marine heatwaves recur along temperate coasts.' },
      { id: 'stars', title: 'Galaxy rotation curves', abstract: 'Dark matter halos explain flat rotation curves.' },
    ]);
    const corpusEnv = { ...env, PAPERBOT_CORPUS_URL: url };
    const byAcronym = JSON.parse((await runCli(['rank', '--input', today, '--interests', 'SOC', '--json'], corpusEnv)).stdout) as Row[];
    expect(byAcronym[0]!.id).toBe('soil');
    expect(byAcronym[0]!.why).toMatch(/soil organic carbon/i);
    // Without the corpus nothing defines SOC, so nothing matches it.
    const alone = JSON.parse((await runCli(['rank', '--input', today, '--interests', 'SOC', '--json'], env)).stdout) as Row[];
    expect(alone[0]!.why).toMatch(/no match/);
    const byExample = await runCli(['rank', '--input', today, '--like', '2503.00002', '--json'], corpusEnv);
    expect(byExample.code).toBe(0);
    expect((JSON.parse(byExample.stdout) as Row[])[0]!.id).toBe('kelp');
  });
});
