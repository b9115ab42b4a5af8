// LLM token figures: a synthetic 500-paper day ranked for 4 channels with different interests
// against the fake OpenAI-compatible server (usage = chars/4, like approxTokens), compared with
// the naive design where every paper is judged for every channel. Also: the same day run again
// must cost 0 new summary tokens. Runnable alone: `node bin/run-ts.mjs bench/llm-tokens.ts`.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InterestProfile, Paper, RankedPaper } from '../src/types.js';
import { createOpenAiLlm } from '../src/llm/openai-llm.js';
import { createTokenLedger } from '../src/llm/token-ledger.js';
import { createLlmStages } from '../src/digest/model-stages.js';
import { renderJudgePrompt, renderInterests, JUDGE_BATCH_SIZE } from '../src/rank/llm-judge.js';
import { renderPrompt } from '../src/llm/prompts.js';
import { paperBlock } from '../src/llm/untrusted.js';
import { chunk } from '../src/llm/run-batches.js';
import { SUMMARY_BATCH_SIZE } from '../src/digest/summaries.js';
import { approxTokens } from '../src/llm/tokens.js';
import { silentLogger } from '../src/logger.js';
import { createMemoryBotStore } from '../src/store/index.js';
import type { RenderedPrompt, Store } from '../src/ports.js';
import { startFakeOpenAiServer, fakeTokens, type FakeOpenAiServer } from '../test/fakes/fake-openai-server.js';
import { paperbotResponder, promptOf } from '../test/llm/support/responder.js';
import { makeCorpus, CORPUS_END } from './corpus.js';
import { optionalImport, type BenchContext, type BenchSection, type Figure } from './types.js';

type RankModule = { rankLexical(papers: Paper[], profile: InterestProfile, options?: { now?: Date }): RankedPaper[] };

const DAY_PAPERS = 500;
const SHORTLIST = 30;
const DIGEST_SIZE = 5;
const THRESHOLD = 0.1;

/** Four channels with different interests. */
export const BENCH_CHANNELS: Array<{ key: string; profile: InterestProfile }> = [
  { key: 'bench:llm', profile: { interests: 'large language models, reasoning, agents', include: ['reasoning'], exclude: [], follow: [], feedback: [] } },
  { key: 'bench:vision', profile: { interests: 'diffusion models, image and video generation', include: [], exclude: ['medical'], follow: [], feedback: [] } },
  { key: 'bench:efficiency', profile: { interests: 'efficient inference, quantization, sparse attention, distillation', include: [], exclude: [], follow: [], feedback: [] } },
  { key: 'bench:rl', profile: { interests: 'reinforcement learning, reward models, robotics policies', include: [], exclude: [], follow: [], feedback: [] } },
];

/** Token counts by prompt kind. */
export interface TokenBreakdown {
  judge: number;
  summarize: number;
  themes: number;
  /** Sum of the three. */
  prompt: number;
  completion: number;
  calls: number;
}

/** What the benchmark measured. */
export interface LlmTokensResult {
  papers: number;
  channels: number;
  /** Our design, first run of the day (prompt tokens by kind). */
  ours: TokenBreakdown;
  /** The naive design: every paper judged for every channel, each channel summarizing its own papers. */
  naive: TokenBreakdown;
  /** ours.prompt / naive.prompt (target ≤ 0.1). */
  ratio: number;
  /** The same day run again on the same store. */
  rerun: TokenBreakdown;
  /** Our design with PAPERBOT_EMBEDDING_MODEL set: chat prompt tokens and embedding input tokens. */
  withEmbeddings: { chatPrompt: number; embeddingInput: number; embeddingInputRerun: number };
}

const promptTokens = (p: RenderedPrompt) => approxTokens(p.system) + approxTokens(p.user);

function breakdown(server: FakeOpenAiServer, from: number): TokenBreakdown {
  const b: TokenBreakdown = { judge: 0, summarize: 0, themes: 0, prompt: 0, completion: 0, calls: 0 };
  for (const req of server.chatRequests.slice(from)) {
    const tokens = req.messages.reduce((n, m) => n + fakeTokens(m.content), 0);
    const kind = promptOf(req) as 'judge' | 'summarize' | 'themes';
    if (kind in b) b[kind] += tokens;
    b.prompt += tokens;
    b.calls += 1;
  }
  return b;
}

