// Secrets never leave the process: URL credentials and configured keys are scrubbed from digest
// notes, CLI errors, answers and logs by the one redaction (src/ops/redact.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, offlineEnv, runCli, tempDir } from '../cli/support/run-cli.js';
import { startFakeHttpServer, type FakeHttpServer } from '../fakes/fake-http-server.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/fake-openai-server.js';
import { redact, redactShapes } from '../../src/redact.js';

const HF_FILE = `file:${fixture('hf-daily-papers-2026-06-12.json')}`;
const KEY = 'sk-KNOWNSECRET-llm-key-0123456789';

describe('secrets in digest notes and CLI errors', () => {
  let hf: FakeHttpServer;
  let llm: FakeOpenAiServer;
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    tmp = await tempDir();
    hf = await startFakeHttpServer();
    hf.route('GET', /.*/, { status: 500, headers: { 'content-type': 'text/plain' }, body: 'upstream down' });
    // A careless model server that echoes the caller's key in its error text.
    llm = await startFakeOpenAiServer({
      chat: (req) => ({ status: 400, error: { message: `invalid key ${KEY} (request ${req.model ?? ""})`, type: 'invalid_request_error' } }),
    });
  });
  afterAll(async () => {
    await hf.close();
    await llm.close();
    await tmp.cleanup();
  });

  it('a user:pass@ in PAPERBOT_HF_URL never appears in the failed-source note', async () => {
    const url = new URL(hf.url);
    url.username = 'hfuser';
    url.password = 'KNOWNSECRET-hf-pass';
    const env = await offlineEnv({ PAPERBOT_HF_URL: url.href, PAPERBOT_LOG_LEVEL: 'debug' });
    const run = await runCli(['digest', '--sources', 'hf', '--date', '2026-06-12', '--format', 'json'], env);
    expect(run.code, run.stderr).toBe(1); // every source failed (issue 10): exit 1, the digest still printed
    const digest = JSON.parse(run.stdout) as { notes: Array<{ kind: string; text: string }> };
    expect(digest.notes.some((n) => n.kind === 'source-failed')).toBe(true);
    expect(run.stdout + run.stderr).not.toContain('KNOWNSECRET');
    expect(run.stdout + run.stderr).not.toContain('hfuser');
  }, 60_000);

  it('an LLM server echoing the key does not put it into a digest note, the output or the logs', async () => {
    const env = await offlineEnv({
      PAPERBOT_STORE_URL: `sqlite://${tmp.file('s.sqlite')}`,
      OPENAI_API_KEY: KEY,
      OPENAI_BASE_URL: llm.baseURL,
      PAPERBOT_MODEL: 'fake-model',
      PAPERBOT_LOG_LEVEL: 'debug',
    });
    const run = await runCli(['digest', '--sources', HF_FILE, '--date', '2026-06-12', '--size', '2', '--format', 'json', '--interests', 'sparse attention'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(llm.chatRequests.length).toBeGreaterThan(0);
    const digest = JSON.parse(run.stdout) as { notes: Array<{ kind: string; text: string }> };
    expect(digest.notes.some((n) => n.kind === 'llm-degraded')).toBe(true);
    expect(run.stdout + run.stderr).not.toContain('KNOWNSECRET');
  }, 60_000);

  it('a store URL with an unsupported scheme does not print its password', async () => {
    const env = await offlineEnv({ PAPERBOT_STORE_URL: 'mongodb://admin:KNOWNSECRET-store@db.internal/x' });
    const run = await runCli(['digest', '--sources', HF_FILE, '--date', '2026-06-12'], env);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/PAPERBOT_STORE_URL/);
    expect(run.stderr).not.toContain('KNOWNSECRET');
  });
});

describe('the one redaction', () => {
  it('scrubs credentials in any URL, bearer tokens and known token shapes', () => {
    expect(redactShapes('GET https://u:p4ss@h.example/x failed')).toBe('GET https://[redacted]@h.example/x failed');
    expect(redactShapes('redis://:pw123456@127.0.0.1:6379/0')).toBe('redis://[redacted]@127.0.0.1:6379/0');
    expect(redactShapes('Authorization: Bearer abcdef123456')).toBe('Authorization: Bearer [redacted]');
    expect(redactShapes('token xoxb-1111-2222-abcdef and sk-abcdefghijklmnop')).toBe('token [redacted] and [redacted]');
    expect(redactShapes('https://h.example/?api_key=abc123&x=1')).toBe('https://h.example/?api_key=[redacted]&x=1');
    expect(redact('plain text about https://arxiv.org/abs/2406.01234')).toBe('plain text about https://arxiv.org/abs/2406.01234');
  });
});
