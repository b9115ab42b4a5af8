// `paperbot rank --input FILE --interests TEXT --json`: every paper once, best first, ids verbatim.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { fixture, offlineEnv, runCli, tempDir } from './support/run-cli.js';

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
});