/** One digest run per channel through the model stages; returns the papers each channel shows. */
async function runDay(
  server: FakeOpenAiServer,
  kv: Store,
  lexicalByChannel: Map<string, RankedPaper[]>,
  embeddingModel?: string,
): Promise<Map<string, Paper[]>> {
  const ledger = createTokenLedger({ kv });
  const llm = createOpenAiLlm(
    { apiKey: 'bench', baseURL: server.baseURL, model: 'bench-model', summaryModel: 'bench-model', timeoutMs: 30_000, shortlistSize: SHORTLIST },
    { logger: silentLogger, meter: ledger },
  );
  const shown = new Map<string, Paper[]>();
  for (const { key, profile } of BENCH_CHANNELS) {
    const stages = createLlmStages({
      llm,
      kv,
      logger: silentLogger,
      shortlistSize: SHORTLIST,
      embeddings: embeddingModel ? { embedder: llm, model: embeddingModel } : undefined,
    });
    const { ranked, notes } = await stages.rerank!(lexicalByChannel.get(key)!, profile, { channelKey: key, date: CORPUS_END });
    if (notes.length) throw new Error(`bench: unexpected degraded ranking: ${notes.map((n) => n.text).join('; ')}`);
    const papers = ranked.filter((r) => r.score >= THRESHOLD && r.score > 0).slice(0, DIGEST_SIZE).map((r) => r.paper);
    await stages.summarize!(papers);
    shown.set(key, papers);
  }
  return shown;
}

/**
 * The naive design's prompt tokens, by rendering its prompts with the same templates: every paper
 * judged for every channel, and each channel summarizing its own shown papers (no shared cache).
 * The themes line is the same in both designs, so it is counted as ours.
 */
function naiveTokens(day: Paper[], shown: Map<string, Paper[]>, themes: number): TokenBreakdown {
  const b: TokenBreakdown = { judge: 0, summarize: 0, themes: 0, prompt: 0, completion: 0, calls: 0 };
  for (const { key, profile } of BENCH_CHANNELS) {
    const interests = renderInterests(profile);
    for (const batch of chunk(day, JUDGE_BATCH_SIZE)) {
      b.judge += promptTokens(renderJudgePrompt(batch, interests));
      b.calls++;
    }
    const papers = shown.get(key) ?? [];
    for (const batch of chunk(papers, SUMMARY_BATCH_SIZE)) {
      b.summarize += promptTokens(
        renderPrompt('summarize', { count: batch.length, papers: batch.map((p) => paperBlock(p, { authors: 0 })).join('\n\n') }),
      );
      b.calls++;
    }
  }
  b.themes = themes;
  b.calls += BENCH_CHANNELS.filter((c) => (shown.get(c.key)?.length ?? 0) >= 2).length;
  b.prompt = b.judge + b.summarize + b.themes;
  return b;
}

/**
 * Runs the LLM token benchmark and returns its figures (`log` gets a printable summary).
 * Resolves undefined when src/rank/lexical.ts is not there yet.
 */
