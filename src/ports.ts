// The core's contracts: every boundary the core talks through. Interfaces only.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Command } from 'commander';
import type { z } from 'zod';
import type { EnvKit } from './env-schema.js';
import type {
  ChannelRef,
  Citation,
  Config,
  Digest,
  DigestNote,
  CommandInvocation,
  Feedback,
  FeedbackEvent,
  InterestProfile,
  MessageRef,
  Outbound,
  Paper,
  PlatformName,
  PostedMessage,
  RankedPaper,
  SourceQuery,
  SourceResult,
  Subscription,
  ThreadMessage,
  ThreadRef,
  ThreadTurn,
} from './types.js';

// ============================================================================ Chat

/** Implemented by the core (src/bot/) and handed to each adapter at start. */
export interface BotCore {
  /** Run a slash command. The adapter has already acknowledged the platform. Never throws. */
  handleCommand(cmd: CommandInvocation): Promise<Outbound>;
  /**
   * A message in a thread. Resolves null when the thread is not one of ours: stay silent. When
   * `progress` is given and answering will take a while, the core first calls
   * `progress.placeholder` with a short "working on it" message; the adapter shows it at once
   * and then edits the resolved answer into it.
   */
  handleThreadMessage(msg: ThreadMessage, progress?: ThreadProgress): Promise<Outbound | null>;
  /** A 👍/👎 on a message the bot posted. Unknown messages are ignored. */
  handleFeedback(event: FeedbackEvent): Promise<void>;
}

/** How the core shows that a thread answer is on its way. */
export interface ThreadProgress {
  /** Show `message` in the thread now; the answer will replace it. Rejections are ignored. */
  placeholder(message: Outbound): Promise<void>;
}

/** Implemented by adapters/slack, adapters/discord, adapters/console. */
export interface ChatAdapter {
  readonly platform: PlatformName;
  /** Connect and begin delivering events to `core`. Resolves once connected. */
  start(core: BotCore): Promise<void>;
  /** Disconnect; safe to call twice. */
  stop(): Promise<void>;
  /**
   * Post at channel top level; returns the ref replies to this post will arrive on.
   * Throws ChannelUnavailableError when the channel is gone or closed to the bot.
   */
  post(channel: ChannelRef, message: Outbound): Promise<ThreadRef>;
  /** Reply inside an existing thread; returns the reply's ref so it can be edited. */
  reply(thread: ThreadRef, message: Outbound): Promise<MessageRef>;
  /** Replace the content of a message the bot sent (Slack chat.update, Discord message edit). */
  edit(message: MessageRef, content: Outbound): Promise<void>;
}

// ============================================================================ Papers

/** Where papers come from. Each configured source name maps to one instance. */
export interface PaperSource {
  /** The name as written in PAPERBOT_SOURCES (e.g. "hf", "arxiv:cs.LG"). */
  readonly name: string;
  /**
   * Fetch papers for the query, one entry per paper id (latest version). A quiet day resolves
   * with `quiet: true`; failures reject with SourceError (the caller turns them into notes).
   */
  fetch(query: SourceQuery): Promise<SourceResult>;
}

/** Looks papers up by id or text on arXiv (used by `paper <id>` when the store misses). */
export interface PaperLookup {
  /** Papers for the given canonical ids; unknown ids are simply absent. */
  byIds(ids: string[]): Promise<Paper[]>;
  /** Papers matching a free-text query, most relevant first. */
  byQuery(text: string, maxResults?: number): Promise<Paper[]>;
}

// ============================================================================ LLM

/** A prompt file rendered with its variables. `version` is part of every cache key. */
export interface RenderedPrompt {
  name: string;
  version: string;
  system: string;
  user: string;
}

/** Tokens one call used, from the server's `usage`. */
export interface LlmUsage {
  prompt: number;
  completion: number;
}

/** One structured model call. Output is validated against `schema` or LlmOutputError is thrown. */
export interface Llm {
  /** Model name used for cache keys. */
  readonly model: string;
  generate<T>(req: {
    prompt: RenderedPrompt;
    schema: z.ZodType<T>;
    maxOutputTokens?: number;
    signal?: AbortSignal;
    /** Sampling for repeatable answers (the judge sends temperature 0 and a fixed seed). */
    sampling?: Sampling;
  }): Promise<{ data: T; usage: LlmUsage }>;
}

