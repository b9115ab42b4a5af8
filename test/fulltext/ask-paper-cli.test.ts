// From outside: a fake arXiv serves full texts we do not have; `paperbot ask --paper ID` must
// quote the body sentence and name its section, without a model and with one.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixture, offlineEnv, runCli, tempDir } from '../cli/support/run-cli.js';
import type { FakeHttpServer } from '../fakes/fake-http-server.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/fake-openai-server.js';
import { evidenceIn, paperbotResponder } from '../llm/support/responder.js';
import { makePdf, startFakeArxiv } from './support.js';

const PAPERS = `file:${fixture('fulltext/papers.json')}`;

describe('paperbot ask --paper: answers from the full text', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  let arxiv: FakeHttpServer;
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    tmp = await tempDir();
    arxiv = await startFakeArxiv();
    env = await offlineEnv({
      PAPERBOT_STORE_URL: `sqlite://${tmp.file('paperbot.sqlite')}`,
      PAPERBOT_ARXIV_HTML_URL: `${arxiv.url}/html`,
      PAPERBOT_ARXIV_PDF_URL: `${arxiv.url}/pdf`,
    });
    const ingest = await runCli(['ingest', '--sources', PAPERS, '--date', '2026-07-02'], env);
    expect(ingest.code, ingest.stderr).toBe(0);
  });
  afterAll(async () => {
    await arxiv.close();
    await tmp.cleanup();
  });

  it('quotes the body sentence with its section and link, without a model', async () => {
    const run = await runCli(['ask', '--paper', '2607.01001', 'How many GPUs did they train on?'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/full text:\n> All runs use 8 NVIDIA A100 GPUs with 80 GB of memory each\. \[1 §4\.2\]/);
    expect(run.stdout).toContain('§4.2 https://arxiv.org/html/2607.01001#S4.SS2');
    expect(arxiv.requestsTo('/html/2607.01001')).toHaveLength(1);
  });

  it('cites nothing for an off-topic question', async () => {
    const run = await runCli(['ask', '--paper', '2607.01001', 'Which company makes the best cars?'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe("I found nothing about that in the paper's full text.");
  });

  it('never shows script or markup text', async () => {
    const run = await runCli(['ask', '--json', '--paper', '2607.01002', 'tracking text dataLayer Back to arXiv'], env);
    expect(run.stdout).not.toMatch(/tracking text|dataLayer|Back to arXiv/);
  });

  it('falls back to the PDF when there is no HTML, and to the abstract when the PDF is unreadable', async () => {
    const ingest = await runCli(['ingest', '--sources', `file:${await tmp.write('more.json', [
      { id: '2607.02001', title: 'PDF only paper', abstract: 'A paper whose HTML is missing.', authors: ['B'] },
      { id: '2607.02002', title: 'Broken paper', abstract: 'A paper with a broken PDF about adapters.', authors: ['C'] },
      { id: '2607.02003', title: 'Huge paper', abstract: 'A paper with a huge PDF about adapters.', authors: ['D'] },
    ])}`, '--date', '2026-07-02'], env);
    expect(ingest.code, ingest.stderr).toBe(0);
    arxiv.route('GET', '/pdf/2607.02001', { status: 200, headers: { 'content-type': 'application/pdf' }, body: makePdf(['2 Setup', 'We trained the model on 16 H100 GPUs for a week.']) });
    arxiv.route('GET', '/pdf/2607.02002', { status: 200, headers: { 'content-type': 'application/pdf' }, body: 'this is not a PDF' });
    arxiv.route('GET', '/pdf/2607.02003', { status: 200, headers: { 'content-type': 'application/pdf' }, body: new Uint8Array(2048) });

    const pdf = await runCli(['ask', '--paper', '2607.02001', 'How many GPUs did they use?'], env);
    expect(pdf.stdout).toMatch(/^> .*We trained the model on 16 H100 GPUs for a week\. \[1 p\. 1\]$/m);

    const broken = await runCli(['ask', '--paper', '2607.02002', 'How many GPUs did they use?'], env);
    expect(broken.stdout.trim()).toMatch(/^The abstract does not seem to say; the full text was not available \(arXiv has no HTML version; the PDF could not be read/);

    const huge = await runCli(['ask', '--paper', '2607.02003', 'How many GPUs did they use?'], { ...env, PAPERBOT_PDF_MAX_BYTES: '1024' });
    expect(huge.stdout.trim()).toBe('The abstract does not seem to say; the full text was not available (arXiv has no HTML version; the PDF is larger than the 1 KB limit, so it was not read).');
  });

  it('says clearly when the paper id does not exist', async () => {
    const run = await runCli(['ask', '--paper', '2607.09999', 'How many GPUs?'], env);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/2607\.09999/);
  });
});

describe('paperbot ask --paper with a model', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  let arxiv: FakeHttpServer;
  let llm: FakeOpenAiServer;
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    tmp = await tempDir();
    arxiv = await startFakeArxiv();
    llm = await startFakeOpenAiServer({ chat: paperbotResponder() });
    env = await offlineEnv({
      PAPERBOT_STORE_URL: `sqlite://${tmp.file('paperbot.sqlite')}`,
      PAPERBOT_ARXIV_HTML_URL: `${arxiv.url}/html`,
      PAPERBOT_ARXIV_PDF_URL: `${arxiv.url}/pdf`,
      OPENAI_API_KEY: 'sk-test-fulltext',
      OPENAI_BASE_URL: llm.baseURL,
      PAPERBOT_MODEL: 'fake-model',
    });
    const ingest = await runCli(['ingest', '--sources', PAPERS, '--date', '2026-07-02'], env);
    expect(ingest.code, ingest.stderr).toBe(0);
  });
  beforeEach(() => {
    llm.reset();
    llm.setChat(paperbotResponder());
  });
  afterAll(async () => {
    await llm.close();
    await arxiv.close();
    await tmp.cleanup();
  });

  it('sends the passage as labelled evidence and cites its section when the quote checks out', async () => {
    llm.setChat((req) => {
      const passage = evidenceIn(req).find((e) => e.text.includes('8 NVIDIA A100 GPUs'));
      return { json: { answered: true, claims: passage ? [{ text: 'They train on 8 A100 GPUs.', paper: passage.n, quote: 'All runs use 8 NVIDIA A100 GPUs' }] : [] } };
    });
    const run = await runCli(['ask', '--paper', '2607.01001', 'How many GPUs did they train on?'], env);
    expect(run.code, run.stderr).toBe(0);
    const evidence = evidenceIn(llm.chatRequests[0]!);
    expect(evidence.find((e) => e.text.includes('All runs use 8 NVIDIA A100 GPUs'))).toMatchObject({ n: 1, id: '2607.01001', section: '§4.2 4 Experiments › 4.2 Training setup' });
    expect(run.stdout).toContain('They train on 8 A100 GPUs. [1 §4.2] — "All runs use 8 NVIDIA A100 GPUs"');
  });

  it('drops a claim whose quote is not in the evidence and says so; no automatic [1]', async () => {
    llm.setChat(() => ({ json: { answered: true, claims: [{ text: 'They typically use 64 GPUs.', paper: 1, quote: 'we use 64 GPUs in all experiments' }] } }));
    const run = await runCli(['ask', '--json', '--paper', '2607.01001', 'How many GPUs did they train on?'], env);
    const answer = JSON.parse(run.stdout) as { text: string; citations: unknown[] };
    expect(answer.citations).toEqual([]);
    expect(answer.text).toBe("The paper does not say.\n_One statement could not be verified against the paper's text and was left out._");
  });

  it('neutralises chat-template tokens from the paper text', async () => {
    await runCli(['ask', '--paper', '2607.01001', 'What are the limitations of the projection?'], env);
    const user = llm.chatRequests[0]!.messages.find((m) => m.role === 'user')!.content;
    expect(user).toContain('nearly disjoint');
    expect(user).not.toContain('<|im_start|>');
    expect(user).toContain('‹|im_start|›');
  });
});
