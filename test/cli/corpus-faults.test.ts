// A corpus file that cannot be used is an error naming the file and the fix, exit 2, never silent loss.
import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { offlineEnv, runCli, tempDir } from './support/run-cli.js';

describe('an unusable corpus file', () => {
  it('a corrupt file: search and ingest exit 2 naming the file and the fix, and the file is left alone', async () => {
    const tmp = await tempDir();
    try {
      const file = tmp.file('papers.sqlite');
      await writeFile(file, 'this is not a database '.repeat(200));
      const env = await offlineEnv({ PAPERBOT_STORE_URL: `sqlite://${tmp.file('paperbot.sqlite')}`, PAPERBOT_CORPUS_URL: `sqlite://${file}` });
      for (const argv of [['search', 'diffusion'], ['ingest', '--sources', 'hf']]) {
        const run = await runCli(argv, env);
        expect(run.code, run.stderr).toBe(2);
        expect(run.stderr).toContain(file);
        expect(run.stderr).toMatch(/PAPERBOT_CORPUS_URL|move it away/);
        expect(run.stderr).not.toMatch(/\n\s+at /); // a message, not a stack
      }
    } finally {
      await tmp.cleanup();
    }
  });

  it('an unsupported corpus URL is a configuration error naming the variable', async () => {
    const run = await runCli(['search', 'x'], await offlineEnv({ PAPERBOT_CORPUS_URL: 'mysql://db/papers' }));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/PAPERBOT_CORPUS_URL: unsupported scheme "mysql"/);
  });

  it('a paper with missing fields is stored with what it has', async () => {
    const tmp = await tempDir();
    try {
      const file = await tmp.write('thin.json', [{ id: '2611.30001', title: 'Only a title' }]);
      const env = await offlineEnv({ PAPERBOT_STORE_URL: `sqlite://${tmp.file('paperbot.sqlite')}` });
      const ingested = await runCli(['ingest', '--sources', `file:${file}`, '--date', '2026-06-12'], env);
      expect(ingested.code, ingested.stderr).toBe(0);
      const shown = await runCli(['paper', '2611.30001', '--json'], env);
      expect(shown.code, shown.stderr).toBe(0);
      expect(JSON.parse(shown.stdout)).toMatchObject({ id: '2611.30001', title: 'Only a title', abstract: '', authors: [] });
      const found = await runCli(['search', 'only', 'title', '--json'], env);
      expect((JSON.parse(found.stdout) as Array<{ id: string }>).map((r) => r.id)).toContain('2611.30001');
    } finally {
      await tmp.cleanup();
    }
  });
});