/** Sampling parameters a call may fix; servers that ignore `seed` simply do. */
export interface Sampling {
  temperature?: number;
  seed?: number;
}

/** Vectors for texts, in input order, with the tokens they cost. */
export interface EmbeddingResult {
  vectors: number[][];
  usage: LlmUsage;
}

/** Turns texts into vectors (the OpenAI-compatible client implements this); ranking and answers use it. */
export interface Embedder {
  embed(texts: string[], model: string, options?: { signal?: AbortSignal }): Promise<EmbeddingResult>;
}

// ============================================================================ State

/** Key-value state. Keys come only from src/store-keys.ts. */
export interface Store {
  get<T>(key: string): Promise<T | undefined>;
  getMany<T>(keys: string[]): Promise<Array<T | undefined>>;
  set<T>(key: string, value: T, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Set only when absent; true when this call set it (used for locks and de-duplication). */
  setIfAbsent<T>(key: string, value: T, ttlMs?: number): Promise<boolean>;
  /**
   * Optional: delete `key` only while it holds `value`, atomically (Redis: one compare-and-delete
   * script); true when deleted. Lock release uses it when present, else read-compare-delete.
   */
  deleteIfEquals?<T>(key: string, value: T): Promise<boolean>;
  /**
   * Optional: reset `key`'s time to live to `ttlMs` only while it holds `value`, atomically
   * (Redis: one compare-and-PEXPIRE script); true when extended. Lock renewal uses it when present.
   */
  extendIfEquals?<T>(key: string, value: T, ttlMs: number): Promise<boolean>;
  /** Close connections; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Expiring claims, each call one atomic step on the server (paperbot's own stores offer them as
 * their records; the scheduler's locks use them when present).
 */
export interface Claims {
  /** Takes `key` for `owner` when it is free or its claim expired; true when this call took it. */
  claim(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Who holds `key` now (undefined when free or expired). */
  claimOwner(key: string): Promise<string | undefined>;
  /** Restarts the claim's ttl only while `owner` still holds it; true when renewed. */
  renewClaim(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Frees `key` only while `owner` still holds it; true when freed. */
  releaseClaim(key: string, owner: string): Promise<boolean>;
}

/** A lock this process holds. */
export interface HeldLock {
  readonly name: string;
  readonly key: string;
  readonly owner: string;
  /** True while the store still maps the lock to this owner (false once lost or released). */
  isHeld(): Promise<boolean>;
  /** Stops renewing and releases the lock if this owner still holds it; safe to call twice. */
  release(): Promise<void>;
}

/** Named expiring locks shared by every process on the same store (src/scheduler/lock.ts implements it). */
export interface LockService {
  /** This process's owner id (host, pid and a random suffix). */
  readonly ownerId: string;
  /** Takes the lock, or resolves undefined when someone else holds it. */
  acquire(name: string, ttlMs?: number): Promise<HeldLock | undefined>;
  /** Releases every lock this service still holds (shutdown). */
  releaseAll(): Promise<void>;
}

/**
 * Settings to change on a subscription; a property given as undefined is removed. Example papers
 * (`likes`) are not settings: they change one by one (addExamples, removeExamples).
 */
export type SubscriptionPatch = { [K in Exclude<keyof Subscription, 'channel' | 'likes'>]?: Subscription[K] | undefined };

/** Most example papers a channel keeps; adding past it drops the earliest added, atomically. */
export const MAX_EXAMPLE_PAPERS = 50;

/** Per-channel subscriptions. Every write is atomic across processes sharing the store. */
export interface SubscriptionRepository {
  getSubscription(channelKey: string): Promise<Subscription | undefined>;
  /** Creates or replaces one channel's subscription (never touches another channel's). */
  saveSubscription(sub: Subscription): Promise<void>;
  /**
   * Changes only the fields in `patch`, atomically: concurrent updates of different fields all
   * stick. Resolves the stored result, or undefined (nothing written) when not subscribed.
   */
  updateSubscription(channelKey: string, patch: SubscriptionPatch): Promise<Subscription | undefined>;
  /**
   * Adds example papers to the channel's set, one atomic step per call: concurrent additions all
   * stick, an id already there keeps its place, and past MAX_EXAMPLE_PAPERS the earliest added go.
   */
  addExamples(channelKey: string, paperIds: string[]): Promise<void>;
  /** Removes example papers from the channel's set, each on its own (no error when absent). */
  removeExamples(channelKey: string, paperIds: string[]): Promise<void>;
  /** Removes the subscription and its example papers. */
  deleteSubscription(channelKey: string): Promise<void>;
  listSubscriptions(): Promise<Subscription[]>;
}

/** Per-channel memory: seen papers, feedback, posted messages and thread turns. */
export interface ChannelStateRepository {
  seenPaperIds(channelKey: string): Promise<Set<string>>;
  markSeen(channelKey: string, paperIds: string[]): Promise<void>;
  /** Records feedback; a later vote by the same user on the same paper replaces the earlier one. */
  addFeedback(channelKey: string, feedback: Feedback): Promise<void>;
  removeFeedback(channelKey: string, paperId: string, userId: string): Promise<void>;
  listFeedback(channelKey: string): Promise<Feedback[]>;
  rememberPost(messageKey: string, posted: PostedMessage): Promise<void>;
  getPost(messageKey: string): Promise<PostedMessage | undefined>;
  appendTurn(threadKey: string, turn: ThreadTurn): Promise<void>;
  /** The thread's turns, oldest first. */
  getTurns(threadKey: string): Promise<ThreadTurn[]>;
}

/** Bot state (not papers: those live in the PaperCorpus), behind one object. */
export interface BotStore extends SubscriptionRepository, ChannelStateRepository {
  /** The raw key-value store, for modules with their own keys (caches, runs, locks). */
  readonly kv: Store;
  /**
   * Optional: resolves when the store answers and can still be written (a deleted or read-only
   * SQLite file fails it); rejects otherwise. /healthz uses it when present.
   */
  probe?(): Promise<void>;
  close(): Promise<void>;
}

/** A hit from the corpus's full-text search. `score` is relative within one result list. */
export interface SearchHit {
  id: string;
  score: number;
  /** Query terms that matched (after stemming/normalization). */
  terms: string[];
}

// ============================================================================ Corpus

/** One section of a paper's full text, in reading order. */
export interface PaperSection {
  /** Position in the paper, 0-based. */
  ordinal: number;
  /** Heading path as printed, e.g. ["4 Experiments", "4.2 Training setup"]; empty for front matter. */
  headings: string[];
  /** Anchor in arXiv's HTML (e.g. "S4.SS2"), when the text came from there. */
  anchor?: string;
  /** Plain text: paragraphs separated by "\n\n", math as its alt text, no markup. */
  text: string;
}

/** Where a stored full text came from. `abstract` means neither HTML nor PDF could be had. */
export type FullTextOrigin = 'html' | 'pdf' | 'abstract';

/** A paper's full text as stored in the corpus. */
export interface FullText {
  paperId: string;
  /** arXiv version the text was read from, when known. */
  version?: number;
  origin: FullTextOrigin;
  /** Why HTML/PDF were not used (shown to users when the answer rests on the abstract). */
  note?: string;
  sections: PaperSection[];
  fetchedAt: string;
}

/** Gives answerers the full text of papers (src/fulltext/full-texts.ts implements it). */
export interface FullTexts {
  /** The paper's full text: stored, or fetched now (HTML, else PDF, else the abstract with a note). Never throws. */
  get(paper: Paper): Promise<FullText>;
}

/** A chunk of a section that matched a query. `score` is relative within one result list. */
export interface ChunkHit {
  paperId: string;
  /** Section ordinal the chunk belongs to. */
  section: number;
  /** Chunk number within the paper, 0-based, stable for a stored full text. */
  chunk: number;
  headings: string[];
  anchor?: string;
  text: string;
  score: number;
}

/**
 * The paper corpus: one row per canonical paper in a real database with its own full-text search
 * (SQLite + FTS5 on one host, PostgreSQL for several). Every process that opens the same URL sees
 * every write at once; nothing here loads the whole corpus into memory.
 */
export interface PaperCorpus {
  /** A human-readable location (file path, or host/database without credentials). */
  readonly location: string;
  /**
   * Insert or merge by canonical id in one transaction: the later version's text wins, sources and
   * categories union, signals update in place, the latest listing date is kept (see mergePaper). Returns how
   * many ids were new, how many rows changed, and the ids that were new or changed.
   */
  upsertPapers(papers: Paper[]): Promise<{ added: number; updated: number; changedIds: string[] }>;
  getPaper(id: string): Promise<Paper | undefined>;
  /** Papers for the ids that exist, in the order asked. */
  getPapers(ids: string[]): Promise<Paper[]>;
  /**
   * Papers announced (`listedOn`, else the published date) from `since` to `until` inclusive
   * (YYYY-MM-DD), newest first, at most `limit` (default 5,000).
   */
  papersListedBetween(since: string, until?: string, limit?: number): Promise<Paper[]>;
  /**
   * Full-text search over title (weighted highest), authors, then abstract; the last query word
   * also matches as a prefix. Best first, newer first on ties. `ids` restricts to those papers,
   * `since` to papers announced on or after that date.
   */
  search(query: string, options?: { limit?: number; ids?: string[]; since?: string }): Promise<SearchHit[]>;
  /** Stored ids starting with `prefix` (case-insensitive), newest first. */
  idsWithPrefix(prefix: string, limit: number): Promise<string[]>;
  /** Number of stored papers. */
  count(): Promise<number>;
  /**
   * Corpus term statistics for ranking: how many papers there are and, for each given word, how
   * many papers contain it (after the corpus's own stemming).
   */
  documentFrequencies(words: string[]): Promise<{ papers: number; df: Map<string, number> }>;
  /** The stored full text of a paper, if it was fetched before. */
  getFullText(paperId: string): Promise<FullText | undefined>;
  /** Stores a full text and its searchable chunks, replacing an older one of the same paper. */
  saveFullText(text: FullText): Promise<void>;
  /** Best chunks of the given papers' stored full texts for a query, best first. */
  searchChunks(paperIds: string[], query: string, limit: number): Promise<ChunkHit[]>;
  /** A cheap round trip; rejects with CorpusError when the database is unusable. */
  ping(): Promise<void>;
  /** Closes the database; safe to call twice. */
  close(): Promise<void>;
}

// ============================================================================ Use cases the bot calls

/** An answer to a question, grounded in papers. */
export interface Answer {
  text: string;
  citations: Citation[];
  /** True when the text is quoted sentences (no model), false for model prose. */
  extractive: boolean;
}

/** Answers questions. The extractive default needs no model; the LLM one is grounded and cited. */
export interface Answerer {
  /** Answer only from these papers; say plainly when they do not say. `history` is oldest first. */
  answerAboutPapers(question: string, papers: Paper[], history: ThreadTurn[]): Promise<Answer>;
  /** Retrieve from the stored corpus and answer citing [n]; refuse when nothing supports an answer. */
  askCorpus(question: string): Promise<Answer>;
}

/** Why expensive work was refused. */
export type Refusal = { refused: 'rate'; retryAfterMs: number } | { refused: 'busy' };

/** Runs expensive tasks within limits (src/limits/rate-limit.ts implements it). */
export interface ExpensiveWork {
  /**
   * Runs `task` for `userKey`, or resolves a Refusal (without running it) past a limit.
   * `pooled: false` applies only the per-user rate (for work bounded elsewhere, e.g. lookups).
   */
  run<T>(userKey: string, task: () => Promise<T>, options?: { pooled?: boolean }): Promise<T | Refusal>;
}

/**
 * The digest's model work for one run (src/digest/model-stages.ts implements it over the LLM layer);
 * when absent the digest is lexical with fallback TL;DRs.
 */
export interface ModelStages {
  /** Re-ranks a lexical ranking (shortlist judge). Must not throw: degrade with notes instead. */
  rerank?(
    ranked: RankedPaper[],
    profile: InterestProfile,
    context: { channelKey: string; date: string },
  ): Promise<{ ranked: RankedPaper[]; notes: DigestNote[] }>;
  /** TL;DRs for the papers that will be shown, and a themes line. Must not throw. */
  summarize?(papers: Paper[]): Promise<{ summaries: Map<string, string>; themes?: string; notes: DigestNote[] }>;
  /** Tokens spent since the stage object was created (per run). */
  tokens?(): { prompt: number; completion: number } | undefined;
}

/** Builds a channel's digest without posting it (used by `/papers today` and the CLI). */
export interface DigestPreviewer {
  preview(sub: Subscription, options?: { date?: string }): Promise<Digest>;
}

// ============================================================================ Platforms

/** What a platform's adapter is built from: the app's parts it may use, nothing platform-specific. */
export interface PlatformContext {
  config: Readonly<Config>;
  logger: Logger;
  /** Resolves true the first time `key` is seen across every instance (de-duplicates platform retries). */
  firstTime(key: string): Promise<boolean>;
  /** Stored papers matching what a user has typed so far, for completion (at most 25). */
  paperChoices(typed: string): Promise<Array<{ id: string; title: string }>>;
  /** The terminal the CLI runs in, for a platform that speaks there (the console). */
  terminal?: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; color: boolean };
}

/** An HTTP route a platform that listens on PORT mounts for serve (GET /healthz). */
export interface HttpRoute {
  path: string;
  method: string[];
  handler(req: IncomingMessage, res: ServerResponse): void;
}

/** What a platform's setup command writes to and reads configuration from. */
export interface SetupIo {
  stdout: { write(text: string): unknown };
  /** Reads (and validates) the configuration; only commands that need it call this. */
  config(): Promise<Readonly<Config>>;
}

/** What a platform read from the environment (see PlatformDescriptor.readEnv). */
export type PlatformEnvRead = { ok: false; errors: string[] } | { ok: true; settings: unknown; problems: string[] };

/**
 * One chat platform as a plugin (adapters/<name>/platform.ts). Loading a descriptor loads no chat
 * SDK: `create` and the setup command's action load the adapter itself.
 */
export interface PlatformDescriptor {
  readonly name: PlatformName;
  /** The environment variables it reads, for documentation and checks. */
  readonly env: readonly string[];
  /**
   * Reads and validates its variables (readConfig asks every registered platform): one line per
   * malformed variable, or its settings (undefined when the variables leave it off) and the
   * rules they break. The settings land in `config.platforms[name]`.
   */
  readEnv(env: Record<string, string | undefined>, kit: EnvKit): PlatformEnvRead;
  /** The variable that turns it on for serve (its token); absent when serve never connects it (the console). */
  readonly enabledBy?: string;
  /**
   * True when whoever types on it runs paperbot on their own machine (the terminal): they may
   * point it at local files (`file:` sources). Chat users elsewhere may not.
   */
  readonly localOperator?: boolean;
  /** True when the configuration turns this platform on (serve connects it). */
  configured(config: Readonly<Config>): boolean;
  /** Secret values to redact everywhere: tokens, signing secrets, credentials inside its URLs. */
  secrets(config: Readonly<Config>): Array<string | undefined>;
  /** URLs it is configured with; credentials inside them are redacted too. */
  urls(config: Readonly<Config>): Array<string | undefined>;
  /** True when its adapter serves HTTP on PORT itself (serve then mounts /healthz there, not on its own server). */
  listensOnPort(config: Readonly<Config>): boolean;
  /** How its channels are named on the command line (`<name>:<id>`) and keyed in the store. */
  readonly channels: {
    /** A channel id as the platform writes it. */
    idPattern: RegExp;
    /** An example id for messages, e.g. C0123ABCD. */
    example: string;
    ref(channelId: string): ChannelRef;
  };
  /** Its adapter, connected by `start`; a ConfigError names the missing variables. */
  create(context: PlatformContext, options?: { routes?: HttpRoute[] }): Promise<ChatAdapter>;
  /** Its one-time setup command (`slack-manifest`, `discord-register`), registered on the CLI. */
  registerSetupCommand?(program: Command, io: SetupIo): void;
}

// ============================================================================ Runtime

/** Time source; tests drive a fake. */
export interface Clock {
  now(): Date;
}

/** Structured logger (pino underneath). Fields never contain secrets. */
export interface Logger {
  debug(msg: string, fields?: object): void;
  info(msg: string, fields?: object): void;
  warn(msg: string, fields?: object): void;
  error(msg: string, fields?: object): void;
  child(fields: object): Logger;
}
