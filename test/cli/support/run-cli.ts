// Runs the `paperbot` CLI in-process through its public entry point (main(argv, io)) with
// captured streams and an explicit environment: no real network, no ambient variables.
import { PassThrough } from 'node:stream';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../../src/cli.js';

/** What one CLI run produced. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Absolute path of a fixture in test/fixtures. */
export function fixture(name: string): string {
  return resolve(import.meta.dirname, '../../fixtures', name);
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/**
 * An environment that never reaches the internet: every source URL points at a closed local
 * port, arXiv pacing is off and timeouts are short. Tests add what they need.
 */
export async function offlineEnv(extra: Record<string, string | undefined> = {}): Promise<Record<string, string | undefined>> {
  const dead = `http://127.0.0.1:${await closedPort()}`;
  return {
    PAPERBOT_STORE_URL: 'memory://',
    PAPERBOT_HF_URL: dead,
    PAPERBOT_ARXIV_API_URL: `${dead}/api/query`,
    PAPERBOT_ARXIV_RSS_URL: `${dead}/rss`,
    PAPERBOT_ARXIV_DELAY_MS: '0',
    PAPERBOT_HTTP_TIMEOUT_MS: '3000',
    ...extra,
  };
}

/** Runs `paperbot <argv>` in-process and collects its output. */
export async function runCli(argv: string[], env: Record<string, string | undefined>, stdinText = ''): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  stdin.end(stdinText);
  const code = await main(argv, { stdout, stderr, stdin, env });
  // Let the last 'data' events drain.
  await new Promise((r) => setImmediate(r));
  return { code, stdout: out, stderr: err };
}

/** A fresh temporary directory; remove it with the returned cleanup. */
export async function tempDir(): Promise<{ dir: string; file(name: string): string; write(name: string, content: unknown): Promise<string>; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'paperbot-cli-'));
  return {
    dir,
    file: (name) => join(dir, name),
    async write(name, content) {
      const path = join(dir, name);
      await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
      return path;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
