// `paperbot serve` from process start to ready, on the corpus the corpus section filled (or a
// fresh one): Slack HTTP mode against the fake Slack API, a file source with nothing new, and
// GET /healthz polled until it answers 200. Peak RSS is the child's VmHWM.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeSlackApi } from '../../test/fakes/fake-slack-api.js';
import { openBenchCorpus } from './corpus.js';
import type { BenchContext, BenchSection, Figure } from '../types.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const RUNS = 3;

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
    srv.on('error', fail);
  });
}

/** Peak resident memory of a live process, from /proc (Linux). */
function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

async function oneStart(ctx: BenchContext, corpusUrl: string, slackApiUrl: string, run: number): Promise<{ readyMs: number; rssMb: number }> {
  const port = await freePort();
  const source = join(ctx.tmpDir, 'serve-source.json');
  writeFileSync(source, '[]');
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: 'bench-secret',
    SLACK_API_URL: slackApiUrl,
    PORT: String(port),
    PAPERBOT_STORE_URL: `sqlite://${join(ctx.tmpDir, `serve-state-${run}.sqlite`)}`,
    PAPERBOT_CORPUS_URL: corpusUrl,
    PAPERBOT_SOURCES: `file:${source}`,
    PAPERBOT_LOG_LEVEL: 'error',
  };
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/paperbot.mjs', 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}`);
      if (performance.now() - t0 > 60_000) throw new Error('serve not ready within 60 s');
      // A port something else answers on (or a stuck start) must not hang the bench.
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) }).then((r) => r.status === 200, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const readyMs = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 500));
    return { readyMs, rssMb: peakRssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

/** Serve start to ready and its peak RSS, on the full SQLite corpus. */
export const serveSection: BenchSection = {
  name: 'serve',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const file = join(ctx.tmpDir, 'corpus-full.sqlite');
    const corpusUrl = `sqlite://${file}`;
    if (!existsSync(file)) {
      const corpus = await openBenchCorpus(corpusUrl);
      for (let i = 0; i < ctx.papers.length; i += 5_000) await corpus.upsertPapers(ctx.papers.slice(i, i + 5_000));
      await corpus.close();
    }
    const slack = await startFakeSlackApi();
    try {
      const runs: Array<{ readyMs: number; rssMb: number }> = [];
      for (let i = 0; i < RUNS; i++) runs.push(await oneStart(ctx, corpusUrl, slack.apiUrl, i));
      const ready = runs.map((r) => r.readyMs).sort((a, b) => a - b);
      return [
        { label: `serve start to /healthz 200 on ${ctx.papers.length} papers (median of ${RUNS})`, value: ready[Math.floor(RUNS / 2)]! / 1000, unit: 's', target: { max: 0.5 } },
        { label: 'serve peak RSS (worst run)', value: Math.max(...runs.map((r) => r.rssMb)), unit: 'MB', target: { max: 200 } },
      ];
    } finally {
      await slack.close();
    }
  },
};
