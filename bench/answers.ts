// Answers from full texts, measured on the labeled set in test/fixtures/fulltext/ (synthetic
// LaTeXML papers; every question is answerable only from the body): how often the right section
// is among the chunks sent, how often the extractive answer quotes the right sentence, how often
// off-topic questions cite nothing, prompt tokens per question, and the time to the placeholder
// and to the answer with a slow fake model. Runnable alone: `node bin/run-ts.mjs bench/answers.ts`.
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCorpus } from '../src/corpus/index.js';
import { createFullTextFetcher } from '../src/fulltext/fetch-full-text.js';
import { createFullTexts } from '../src/fulltext/full-texts.js';
import { createExtractiveAnswerer } from '../src/qa/extractive.js';
import { createLlmAnswerer } from '../src/qa/llm-answerer.js';
import { gatherEvidence } from '../src/qa/evidence.js';
import { readPapers } from '../src/qa/read-papers.js';
import { sectionLabel } from '../src/qa/sections.js';
import { createOpenAiLlm } from '../src/llm/openai-llm.js';
import { createTokenLedger } from '../src/llm/token-ledger.js';
import { createPacer } from '../src/sources/arxiv-pacer.js';
import { createMemoryBotStore } from '../src/store/index.js';
import { createBotCore } from '../src/bot/create-bot.js';
import { ManualClock } from '../src/clock.js';
import { silentLogger } from '../src/logger.js';
import type { FullTexts, PaperCorpus } from '../src/ports.js';
import type { Paper } from '../src/types.js';
import { FakeChatAdapter, channelRef } from '../test/fakes/fake-chat-adapter.js';
import { startFakeOpenAiServer } from '../test/fakes/fake-openai-server.js';
import { evidenceIn, paperbotResponder } from '../test/llm/support/responder.js';
import { memoryKv } from '../test/llm/support/memory-kv.js';
import { labeledSet, startFakeArxiv } from '../test/fulltext/support.js';

const SLOW_MODEL_MS = 1500;
const FIXTURES = join(import.meta.dirname, '../test/fixtures/fulltext');

const papers: Paper[] = (JSON.parse(readFileSync(join(FIXTURES, 'papers.json'), 'utf8')) as Array<{ id: string; title: string; abstract: string }>).map((p) => ({
  id: p.id,
  title: p.title,
  abstract: p.abstract,
  authors: ['A. Researcher'],
  categories: ['cs.LG'],
  links: { abs: `https://arxiv.org/abs/${p.id}` },
  signals: {},
  sources: ['bench'],
}));
const byId = new Map(papers.map((p) => [p.id, p]));
const pct = (n: number, d: number) => `${n}/${d} (${Math.round((100 * n) / Math.max(1, d))}%)`;

