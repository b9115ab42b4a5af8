// Start-up figures: `paperbot --help`, `paperbot digest --help` and `paperbot search` on an empty
// corpus, each against a bare `node -e 0` run just before it (paired runs, so a busy machine slows
// both sides of a pair alike). The ratio is the median of the per-pair ratios.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { percentile, type BenchContext, type BenchSection, type Figure } from '../types.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/paperbot.mjs');
const PAIRS = Number(process.env.BENCH_STARTUP_PAIRS ?? 15);

function timed(args: string[], cwd: string, env: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr.toString('utf8')}`);
  return ms;
}

/** Paired start-up figures; targets: `--help` within 5 times a bare node start. */
export const startupSection: BenchSection = {
  name: 'startup',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, PAPERBOT_STORE_URL: `sqlite://${join(ctx.tmpDir, 'startup.sqlite')}` };
    const commands: Array<{ label: string; argv: string[]; target?: number }> = [
      { label: 'paperbot --help', argv: ['--help'], target: 5 },
      { label: 'paperbot digest --help', argv: ['digest', '--help'] },
      { label: 'paperbot search lora (empty corpus)', argv: ['search', 'lora'] },
    ];
    const built = existsSync(join(ROOT, 'dist/src/cli.js'));
    const figures: Figure[] = [];
    for (const command of commands) {
      const bare: number[] = [];
      const ratios: number[] = [];
      const cli: number[] = [];
      timed([BIN, ...command.argv], ctx.tmpDir, env); // warm the file cache
      for (let i = 0; i < PAIRS; i++) {
        const node = timed(['-e', '0'], ctx.tmpDir, env);
        const ms = timed([BIN, ...command.argv], ctx.tmpDir, env);
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
    return figures;
  },
};
