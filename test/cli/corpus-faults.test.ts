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
});