async function main(): Promise<void> {
  const set = labeledSet();
  const arxiv = await startFakeArxiv();
  const dir = await mkdtemp(join(tmpdir(), 'paperbot-bench-answers-'));
  const corpus: PaperCorpus = await openCorpus(`sqlite://${join(dir, 'papers.sqlite')}`);
  await corpus.upsertPapers(papers);
  const fetcher = createFullTextFetcher({ htmlBase: `${arxiv.url}/html`, pdfBase: `${arxiv.url}/pdf`, pdfMaxBytes: 25e6, timeoutMs: 5000, pacer: createPacer(0), logger: silentLogger });
  const fullTexts: FullTexts = createFullTexts({ corpus, fetcher, logger: silentLogger });
  const store = createMemoryBotStore();

  // 1. Retrieval: is the answering section among the chunks sent to the model?
  let sectionSent = 0;
  for (const q of set.questions) {
    const read = await readPapers([byId.get(q.paper)!], fullTexts);
    const evidence = await gatherEvidence(q.question, read, { corpus });
    if (evidence.some((c) => c.section?.anchor === q.anchor && c.text.includes(q.sentence))) sectionSent++;
  }

  // 2. Extractive answers: the right sentence quoted with its section; off-topic cites nothing.
  const extractive = createExtractiveAnswerer({ fullTexts, corpus });
  let quoted = 0;
  const misses: string[] = [];
  for (const q of set.questions) {
    const paper = byId.get(q.paper)!;
    const answer = await extractive.answerAboutPapers(q.question, [paper], []);
    const section = (await corpus.getFullText(q.paper))!.sections.find((s) => s.anchor === q.anchor)!;
    const line = answer.text.split('\n').find((l) => l.includes(q.sentence));
    if (line?.includes(`[1 ${sectionLabel(section)}]`)) quoted++;
    else misses.push(q.question);
  }
  let silentOffTopic = 0;
  for (const q of set.offTopic) {
    const answer = await extractive.answerAboutPapers(q.question, [byId.get(q.paper)!], []);
    if (answer.citations.length === 0) silentOffTopic++;
  }
  let askSilent = 0;
  for (const q of set.offTopic) if ((await extractive.askCorpus(q.question)).citations.length === 0) askSilent++;

  // 3. Prompt tokens per question (the fake server counts chars/4, like approxTokens).
  const fast = await startFakeOpenAiServer({ chat: paperbotResponder() });
  const ledger = createTokenLedger({ kv: memoryKv() });
  const llm = createOpenAiLlm({ apiKey: 'bench', baseURL: fast.baseURL, model: 'bench', summaryModel: 'bench', timeoutMs: 10_000, shortlistSize: 30 }, { logger: silentLogger, meter: ledger });
  const modelAnswerer = createLlmAnswerer({ llm, fullTexts, corpus, fallback: extractive });
  let evidenceHasPassage = 0;
  for (const q of set.questions) {
    fast.reset();
    await modelAnswerer.answerAboutPapers(q.question, [byId.get(q.paper)!], []);
    if (evidenceIn(fast.chatRequests[0]!).some((e) => e.text.includes(q.sentence))) evidenceHasPassage++;
  }
  const promptTokens = ledger.totals().prompt / set.questions.length;
  await fast.close();

  // 4. Latency through BotCore with a slow model: time to the placeholder and to the answer.
  const slow = await startFakeOpenAiServer({ chat: async (req) => ({ ...(await paperbotResponder()(req)), delayMs: SLOW_MODEL_MS }) });
  const slowLlm = createOpenAiLlm({ apiKey: 'bench', baseURL: slow.baseURL, model: 'bench', summaryModel: 'bench', timeoutMs: 10_000, shortlistSize: 30 }, { logger: silentLogger });
  const core = createBotCore({
    store,
    corpus,
    answerer: createLlmAnswerer({ llm: slowLlm, fullTexts, corpus, fallback: extractive }),
    digests: { preview: async () => { throw new Error('not used'); } },
    clock: new ManualClock('2026-07-02T09:00:00Z'),
    logger: silentLogger,
    defaults: { interests: 'x', sources: [], size: 5, threshold: 0.1, time: '09:00', tz: 'UTC', days: [1] },
    llmConfigured: true,
  });
  const chat = new FakeChatAdapter();
  await chat.start(core);
  const channel = channelRef('BENCH');
  const toPlaceholder: number[] = [];
  const toAnswer: number[] = [];
  for (const q of set.questions.slice(0, 5)) {
    const thread = await chat.post(channel, { kind: 'text', text: q.paper });
    await store.rememberPost(thread.key, { kind: 'digest-paper', channelKey: channel.key, date: '2026-07-02', paperIds: [q.paper] });
    const asked = performance.now();
    const seen = chat.placeholderAt.length;
    await chat.threadMessage(thread, q.question);
    toAnswer.push(performance.now() - asked);
    if (chat.placeholderAt.length > seen) toPlaceholder.push(chat.placeholderAt.at(-1)! - asked);
  }
  await slow.close();

  const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : NaN);
  const lines = [
    `labeled questions: ${set.questions.length} over ${papers.length} papers; off-topic: ${set.offTopic.length}`,
    `right section among the chunks sent:        ${pct(sectionSent, set.questions.length)}`,
    `model evidence contains the answering text: ${pct(evidenceHasPassage, set.questions.length)}`,
    `extractive answer quotes the right sentence with its section: ${pct(quoted, set.questions.length)}${misses.length ? `  (missed: ${misses.join(' | ')})` : ''}`,
    `off-topic thread questions citing nothing:  ${pct(silentOffTopic, set.offTopic.length)}`,
    `off-topic ask across papers citing nothing: ${pct(askSilent, set.offTopic.length)}`,
    `prompt tokens per question (model path):    ${Math.round(promptTokens)}`,
    `slow fake model (${SLOW_MODEL_MS} ms): placeholder after ${Math.round(median(toPlaceholder))} ms median (${toPlaceholder.length}/${toAnswer.length} asked), answer after ${Math.round(median(toAnswer))} ms median`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  await corpus.close();
  await store.close();
  await arxiv.close();
  await rm(dir, { recursive: true, force: true });
}

await main();
