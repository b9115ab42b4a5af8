// The real BotCore every contract harness wires its adapter to: a SQLite bot store and a SQLite
// corpus in a temp directory, the extractive answerer (no LLM; it can be made slow), and two
// test-controlled ports — a previewer whose `today` can be made slow, and a switch that makes the next subscription read
// fail like an unreachable database (with a secret in the error text).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Answerer, BotCore, BotStore, ChatAdapter, DigestPreviewer, PaperCorpus } from '../../../src/ports.js';
import type { ChannelRef, Digest, Paper, ThreadRef } from '../../../src/types.js';
import { createBotCore } from '../../../src/bot/create-bot.js';
import { createExtractiveAnswerer } from '../../../src/qa/extractive.js';
import { paperCard } from '../../../src/commands/paper-card.js';
import { postDigest, type PostResult } from '../../../src/digest/post-digest.js';
import { loadRun } from '../../../src/digest/run-state.js';
import { createBotStore } from '../../../src/store/index.js';
import { openCorpus } from '../../../src/corpus/index.js';
import { systemClock } from '../../../src/clock.js';
import { silentLogger } from '../../../src/logger.js';
import { LORA, MEMORY, VIDEO } from '../../bot/sample-papers.js';

/** A title that tries markup, mentions, a masked link and terminal control on every platform. */
export const HOSTILE_TITLE = 'Attention <!channel> <@U123> @everyone **bold** [click](https://evil.example) \u001b[2J& more';

/** A stored paper with the hostile title. */
export const HOSTILE: Paper = {
  ...LORA,
  id: '2406.09999',
  title: HOSTILE_TITLE,
  links: { abs: 'https://arxiv.org/abs/2406.09999' },
};

/** The papers in the corpus, in the rank order the digest case posts them. */
export const CORPUS_PAPERS: readonly Paper[] = [MEMORY, LORA, VIDEO, HOSTILE];

/** Text of the error the failing store throws: a URL with a password, as a driver would report it. */
export const STORE_SECRET = 'hunter2-db-password';

/** What a harness gets: the core to start its adapter with, and the state behind it. */
export interface ContractBot {
  core: BotCore;
  store: BotStore;
  corpus: PaperCorpus;
  /** Milliseconds the `today` preview takes (0 by default). */
  previewDelayMs: number;
  /** Milliseconds a thread answer takes on top of the extractive answerer's own time (0 by default). */
  answerDelayMs: number;
  /** The next subscription read throws like an unreachable database. */
  failNextSubscriptionRead(): void;
  /** The next command makes the core itself throw, past its own error handling (a bug): the adapter's last line of defence. */
  crashNextCommand(): void;
  /**
   * Posts a digest of `papers` (rank order) to `channel` through `adapter` with the real digest
   * poster (exactly-once run state, post records for threads and feedback); resolves with the
   * poster's result and the refs of the header (index 0) and of each paper (index = rank).
   */
  postDigest(adapter: ChatAdapter, channel: ChannelRef, papers?: readonly Paper[]): Promise<{ result: PostResult; refs: ThreadRef[]; digest: Digest }>;
  close(): Promise<void>;
}

