import type { Answerer, BotStore, Clock, DigestPreviewer, ExpensiveWork, Logger, PaperCorpus, PaperLookup } from '../ports.js';
import type { BotDefaults, PlatformName } from '../types.js';

/** Everything the platform-neutral BotCore needs. Each member is a port, so tests build it from fakes. */
export interface BotDeps {
  /** Bot state: subscriptions, channel memory, feedback. */
  store: BotStore;
  /** The papers and their full-text search. */
  corpus: PaperCorpus;
  /** arXiv lookup for `paper <id>` and thin searches; without it only stored papers are found. */
  lookup?: PaperLookup;
  answerer: Answerer;
  digests: DigestPreviewer;
  clock: Clock;
  logger: Logger;
  defaults: BotDefaults;
  /** True when a language model is configured (answers and help say so otherwise). */
  llmConfigured: boolean;
  /** How long a thread answer may take before the bot says it ran out of time (default 30 s). */
  answerTimeoutMs?: number;
  /** Limits on expensive work (today, ask, unknown-id lookups, thread questions); default DEFAULT_LIMITS. */
  work?: ExpensiveWork;
  /**
   * True when whoever types on `platform` runs paperbot (its descriptor's `localOperator`: the
   * terminal), so may point it at local files. Default: nobody may.
   */
  localOperator?(platform: PlatformName): boolean;
}
