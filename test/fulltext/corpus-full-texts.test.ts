// Full texts against the real SQLite corpus: fetched once (concurrent first questions share one
// fetch; another process opening the same file never fetches again), searched through the
// corpus's chunks for evidence, and quoted across papers by `ask`.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openCorpus } from '../../src/corpus/index.js';
import { createFullTextFetcher } from '../../src/fulltext/fetch-full-text.js';
import { createFullTexts } from '../../src/fulltext/full-texts.js';
import { createExtractiveAnswerer } from '../../src/qa/extractive.js';
import { answerAboutThread } from '../../src/qa/answer-thread.js';
import { createPacer } from '../../src/sources/arxiv-pacer.js';
import { silentLogger } from '../../src/logger.js';
import type { PaperCorpus } from '../../src/ports.js';
import type { Paper } from '../../src/types.js';
import { fixture, tempDir } from '../cli/support/run-cli.js';
import type { FakeHttpServer } from '../fakes/fake-http-server.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/fake-openai-server.js';
import { evidenceIn } from '../llm/support/responder.js';
import { clientFor } from '../llm/support/setup.js';
import { makePaper } from '../llm/support/papers.js';
import { memoryKv } from '../llm/support/memory-kv.js';
import { startFakeArxiv } from './support.js';

const papers: Paper[] = (JSON.parse(readFileSync(fixture('fulltext/papers.json'), 'utf8')) as Array<{ id: string; title: string; abstract: string }>).map((p) =>
  makePaper(p.id, { title: p.title, abstract: p.abstract }),
);

describe('full texts in the SQLite corpus', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  let arxiv: FakeHttpServer;
  let llm: FakeOpenAiServer;
  const opened: PaperCorpus[] = [];

  beforeAll(async () => {
    tmp = await tempDir();
    arxiv = await startFakeArxiv();
    llm = await startFakeOpenAiServer();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await llm.close();
    await arxiv.close();
    await tmp.cleanup();
  });

  async function corpusAt(name: string): Promise<PaperCorpus> {
    const corpus = await openCorpus(`sqlite://${tmp.file(name)}`);
    opened.push(corpus);
    await corpus.upsertPapers(papers);
    return corpus;
  }

  function fullTextsOn(corpus: PaperCorpus) {
    const fetcher = createFullTextFetcher({
      htmlBase: `${arxiv.url}/html`,
      pdfBase: `${arxiv.url}/pdf`,
      pdfMaxBytes: 1_000_000,
      timeoutMs: 3000,
      pacer: createPacer(0),
      logger: silentLogger,
    });
    return createFullTexts({ corpus, fetcher, logger: silentLogger });
  }

  it('concurrent first questions share one fetch, and a second process reads the stored text', async () => {
    const file = 'shared.sqlite';
    const first = fullTextsOn(await corpusAt(file));
    const before = arxiv.requestsTo('/html/2607.01002').length;
    const [a, b, c] = await Promise.all([first.get(papers[1]!), first.get(papers[1]!), first.get(papers[1]!)]);
    expect(a.origin).toBe('html');
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(arxiv.requestsTo('/html/2607.01002').length - before).toBe(1);

    const other = await corpusAt(file); // as another process would open it
    const again = await fullTextsOn(other).get(papers[1]!);
    expect(again.sections.map((s) => s.anchor)).toEqual(a.sections.map((s) => s.anchor));
    expect(arxiv.requestsTo('/html/2607.01002').length - before).toBe(1);
  });

  it('model evidence comes from the corpus chunk search and carries paper and section', async () => {
    const corpus = await corpusAt('evidence.sqlite');
    const fullTexts = fullTextsOn(corpus);
    llm.setChat(() => ({ json: { answered: false, claims: [] } }));
    const { llm: client } = clientFor(llm);
    const answer = await answerAboutThread({ llm: client, fullTexts, corpus }, 'How many TPU chips were used for training?', [papers[1]!], []);
    expect(answer.text).toBe('The paper does not say.');
    const evidence = evidenceIn(llm.chatRequests.at(-1)!);
    expect(evidence[0]).toMatchObject({ n: 1, id: '2607.01002', section: '§3 3 Training' });
    expect(evidence[0]!.text).toContain('Training runs on 4 TPU v4 chips for twelve days.');
  });

  it('with an embedding model, a passage that answers in other words is sent first; chunk vectors are cached', async () => {
    const corpus = await corpusAt('embeddings.sqlite');
    const fullTexts = fullTextsOn(corpus);
    llm.setChat(() => ({ json: { answered: false, claims: [] } }));
    llm.setEmbeddings((req) => ({ vectors: req.input.map((t) => (/TPU|accelerator/i.test(t) ? [1, 0] : [0, 1])) }));
    const { llm: client } = clientFor(llm);
    const embeddings = { embedder: client, model: 'embed-model', kv: memoryKv() };
    const question = 'Which accelerators did they rely on?';
    await answerAboutThread({ llm: client, fullTexts, corpus, embeddings }, question, [papers[1]!], []);
    const evidence = evidenceIn(llm.chatRequests.at(-1)!);
    expect(evidence[0]!.text).toContain('Training runs on 4 TPU v4 chips for twelve days.');
    expect(evidence[0]!.section).toBe('§3 3 Training');
    const firstInputs = llm.embeddingRequests.at(-1)!.input.length;
    expect(firstInputs).toBeGreaterThan(1);

    await answerAboutThread({ llm: client, fullTexts, corpus, embeddings }, question, [papers[1]!], []);
    expect(llm.embeddingRequests.at(-1)!.input).toEqual([question]);
    expect(llm.embeddingRequests.at(-1)!.encodingFormat).toBe('float');
  });

  it('`ask` across papers quotes stored full texts with their sections, and cites nothing off topic', async () => {
    const corpus = await corpusAt('ask.sqlite');
    const fullTexts = fullTextsOn(corpus);
    await Promise.all(papers.map((p) => fullTexts.get(p)));
    const answerer = createExtractiveAnswerer({ corpus });
    const answer = await answerer.askCorpus('How many annotators took part in the human evaluation of the video model?');
    expect(answer.text).toMatch(/^> Twelve annotators compared 500 pairs of videos without knowing which model made them\. \[1 §4\]$/m);
    expect(answer.citations[0]).toMatchObject({ paperId: '2607.01003', sections: [{ label: '§4', url: 'https://arxiv.org/html/2607.01003#S4' }] });

    const offTopic = await answerer.askCorpus('Which company makes the best cars?');
    expect(offTopic.citations).toEqual([]);
  });
});
