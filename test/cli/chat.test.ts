// `paperbot chat`: the console chat over stdin/stdout with the same /papers commands.
import { describe, expect, it } from 'vitest';
import { fixture, offlineEnv, runCli, tempDir } from './support/run-cli.js';

describe('paperbot chat', () => {
  it('answers /papers commands from stdin and leaves at the end of input', async () => {
    const tmp = await tempDir();
    try {
      const env = await offlineEnv({ PAPERBOT_STORE_URL: `sqlite://${tmp.file('paperbot.sqlite')}` });
      const ingest = await runCli(['ingest', '--sources', `file:${fixture('hf-daily-papers-2026-06-12.json')}`, '--date', '2026-06-12'], env);
      expect(ingest.code, ingest.stderr).toBe(0);
      const run = await runCli(['chat'], env, '/papers help\nsearch sparse attention\n/papers paper 2606.13392\n');
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('/papers subscribe <interests>');
      expect(run.stdout).toContain('MiniMax Sparse Attention');
      expect(run.stdout).toContain('https://arxiv.org/abs/2606.13392');
    } finally {
      await tmp.cleanup();
    }
  });
});
