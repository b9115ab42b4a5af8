// Serve keeps the corpus fresh on its own (no channel subscribed), and every process shares it:
// the real serve composition on a SQLite store + corpus, a `file:` source, the fake Slack API, and
// a separate `paperbot ingest` process writing into the same corpus file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.js';
import { startFakeHttpServer, type FakeHttpServer } from '../fakes/fake-http-server.js';
import { postSlashCommand, slashCommandFields } from '../fakes/slack-signed-request.js';
import { startServeUnderTest, todayUtc, todaysPapers, until, type ServeUnderTest } from './support/serve-harness.js';

const SECRET = 'feed-signing-secret';
const BIN = resolve(import.meta.dirname, '../../bin/paperbot.mjs');

let fake: FakeSlackApi;
let arxiv: FakeHttpServer;
let serve: ServeUnderTest;
let storeDir: string;
let url: string;
let seq = 0;

async function search(text: string): Promise<string> {
  const id = `f${++seq}`;
  await postSlashCommand(url, SECRET, slashCommandFields(`search ${text}`, fake.responseUrl(id), { user_id: 'U1', channel_id: 'C9' }));
  const response = await fake.waitForResponse(id, 15_000);
  return JSON.stringify(response.body);
}

/** `paperbot ingest` in its own process, on the same store (and so the same corpus file). */
function ingestInChildProcess(sources: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, 'ingest', '--sources', sources, '--date', todayUtc()], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PAPERBOT_STORE_URL: `sqlite://${join(storeDir, 'paperbot.sqlite')}`, PAPERBOT_LOG_LEVEL: 'error' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (code) => done({ code, stderr }));
  });
}

beforeAll(async () => {
  fake = await startFakeSlackApi();
  // arXiv's API (asked when the corpus has few matches) answers quickly with nothing.
  arxiv = await startFakeHttpServer();
  const empty = await readFile(resolve(import.meta.dirname, '../fixtures/arxiv-api-empty-result-idlist-0000.0000-2026-04-12.xml'), 'utf8');
  arxiv.route('GET', '/api/query', { status: 200, headers: { 'content-type': 'application/atom+xml' }, body: empty });
  storeDir = await mkdtemp(join(tmpdir(), 'paperbot-feed-'));
  serve = await startServeUnderTest(todaysPapers(), {
    SLACK_BOT_TOKEN: 'xoxb-feed',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    PAPERBOT_STORE_URL: `sqlite://${join(storeDir, 'paperbot.sqlite')}`,
    PAPERBOT_ARXIV_API_URL: `${arxiv.url}/api/query`,
  });
  url = `http://127.0.0.1:${serve.handle.healthPort}/slack/events`;
});

afterAll(async () => {
  await serve?.close();
  await fake?.close();
  await arxiv?.close();
  if (storeDir) await rm(storeDir, { recursive: true, force: true });
});

describe('the corpus feed of serve', () => {
  it('finds a paper of the source right after start, with no channel subscribed', async () => {
    expect(await serve.handle.app.store.listSubscriptions()).toEqual([]);
    const found = await until(async () => {
      const wire = await search('temporal consistency');
      return wire.includes('Temporal Consistency for Video Generation') ? wire : undefined;
    }, 'the source paper in /papers search', 10_000);
    expect(found).toContain('2611.10002');
  });

  it('shows each source on /healthz with its last success', async () => {
    await serve.handle.feedStarted;
    const res = await fetch(`http://127.0.0.1:${serve.handle.healthPort}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { corpus: string; sources: Record<string, { lastSuccessAt?: string; failures: number }> };
    expect(body.corpus).toBe('ok');
    const [name, status] = Object.entries(body.sources)[0]!;
    expect(name).toMatch(/^file:/);
    expect(status.lastSuccessAt).toBeTruthy();
    expect(status.failures).toBe(0);
  });

  it('finds within seconds a paper a separate `paperbot ingest` process stored', async () => {
    const extra = join(storeDir, 'extra.json');
    await writeFile(
      extra,
      JSON.stringify([{ id: '2611.20001', title: 'Zebrafish Saliency Maps for Ocelot Tracking', abstract: 'Ocelots and zebrafish.', authors: ['Jo Doe'], published: todayUtc() }]),
    );
    expect(await search('ocelot zebrafish')).not.toContain('2611.20001');
    const ingested = await ingestInChildProcess(`file:${extra}`);
    expect(ingested.code, ingested.stderr).toBe(0);
    const started = Date.now();
    const wire = await until(async () => {
      const w = await search('ocelot zebrafish');
      return w.includes('2611.20001') ? w : undefined;
    }, 'the paper ingested by another process', 5_000);
    expect(wire).toContain('Zebrafish Saliency Maps');
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 60_000);

  it('answers /healthz 503 with the reason once the corpus file is gone', async () => {
    const file = join(storeDir, 'papers.sqlite');
    await rm(file);
    const res = await fetch(`http://127.0.0.1:${serve.handle.healthPort}/healthz`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { ok: boolean; corpus: string };
    expect(body.ok).toBe(false);
    expect(body.corpus).toContain(file);
    expect(body.corpus).toMatch(/deleted/);
  });
});
