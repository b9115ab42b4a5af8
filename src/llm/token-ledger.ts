// Counts model tokens per call, per run (in memory) and per UTC day (in the store), and refuses
// calls once the day's budget is spent so callers degrade instead of overspending.
import { LlmUnavailableError } from '../errors.js';
import type { Clock, LlmUsage, Logger, Store } from '../ports.js';
import * as keys from '../store-keys.js';
import type { LlmMeter } from './openai-llm.js';

/** Token figures: chat prompt and completion tokens, embedding input tokens, and HTTP calls. */
export interface TokenFigures {
  prompt: number;
  completion: number;
  embedding: number;
  calls: number;
}

/** The daily token budget is spent: no more model calls today. */
export class BudgetExhaustedError extends LlmUnavailableError {
  constructor(
    readonly used: number,
    readonly budget: number,
    readonly date: string,
  ) {
    super(`daily token budget reached (${used} of ${budget} tokens used on ${date} UTC)`);
  }
}

/**
 * A meter that also reports what was counted. As a meter it serves digest work (judge, summaries,
 * themes, embeddings), which stops at the budget minus the share reserved for questions;
 * `questions` is the meter for answers, which may use the whole budget.
 */
export interface TokenLedger extends LlmMeter {
  /** The cap on prompt+completion+embedding tokens per UTC day, when set. */
  readonly dailyBudget: number | undefined;
  /** Tokens of the daily budget only questions may use (0 without a budget). */
  readonly questionReserve: number;
  /** The meter for question answering: counts into the same day, capped by the whole budget. */
  readonly questions: LlmMeter;
  /** Everything this ledger counted since it was created (one process or one run). */
  totals(): TokenFigures;
  /** What the store says was used on the current UTC day (all processes sharing the store). */
  today(): Promise<TokenFigures>;
  /** True when today's usage has reached the budget. */
  exhausted(): Promise<boolean>;
}

/** What a ledger needs. */
export interface TokenLedgerDeps {
  kv: Store;
  clock?: Clock;
  /** PAPERBOT_DAILY_TOKEN_BUDGET; undefined means uncapped (still counted). */
  dailyBudget?: number;
  /** PAPERBOT_QUESTION_BUDGET_SHARE: the share (0–1) of the budget kept for questions (default 0.2). */
  questionShare?: number;
  logger?: Logger;
}

/** Default share of the daily budget kept for questions. */
export const DEFAULT_QUESTION_SHARE = 0.2;

/** A zeroed figure set. */
export const noTokens = (): TokenFigures => ({ prompt: 0, completion: 0, embedding: 0, calls: 0 });

/** `after - before`, field by field: what a stretch of work used (e.g. one digest run). */
export function tokensBetween(before: TokenFigures, after: TokenFigures): TokenFigures {
  return {
    prompt: after.prompt - before.prompt,
    completion: after.completion - before.completion,
    embedding: after.embedding - before.embedding,
    calls: after.calls - before.calls,
  };
}

/** Sum of every kind of token in a figure set (what the budget caps). */
export function totalTokens(f: TokenFigures): number {
  return f.prompt + f.completion + f.embedding;
}

/**
 * Creates a ledger over the store's kv (key per UTC date from src/store-keys.ts, TTL.tokens).
 * Daily counters are read-modify-write; writes from this process are serialized, while
 * concurrent processes may undercount slightly, which a budget tolerates.
 */
export function createTokenLedger(deps: TokenLedgerDeps): TokenLedger {
  const clock = deps.clock ?? { now: () => new Date() };
  const run = noTokens();
  let chain: Promise<unknown> = Promise.resolve();
  const dayKey = () => {
    const date = clock.now().toISOString().slice(0, 10);
    return { date, key: keys.tokens(date) };
  };
  const readDay = async (key: string): Promise<TokenFigures> => ({ ...noTokens(), ...((await deps.kv.get<TokenFigures>(key)) ?? {}) });

  const questionReserve = deps.dailyBudget ? Math.floor(deps.dailyBudget * (deps.questionShare ?? DEFAULT_QUESTION_SHARE)) : 0;
  /** Throws BudgetExhaustedError once today's usage reaches `cap`. */
  const check = async (cap: number) => {
    await chain;
    const { date, key } = dayKey();
    const used = totalTokens(await readDay(key));
    if (used >= cap) throw new BudgetExhaustedError(used, cap, date);
  };

  const ledger: TokenLedger = {
    dailyBudget: deps.dailyBudget,
    questionReserve,
    questions: {
      async beforeCall() {
        if (deps.dailyBudget) await check(deps.dailyBudget);
      },
      record: (usage, kind) => ledger.record(usage, kind),
    },
    totals: () => ({ ...run }),
    async today() {
      await chain;
      return readDay(dayKey().key);
    },
    async exhausted() {
      if (!deps.dailyBudget) return false;
      return totalTokens(await this.today()) >= deps.dailyBudget;
    },
    async beforeCall() {
      if (deps.dailyBudget) await check(deps.dailyBudget - questionReserve);
    },
    async record(usage: LlmUsage, kind: 'chat' | 'embedding') {
      const add = (f: TokenFigures) => {
        if (kind === 'embedding') f.embedding += usage.prompt;
        else {
          f.prompt += usage.prompt;
          f.completion += usage.completion;
        }
        f.calls += 1;
      };
      add(run);
      const { key } = dayKey();
      const write = chain.then(async () => {
        const day = await readDay(key);
        add(day);
        await deps.kv.set(key, day, keys.TTL.tokens);
      });
      chain = write.catch((err: unknown) => deps.logger?.warn('could not store token counts', { error: String(err) }));
      await chain;
    },
  };
  return ledger;
}
