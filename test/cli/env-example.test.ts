// A newcomer's first step is `cp .env.example .env`: the copy must leave every command's output
// readable (no JSON log lines) and its header must say what reads it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineEnv, runCli, tempDir } from './support/run-cli.js';

const EXAMPLE = readFileSync(resolve(import.meta.dirname, '../../.env.example'), 'utf8');
const BIN = readFileSync(resolve(import.meta.dirname, '../../bin/paperbot.mjs'), 'utf8');

describe('.env.example copied to .env', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  let papers: string;
  beforeAll(async () => {
    tmp = await tempDir();
    papers = await tmp.write('papers.json', []);
  });
  afterAll(() => tmp.cleanup());

  it('leaves a one-off command without JSON logs on stderr', async () => {
    // As bin/paperbot.mjs does: .env fills what the environment leaves unset.
    const env = { ...parseEnv(EXAMPLE), ...(await offlineEnv()) };
    const run = await runCli(['digest', '--sources', `file:${papers}`], env);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/"level":/);
  });

  it('says in its header that paperbot reads ./.env, as bin/paperbot.mjs does', () => {
    expect(BIN).toMatch(/loadEnvFile\('\.env'\)/);
    const header = EXAMPLE.split('\n# ---')[0]!;
    expect(header).toMatch(/reads \.\/\.env/);
    expect(header).not.toMatch(/env-file/);
  });
});
