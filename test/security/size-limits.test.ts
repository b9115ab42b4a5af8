// One oversized input cannot take the process down: responses are capped in the HTTP client and
// every paper field is stored truncated with a note.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineEnv, runCli, tempDir } from '../cli/support/run-cli.js';
import { startFakeHttpServer, type FakeHttpServer } from '../fakes/fake-http-server.js';
import { createHttpClient } from '../../src/sources/http.js';
import { SourceError } from '../../src/errors.js';
import { silentLogger } from '../../src/logger.js';

describe('source response size cap', () => {
  let server: FakeHttpServer;
  beforeAll(async () => {
    server = await startFakeHttpServer();
    server.route('GET', '/big', { status: 200, headers: { 'content-type': 'application/json' }, body: 'x'.repeat(300_000) });
    server.route('GET', '/small', { status: 200, headers: { 'content-type': 'application/json' }, body: '[]' });
  });
  afterAll(() => server.close());

  it('refuses a body over the cap once, without retrying, and reads one under it', async () => {
    const client = createHttpClient({ source: 'hf', timeoutMs: 3000, logger: silentLogger, maxBytes: 100_000, retry: { attempts: 3, baseDelayMs: 1 } });
    const err = await client.get(`${server.url}/big`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect(String((err as Error).message)).toMatch(/larger than .*MiB; refused/);
    expect(server.requestsTo('/big')).toHaveLength(1);
    expect((await client.get(`${server.url}/small`)).body).toBe('[]');
  });
});

describe('paper field caps', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    tmp = await tempDir();
  });
  afterAll(() => tmp.cleanup());

  it('a 3 MB abstract and 5000 authors are stored cut, with a note saying so', async () => {
    const file = await tmp.write('huge.json', [
      {
        id: '2606.99999',
        title: 'T'.repeat(5000),
        abstract: `Start. ${'lorem ipsum '.repeat(250_000)}`,
        authors: Array.from({ length: 5000 }, (_, i) => `Author ${i}`),
        categories: ['cs.LG'],
      },
    ]);
    const env = await offlineEnv({ PAPERBOT_STORE_URL: `sqlite://${tmp.file('s.sqlite')}` });
    const ingest = await runCli(['ingest', '--sources', `file:${file}`, '--date', '2026-06-12'], env);
    expect(ingest.code, ingest.stderr).toBe(0);
    const shown = await runCli(['paper', '2606.99999', '--json'], env);
    expect(shown.code, shown.stderr).toBe(0);
    const paper = JSON.parse(shown.stdout) as { title: string; abstract: string; authors: string[] };
    expect(paper.abstract.length).toBeLessThan(21_000);
    expect(paper.abstract).toMatch(/truncated by paperbot: 3,000,00\d characters in all\]$/);
    expect(paper.title.length).toBeLessThan(1_100);
    expect(paper.authors).toHaveLength(201);
    expect(paper.authors.at(-1)).toBe('… and 4800 more');
  }, 60_000);
});
