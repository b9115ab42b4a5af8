// Start-up cost: which npm packages a command loads. `--help` loads none of the app's heavy
// dependencies; commands that use no chat platform or model load no chat SDK or openai.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, stat, utimes } from 'node:fs/promises';
import { resolve } from 'node:path';
import { offlineEnv, tempDir } from './support/run-cli.js';

const BIN = resolve(import.meta.dirname, '../../bin/paperbot.mjs');
const RECORDER = resolve(import.meta.dirname, 'support/record-packages.mjs');

/** Runs the real executable and resolves with the npm packages it loaded and its exit code. */
async function packagesLoadedBy(argv: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number | null; packages: Set<string> }> {
  const tmp = await tempDir();
  try {
    const log = tmp.file('packages.txt');
    const child = spawn(process.execPath, ['--import', RECORDER, BIN, ...argv], {
      cwd: tmp.dir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, RECORD_PACKAGES_TO: log } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const code = await new Promise<number | null>((res) => child.on('close', res));
    const text = await readFile(log, 'utf8').catch(() => '');
    if (code !== 0 && !stderr.includes('paperbot:')) throw new Error(`paperbot ${argv.join(' ')} crashed: ${stderr}`);
    return { code, packages: new Set(text.split('\n').filter(Boolean)) };
  } finally {
    await tmp.cleanup();
  }
}

const CHAT_AND_MODEL = ['discord.js', '@discordjs/rest', '@slack/bolt', '@slack/web-api', 'openai'];
const APP = ['zod', 'pino', 'better-sqlite3', 'keyv', 'cheerio', 'unpdf', ...CHAT_AND_MODEL];

describe('start-up: what each command loads', () => {
  it.each([[['--help']], [['digest', '--help']], [['serve', '--help']]])(
    'paperbot %j loads only the CLI parser, none of the app',
    async (argv) => {
      const { packages } = await packagesLoadedBy(argv);
      expect(packages.has('commander')).toBe(true);
      for (const name of APP) expect(packages, name).not.toContain(name);
    },
    30_000,
  );

  it('paperbot search (no chat platform, no model) loads no chat SDK and no openai', async () => {
    const tmp = await tempDir();
    try {
      const env = await offlineEnv({ PAPERBOT_STORE_URL: `sqlite://${tmp.file('store.sqlite')}` });
      const { code, packages } = await packagesLoadedBy(['search', 'lora'], env);
      expect(code).toBe(0);
      for (const name of CHAT_AND_MODEL) expect(packages, name).not.toContain(name);
    } finally {
      await tmp.cleanup();
    }
  }, 30_000);

  it('digest --post slack:… loads Bolt and not discord.js (each platform loads its SDK only when used), nor Express', async () => {
    const tmp = await tempDir();
    try {
      const env = await offlineEnv({
        PAPERBOT_STORE_URL: `sqlite://${tmp.file('store.sqlite')}`,
        SLACK_BOT_TOKEN: 'xoxb-lean-startup',
        SLACK_APP_TOKEN: 'xapp-lean-startup',
        SLACK_API_URL: `${(await offlineEnv()).PAPERBOT_HF_URL}/api/`,
      });
      const empty = await tmp.write('papers.json', []);
      const { packages } = await packagesLoadedBy(['digest', '--post', 'slack:C0123', '--sources', `file:${empty}`], env);
      expect(packages).toContain('@slack/bolt');
      for (const name of ['discord.js', 'openai']) expect(packages, name).not.toContain(name);
      // Bolt's package index would load Express and its receiver, which no Slack mode here uses.
      expect(packages).not.toContain('express');
      // A JSON file source needs no XML parser: it loads with the first arXiv listing or XML file.
      expect(packages).not.toContain('fast-xml-parser');
    } finally {
      await tmp.cleanup();
    }
  }, 30_000);
});

describe('bin/paperbot.mjs: the build or the source', () => {
  const built = resolve(import.meta.dirname, '../../dist/src/cli.js');

  it.skipIf(!existsSync(built))('runs a current build without tsx, and the source through tsx once a source file is newer than the build', async () => {
    const builtAt = await stat(built);
    try {
      // Built just now: newer than every source.
      const now = new Date();
      await utimes(built, now, now);
      const current = await packagesLoadedBy(['--help']);
      expect(current.code).toBe(0);
      expect(current.packages).not.toContain('tsx');
      // Older than every source, as after editing a file without rebuilding.
      await utimes(built, new Date(0), new Date(0));
      const stale = await packagesLoadedBy(['--help']);
      expect(stale.code).toBe(0);
      expect(stale.packages).toContain('tsx');
    } finally {
      await utimes(built, builtAt.atime, builtAt.mtime);
    }
  }, 30_000);
});
