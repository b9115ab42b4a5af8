// The CLI with a model configured (the fake OpenAI-compatible server): cited answers, token figures.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixture, offlineEnv, runCli, tempDir } from './support/run-cli.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/fake-openai-server.js';
import { evidenceIn, paperbotResponder, quoteFrom } from '../llm/support/responder.js';

const HF = `file:${fixture('hf-daily-papers-2026-06-12.json')}`;

describe('CLI with an OpenAI-compatible model', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  let llm: FakeOpenAiServer;
  let env: Record<string, string | undefined>;
  beforeAll(async () => {
    tmp = await tempDir();
    llm = await startFakeOpenAiServer({ chat: paperbotResponder() });
    env = await offlineEnv({
      PAPERBOT_STORE_URL: `sqlite://${tmp.file('paperbot.sqlite')}`,
      OPENAI_API_KEY: 'sk-test-cli',
      OPENAI_BASE_URL: llm.baseURL,
      PAPERBOT_MODEL: 'fake-model',
      PAPERBOT_LLM_TIMEOUT_MS: '10000',
    });
    const ingest = await runCli(['ingest', '--sources', HF, '--date', '2026-06-12'], env);
    expect(ingest.code, ingest.stderr).toBe(0);
  });
  beforeEach(() => {
    llm.setChat(paperbotResponder());
    llm.reset();
  });
  afterAll(async () => {
    await llm.close();
    await tmp.cleanup();
  });

  it('ask gives the model’s cited answer with its sources', async () => {
    llm.setChat((req) => {
      const passage = evidenceIn(req).find((e) => e.id === '2606.13392');
      if (/retrieved papers/.test(req.system) && passage) {
        return { json: { answered: true, claims: [{ text: 'Sparse attention cuts attention compute by 28.4x at 1M context.', paper: passage.n, quote: quoteFrom(passage) }] } };
      }
      return paperbotResponder()(req);
    });
    const run = await runCli(['ask', 'how much does sparse attention save at 1M context?'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(llm.chatRequests.length).toBeGreaterThanOrEqual(1);
    expect(llm.requests[0]!.headers.authorization).toBe('Bearer sk-test-cli');
    expect(run.stdout).toContain('Sparse attention cuts attention compute by 28.4x at 1M context. [1] — "');
    expect(run.stdout).toMatch(/Sources:\n\s+\[1\] MiniMax Sparse Attention \(2606\.13392\)/);
    expect(run.stdout).not.toMatch(/no language model/i);

    const json = await runCli(['ask', '--json', 'how much does sparse attention save at 1M context?'], env);
    const answer = JSON.parse(json.stdout) as { extractive: boolean; citations: Array<{ index: number; paperId: string }> };
    expect(answer.extractive).toBe(false);
    expect(answer.citations).toEqual([expect.objectContaining({ index: 1, paperId: '2606.13392' })]);
  });

  it('ask falls back to marked extracts when the model fails, still exits 0', async () => {
    llm.setChat(() => ({ status: 400, error: { message: 'model exploded', type: 'invalid_request_error' } }));
    const run = await runCli(['ask', 'how much does sparse attention save at 1M context?'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(llm.chatRequests.length).toBeGreaterThanOrEqual(1);
    expect(run.stdout).toMatch(/^> /m);
    expect(run.stdout).toContain('2606.13392');
  });

  it('digest calls the model and prints the run’s token figures', async () => {
    const run = await runCli(['digest', '--sources', HF, '--date', '2026-06-12', '--size', '3', '--interests', 'sparse attention long context'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(llm.usage.calls).toBeGreaterThan(0);
    const m = /Tokens: (\d+) prompt \+ (\d+) completion/.exec(run.stdout);
    expect(m, run.stdout).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(0);
    expect(Number(m![1])).toBeLessThanOrEqual(llm.usage.prompt);
    expect(Number(m![2])).toBeGreaterThan(0);

    const json = await runCli(['digest', '--sources', HF, '--date', '2026-06-12', '--size', '3', '--format', 'json', '--interests', 'multimodal agents memory'], env);
    expect(json.code, json.stderr).toBe(0);
    const digest = JSON.parse(json.stdout) as { tokens?: { prompt: number; completion: number }; items: unknown[] };
    expect(digest.items.length).toBeGreaterThan(0);
    expect(digest.tokens?.prompt).toBeGreaterThan(0);
  });

  it('rank with a model keeps every input id verbatim', async () => {
    const input = await tmp.write('rank.json', [
      { id: '2401.00001v2', title: 'Sparse attention for long context', abstract: 'Blockwise sparse attention at 1M tokens of context.' },
      { id: '2401.00001', title: 'Sparse attention for long context', abstract: 'The same paper without a version suffix.' },
      { id: 7, title: 'Stork migration', abstract: 'Satellite tracking of storks.' },
      { id: 'A-1', title: 'Pasta at altitude', abstract: 'Boiling water in the mountains.' },
    ]);
    const run = await runCli(['rank', '--input', input, '--interests', 'sparse attention long context', '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(llm.chatRequests.length).toBeGreaterThan(0);
    const rows = JSON.parse(run.stdout) as Array<{ id: unknown }>;
    expect(rows.map((r) => JSON.stringify(r.id)).sort()).toEqual(['"2401.00001"', '"2401.00001v2"', '"A-1"', '7']);
  });
});