/** `store` whose next subscription read fails like an unreachable database once `fail()` is called. */
function failableStore(real: BotStore): { store: BotStore; fail: () => void } {
  let failNext = false;
  // Only getSubscription is intercepted; every other member is the real store's.
  const store = new Proxy(real, {
    get(target, prop, receiver) {
      if (prop === 'getSubscription') {
        return async (key: string) => {
          if (!failNext) return target.getSubscription(key);
          failNext = false;
          throw new Error(`connect ECONNREFUSED postgres://paperbot:${STORE_SECRET}@db.internal:5432/paperbot`);
        };
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store, fail: () => (failNext = true) };
}

const today = () => new Date().toISOString().slice(0, 10);
const card = (p: Paper) => ({ ...paperCard(p), why: 'matches your interests' });

/** Opens the store and corpus in a fresh temp directory and builds the core over them. */
export async function startContractBot(): Promise<ContractBot> {
  const dir = mkdtempSync(join(tmpdir(), 'paperbot-contract-'));
  const realStore = await createBotStore(`sqlite://${join(dir, 'paperbot.sqlite')}`, silentLogger);
  const corpus = await openCorpus(`sqlite://${join(dir, 'papers.sqlite')}`);
  await corpus.upsertPapers([...CORPUS_PAPERS]);
  const { store, fail } = failableStore(realStore);
  // The ports below read the delays from `bot` when called, so a case can change them at any time.
  const digests: DigestPreviewer = {
    async preview(sub) {
      if (bot.previewDelayMs) await sleep(bot.previewDelayMs);
      return { date: today(), channelKey: sub.channel.key, interests: sub.interests, totalNew: 2, items: [MEMORY, LORA].map(card), notes: [] };
    },
  };
  const extractive = createExtractiveAnswerer({ corpus });
  const answerer: Answerer = {
    async answerAboutPapers(question, papers, history) {
      if (bot.answerDelayMs) await sleep(bot.answerDelayMs);
      return extractive.answerAboutPapers(question, papers, history);
    },
    askCorpus: (question) => extractive.askCorpus(question),
  };
  const realCore = createBotCore({
    store,
    corpus,
    answerer,
    digests,
    clock: systemClock,
    logger: silentLogger,
    defaults: { interests: 'language models', sources: ['hf'], size: 5, threshold: 0.1, time: '09:00', tz: 'UTC', days: [1, 2, 3, 4, 5] },
    llmConfigured: false,
  });
  let crashNext = false;
  const core: BotCore = {
    handleCommand(cmd) {
      if (!crashNext) return realCore.handleCommand(cmd);
      crashNext = false;
      return Promise.reject(new Error(`invariant broken while reading postgres://paperbot:${STORE_SECRET}@db.internal:5432/paperbot`));
    },
    handleThreadMessage: (msg, progress) => realCore.handleThreadMessage(msg, progress),
    handleFeedback: (event) => realCore.handleFeedback(event),
  };
  const bot: ContractBot = {
    core,
    store,
    corpus,
    previewDelayMs: 0,
    answerDelayMs: 0,
    failNextSubscriptionRead: fail,
    crashNextCommand: () => {
      crashNext = true;
    },
    async postDigest(adapter, channel, papers = CORPUS_PAPERS) {
      const sub = await realStore.getSubscription(channel.key);
      if (!sub) throw new Error(`contract: subscribe ${channel.key} before posting a digest`);
      const digest: Digest = { date: today(), channelKey: channel.key, interests: sub.interests, totalNew: papers.length, items: papers.map(card), notes: [] };
      const result = await postDigest({ store, adapter, sub, digest, logger: silentLogger, clock: systemClock });
      const run = await loadRun(store.kv, channel.key, digest.date);
      return { result, refs: (run?.refs ?? []).filter((r): r is ThreadRef => Boolean(r)), digest };
    },
    async close() {
      await realStore.close();
      await corpus.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return bot;
}

/** `count` papers with long titles and TL;DRs, to push each platform's message limits. */
export function longPapers(count: number): Paper[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    return {
      id: `2406.200${n}`,
      title: `Long paper ${n}: ${'scaling laws for very long context retrieval augmented generation '.repeat(5).trim()}`,
      abstract: `Paper ${n}. ${'We study long inputs and report many numbers on many benchmarks. '.repeat(60)}`,
      aiSummary: `Summary ${n}: ${'a long summary sentence about retrieval and memory. '.repeat(40)}`,
      authors: Array.from({ length: 30 }, (_, a) => `Author Number${a} Surname${n}`),
      categories: ['cs.CL'],
      links: { abs: `https://arxiv.org/abs/2406.200${n}` },
      signals: { upvotes: 100 - i },
      sources: ['hf'],
    };
  });
}
