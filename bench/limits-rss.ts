// Peak RSS under hostile load (issue 14): one 54 MB abstract through `paperbot ingest` (and a
// later command in a fresh process), and a burst of 60 `/papers today` on a 10,000-paper day.
// Each case runs in its own node process so the peaks do not mix. Prints figures; never asserts.
//   node bin/run-ts.mjs bench/limits-rss.ts            (BENCH_DAY_PAPERS=N shrinks the day)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../src/cli.js';
import { readConfig } from '../src/config.js';
import { createApp } from '../src/main.js';
import { silentLogger } from '../src/logger.js';
import type { Outbound } from '../src/types.js';
import { RssSampler } from './rss.js';

const ROOT = join(import.meta.dirname, '..');
const TODAY = new Date().toISOString().slice(0, 10);
const WORDS = 'attention transformer diffusion agent retrieval reasoning sparse video graph robot policy reward'.split(' ');

function paper(i: number, abstract?: string) {
  const w = (k: number) => WORDS[(i * 7 + k) % WORDS.length];
  return {
    id: `file:bench-${i}`,
    title: `${w(0)} ${w(1)} for ${w(2)} number ${i}`,
    abstract: abstract ?? `We study ${w(3)} and ${w(4)} with ${w(5)}. Results on ${w(6)} improve ${w(7)}.`,
    authors: [`Author ${i}`, `Coauthor ${i % 97}`],
    categories: ['cs.LG'],
    listedOn: TODAY,
  };
}

function env(dir: string, source: string): Record<string, string> {
  return {
    PAPERBOT_STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`,
    PAPERBOT_SOURCES: source,
    PAPERBOT_INTERESTS: 'sparse attention for video transformers',
    PAPERBOT_LOG_LEVEL: 'error',
    PAPERBOT_TZ: 'UTC',
  };
}

async function cli(argv: string[], e: Record<string, string>): Promise<number> {
  const sink = () => Object.assign(new PassThrough().resume(), { isTTY: false });
  return main(argv, { stdout: sink(), stderr: sink(), stdin: new PassThrough(), env: e });
}

/** Parent: writes the day holding one 54 MB abstract (here, so the child's peak is paperbot's own). */
function writeHugeDay(dir: string): void {
  const huge = 'lorem ipsum dolor sit amet '.repeat(Math.ceil((54 * 1024 * 1024) / 27));
  writeFileSync(join(dir, 'huge.json'), JSON.stringify([paper(0, huge), ...Array.from({ length: 20 }, (_, i) => paper(i + 1))]));
}

/** Child: ingest the day holding one 54 MB abstract; report peak RSS and the exit code. */
async function hugeAbstract(dir: string): Promise<object> {
  const file = join(dir, 'huge.json');
  const rss = new RssSampler();
  const code = await cli(['ingest', '--sources', `file:${file}`, '--date', TODAY], env(dir, `file:${file}`));
  return { case: 'ingest-54mb', code, peakMb: Math.round(rss.peakMb()) };
}

/** Child: a later command (search) in a fresh process over the store the ingest left. */
async function laterCommand(dir: string): Promise<object> {
  const rss = new RssSampler();
  const code = await cli(['search', 'lorem ipsum'], env(dir, `file:${join(dir, 'huge.json')}`));
  return { case: 'later-command', code, peakMb: Math.round(rss.peakMb()) };
}

/** Child: 60 `/papers today` from 60 users over 3 s on a day of BENCH_DAY_PAPERS papers. */
async function todayBurst(dir: string): Promise<object> {
  const n = Number(process.env.BENCH_DAY_PAPERS ?? 10_000);
  const file = join(dir, 'day.json');
  const e = env(dir, `file:${file}`);
  await cli(['ingest', '--sources', `file:${file}`, '--date', TODAY], e);
  const app = await createApp(readConfig(e), { logger: silentLogger });
  const rss = new RssSampler();
  const started = performance.now();
  const replies: Array<Promise<{ out: Outbound; ms: number }>> = [];
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const sent = performance.now();
    replies.push(
      app.core
        .handleCommand({ name: 'today', text: '', channel: { platform: 'console', channelId: 'C1', key: 'console:C1' }, user: { id: `u${i}` } })
        .then((out) => ({ out, ms: performance.now() - sent })),
    );
  }
  const done = await Promise.all(replies);
  await app.close();
  const ms = done.map((d) => d.ms).sort((a, b) => a - b);
  return {
    case: 'today-burst',
    papers: n,
    digests: done.filter((d) => d.out.kind === 'digest').length,
    refused: done.filter((d) => d.out.kind === 'text').length,
    medianReplyMs: Math.round(ms[Math.floor(ms.length / 2)]!),
    maxReplyMs: Math.round(ms.at(-1)!),
    wallMs: Math.round(performance.now() - started),
    peakMb: Math.round(rss.peakMb()),
  };
}

function child(mode: string, dir: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['bin/run-ts.mjs', 'bench/limits-rss.ts', mode, dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`${mode} exited ${code}`))));
  });
}

const [mode, dirArg] = process.argv.slice(2);
if (mode && dirArg) {
  const run = { abstract: hugeAbstract, later: laterCommand, today: todayBurst }[mode];
  if (!run) throw new Error(`unknown mode ${mode}`);
  console.log(JSON.stringify(await run(dirArg)));
  process.exit(0);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'paperbot-limits-'));
  const burstDir = mkdtempSync(join(tmpdir(), 'paperbot-burst-'));
  try {
    writeHugeDay(dir);
    const n = Number(process.env.BENCH_DAY_PAPERS ?? 10_000);
    writeFileSync(join(burstDir, 'day.json'), JSON.stringify(Array.from({ length: n }, (_, i) => paper(i))));
    const results = [await child('abstract', dir), await child('later', dir), await child('today', burstDir)];
    for (const r of results) console.log(JSON.stringify(r));
    const [a, l, t] = results as Array<Record<string, number>>;
    console.log(`peak RSS, ingest with one 54 MB abstract: ${a!.peakMb} MB (exit ${a!.code})`);
    console.log(`peak RSS, a later command (search) in a fresh process: ${l!.peakMb} MB`);
    console.log(`peak RSS, 60 /papers today in 3 s on a ${t!.papers}-paper day: ${t!.peakMb} MB ` +
      `(${t!.digests} digests, ${t!.refused} refused busy/rate, median reply ${t!.medianReplyMs} ms, max ${t!.maxReplyMs} ms)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(burstDir, { recursive: true, force: true });
  }
}
