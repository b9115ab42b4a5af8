// Start-up figures: `paperbot --help`, `paperbot digest --help` and `paperbot search` on an empty
// corpus, each against a bare `node -e 0` run just before it (paired runs, so a busy machine slows
// both sides of a pair alike). The ratio is the median of the per-pair ratios.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { percentile, type BenchContext, type BenchSection, type Figure } from '../types.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/paperbot.mjs');
const PAIRS = Number(process.env.BENCH_STARTUP_PAIRS ?? 15);

async function timed(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const code = await new Promise<number | null>((res) => child.on('close', res));
  const ms = performance.now() - t0;
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited ${code}: ${stderr}`);
  return ms;
}

/** A local arXiv API that lists nothing, so `search` on an empty corpus falls back at once. */
async function emptyArxiv(): Promise<{ url: string; close(): void }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/atom+xml' });
    res.end('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>empty</title></feed>');
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/** Paired start-up figures; targets: `--help` within 5 times a bare node start. */
export const startupSection: BenchSection = {
  name: 'startup',
  async run(ctx: BenchContext): Promise<Figure[]> {
    // Sources point at a local server: the figure is start-up, not a network round trip.
    const arxiv = await emptyArxiv();
        const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PAPERBOT_STORE_URL: `sqlite://${join(ctx.tmpDir, 'startup.sqlite')}`,
      PAPERBOT_HF_URL: arxiv.url,
      PAPERBOT_ARXIV_API_URL: `${arxiv.url}/api/query`,
      PAPERBOT_ARXIV_RSS_URL: `${arxiv.url}/rss`,
      PAPERBOT_ARXIV_DELAY_MS: '0',
    };
    const commands: Array<{ label: string; argv: string[]; target?: number }> = [
      { label: 'paperbot --help', argv: ['--help'], target: 5 },
      { label: 'paperbot digest --help', argv: ['digest', '--help'] },
      { label: 'paperbot search lora (empty corpus)', argv: ['search', 'lora'] },
    ];
    const built = existsSync(join(ROOT, 'dist/src/cli.js'));
    const figures: Figure[] = [];
    try {
      for (const command of commands) {
        const bare: number[] = [];
        const ratios: number[] = [];
        const cli: number[] = [];
        await timed([BIN, ...command.argv], ctx.tmpDir, env); // warm the file cache
        for (let i = 0; i < PAIRS; i++) {
          const node = await timed(['-e', '0'], ctx.tmpDir, env);
          const ms = await timed([BIN, ...command.argv], ctx.tmpDir, env);
          bare.push(node);
          cli.push(ms);
          ratios.push(ms / node);
        }
        figures.push(
          { label: `${command.label}: median ms (node -e 0: ${percentile(bare, 50).toFixed(0)} ms)`, value: percentile(cli, 50), unit: 'ms' },
          {
            label: `${command.label} ÷ node -e 0, median of ${PAIRS} pairs`,
            value: percentile(ratios, 50),
            unit: 'x',
            ...(command.target ? { target: { max: command.target } } : {}),
            ...(built ? {} : { note: 'no dist/: ran the source through tsx (npm run build)' }),
          },
        );
      }
    } finally {
      arxiv.close();
    }
    return figures;
  },
};
