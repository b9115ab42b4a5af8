// `npm run bench`: prints figures next to their targets. Never asserts; exits 0 unless a section crashes.
// BENCH_PAPERS=N shrinks the corpus (default 100,000); BENCH_ONLY=rank,llm runs only the sections
// whose names start with those words. New figures: add a section to SECTIONS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCorpus } from './corpus.js';
import { RssSampler } from './rss.js';
import { rankSection } from './sections/rank.js';
import { corpusSection } from './sections/corpus.js';
import { serveSection } from './sections/serve.js';
import { lazySection, type BenchContext, type BenchSection, type Figure } from './types.js';

/** Every section, in run order. Later sections may use what earlier ones left in ctx.state. */
const SECTIONS: BenchSection[] = [
  rankSection,
  corpusSection,
  serveSection,
  lazySection('llm tokens', 'bench/llm-tokens.js', 'llmTokensSection'),
];

function format(f: Figure): string {
  if (typeof f.value === 'string') return f.value;
  const digits = f.unit === 'ms' ? 2 : f.unit === 's' ? 2 : f.unit === 'MB' || f.unit === 'papers/s' ? 0 : 2;
  return `${f.value.toFixed(digits)}${f.unit ? ` ${f.unit}` : ''}`;
}

function verdict(f: Figure): string {
  if (!f.target || typeof f.value !== 'number') return '';
  return f.value <= f.target.max ? 'ok' : 'MISSED';
}

function printTable(rows: Array<{ section: string; figure: Figure }>): void {
  const table = rows.map(({ section, figure }) => [
    section,
    figure.label,
    format(figure),
    figure.target ? `≤ ${figure.target.max} ${figure.unit ?? ''}`.trim() : '',
    verdict(figure) || (figure.note ?? ''),
  ]);
  const header = ['section', 'figure', 'value', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of table) console.log(line(r));
}

async function main(): Promise<void> {
  const count = Number(process.env.BENCH_PAPERS ?? 100_000);
  if (!Number.isInteger(count) || count <= 0) throw new Error(`BENCH_PAPERS must be a positive integer, got "${process.env.BENCH_PAPERS}"`);
  const rss = new RssSampler();
  const progress = (m: string) => process.stderr.write(`[bench] ${m}\n`);
  const tmpDir = mkdtempSync(join(tmpdir(), 'paperbot-bench-'));
  const rows: Array<{ section: string; figure: Figure }> = [];
  const started = performance.now();
  try {
    progress(`generating ${count} papers`);
    const t0 = performance.now();
    const papers = makeCorpus(count);
    rows.push({ section: 'corpus', figure: { label: `generate ${count} synthetic papers`, value: (performance.now() - t0) / 1000, unit: 's' } });
    const ctx: BenchContext = { papers, tmpDir, state: new Map(), progress };
    const only = (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const chosen = only.length ? SECTIONS.filter((s) => only.some((o) => s.name.startsWith(o))) : SECTIONS;
    for (const section of chosen) {
      progress(`section: ${section.name}`);
      const t = performance.now();
      for (const figure of await section.run(ctx)) rows.push({ section: section.name, figure });
      rss.sample();
      progress(`section: ${section.name} done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    rows.push({ section: 'memory', figure: { label: 'peak RSS of the bench process (corpus + all sections)', value: rss.peakMb(), unit: 'MB' } });
    rows.push({ section: 'total', figure: { label: 'bench wall time', value: (performance.now() - started) / 1000, unit: 's' } });
    console.log(`\npaperbot bench — ${count} papers, node ${process.version}, ${new Date().toISOString()}\n`);
    printTable(rows);
  } finally {
    rss.stop();
    rmSync(tmpDir, { recursive: true, force: true });
  }
}

await main();