export async function runLlmTokensBench(
  options: { log?: (line: string) => void; rankLexical?: RankModule['rankLexical'] } = {},
): Promise<LlmTokensResult | undefined> {
  const mod = options.rankLexical ? { rankLexical: options.rankLexical } : await optionalImport<RankModule>('src/rank/lexical.js');
  if (!mod) return undefined;
  const day = makeCorpus(DAY_PAPERS, 2026).map((p) => ({ ...p, listedOn: CORPUS_END }));
  const now = new Date(`${CORPUS_END}T12:00:00Z`);
  const lexicalByChannel = new Map(BENCH_CHANNELS.map((c) => [c.key, mod.rankLexical(day, c.profile, { now })]));

  const server = await startFakeOpenAiServer({ chat: paperbotResponder() });
  const store = createMemoryBotStore();
  const embeddingStore = createMemoryBotStore();
  try {
    const shown = await runDay(server, store.kv, lexicalByChannel);
    const ours = breakdown(server, 0);
    ours.completion = server.usage.completion;

    const mark = server.chatRequests.length;
    const completionMark = server.usage.completion;
    await runDay(server, store.kv, lexicalByChannel);
    const rerun = breakdown(server, mark);
    rerun.completion = server.usage.completion - completionMark;

    const naive = naiveTokens(day, shown, ours.themes);

    const chatMark = server.chatRequests.length;
    const embMark = server.embeddingUsage.prompt;
    await runDay(server, embeddingStore.kv, lexicalByChannel, 'bench-embedding');
    const withEmb = breakdown(server, chatMark);
    const embeddingInput = server.embeddingUsage.prompt - embMark;
    await runDay(server, embeddingStore.kv, lexicalByChannel, 'bench-embedding');
    const embeddingInputRerun = server.embeddingUsage.prompt - embMark - embeddingInput;

    const result: LlmTokensResult = {
      papers: day.length,
      channels: BENCH_CHANNELS.length,
      ours,
      naive,
      ratio: ours.prompt / naive.prompt,
      rerun,
      withEmbeddings: { chatPrompt: withEmb.prompt, embeddingInput, embeddingInputRerun },
    };
    const log = options.log ?? (() => {});
    log(`LLM tokens: ${result.papers} papers, ${result.channels} channels, shortlist ${SHORTLIST}, digest size ${DIGEST_SIZE}`);
    log(`  ours:  prompt ${ours.prompt} (judge ${ours.judge}, summaries ${ours.summarize}, themes ${ours.themes}), completion ${ours.completion}, ${ours.calls} calls`);
    log(`  naive: prompt ${naive.prompt} (judge ${naive.judge}, summaries ${naive.summarize}, themes ${naive.themes}), ${naive.calls} calls`);
    log(`  ours / naive = ${result.ratio.toFixed(3)} (target ≤ 0.100) ${result.ratio <= 0.1 ? 'ok' : 'MISSED'}`);
    log(`  same day again: prompt ${rerun.prompt} (summaries ${rerun.summarize}, judge ${rerun.judge}, themes ${rerun.themes}), ${rerun.calls} calls`);
    log(`  with embeddings: chat prompt ${withEmb.prompt}, embedding input ${embeddingInput} (again: ${embeddingInputRerun})`);
    return result;
  } finally {
    await server.close();
    await store.close();
    await embeddingStore.close();
  }
}

/** The bench section for bench/run.ts (SECTIONS). Uses its own 500-paper day, not ctx.papers. */
export const llmTokensSection: BenchSection = {
  name: 'llm tokens',
  async run(ctx: BenchContext): Promise<Figure[]> {
    ctx.progress('llm tokens: 500-paper day × 4 channels against the fake OpenAI server');
    const r = await runLlmTokensBench();
    if (!r) return [{ label: 'llm tokens', value: 'skipped', note: 'src/rank/lexical.ts not there yet' }];
    return [
      { label: `prompt tokens, ours (${r.papers} papers × ${r.channels} channels)`, value: r.ours.prompt, unit: 'tok' },
      { label: 'prompt tokens, naive (every paper judged per channel)', value: r.naive.prompt, unit: 'tok' },
      { label: 'ours / naive prompt tokens', value: r.ratio, target: { max: 0.1 } },
      { label: 'same day again: new summary tokens', value: r.rerun.summarize, unit: 'tok', target: { max: 0 } },
      { label: 'same day again: all new prompt tokens', value: r.rerun.prompt, unit: 'tok' },
      { label: 'with embeddings: chat prompt tokens', value: r.withEmbeddings.chatPrompt, unit: 'tok' },
      { label: 'with embeddings: embedding input tokens (first run / again)', value: `${r.withEmbeddings.embeddingInput} / ${r.withEmbeddings.embeddingInputRerun} tok` },
    ];
  },
};

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await runLlmTokensBench({ log: (line) => console.log(line) });
  if (!r) console.log('llm tokens: skipped (src/rank/lexical.ts not there yet)');
}
