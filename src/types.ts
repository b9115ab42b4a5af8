// Domain types shared by the core and the adapters. Platform-neutral: no SDK type appears here.

// ============================================================================ Identity

/**
 * The name of a chat platform paperbot can speak on, as its descriptor in src/platforms.ts says
 * (`slack`, `discord`, `console` for the terminal chat and the test double).
 */
export type PlatformName = string;

/** A channel the bot can post into. `key` is "{platform}:{channelId}" and is safe to store. */
export interface ChannelRef {
  platform: PlatformName;
  channelId: string;
  key: string;
}

/** A thread (Slack thread_ts / Discord thread). `key` is "{platform}:{channelId}:{threadId}". */
export interface ThreadRef extends ChannelRef {
  threadId: string;
}

/** A message the bot sent, so it can edit it later (Slack ts, Discord message id). */
export interface MessageRef extends ChannelRef {
  messageId: string;
}

/** Who sent a command or message, with the role the adapter observed on the platform. */
export interface UserRef {
  id: string;
  name?: string;
  /** True when the platform says this user administers the channel (Slack admin/owner, Discord ManageGuild). */
  isAdmin?: boolean;
  /** True for bots (adapters drop these before the core sees them; kept for completeness). */
  isBot?: boolean;
}

// ============================================================================ Papers

/** How arXiv's listing announced a paper. `replace*` are new versions of old papers. */
export type AnnounceType = 'new' | 'cross' | 'replace' | 'replace-cross';

/** Links a paper may have. Every field is optional: sources differ. */
export interface PaperLinks {
  abs?: string;
  pdf?: string;
  code?: string;
  project?: string;
  thumbnail?: string;
}

/** Popularity signals, snapshots at fetch time. */
export interface PaperSignals {
  /** Hugging Face Daily Papers upvotes. */
  upvotes?: number;
  githubStars?: number;
  /** Number of comments in the HF discussion. */
  comments?: number;
}

/**
 * One paper, whatever source listed it. `id` is canonical and version-less: the bare arXiv id
 * ("2606.12730", "astro-ph/0601001"), or a prefixed id ("file:…", "doi:…") for papers without one.
 * Title and abstract have whitespace normalized (abstract keeps paragraph breaks as "\n").
 */
export interface Paper {
  id: string;
  /** arXiv version number of the text held here (1 for v1), when known. */
  version?: number;
  title: string;
  abstract: string;
  authors: string[];
  categories: string[];
  primaryCategory?: string;
  /** ISO timestamp of arXiv v1 (API `<published>`, HF `paper.publishedAt`). */
  publishedAt?: string;
  /** ISO timestamp of the version held here (API `<updated>`). */
  updatedAt?: string;
  /** YYYY-MM-DD the paper was listed/announced (HF `submittedOnDailyAt`, RSS `pubDate`). */
  listedOn?: string;
  links: PaperLinks;
  signals: PaperSignals;
  /** HF's one-sentence TL;DR, when present. */
  aiSummary?: string;
  /** HF's extracted key phrases, when present. */
  aiKeywords?: string[];
  comment?: string;
  journalRef?: string;
  doi?: string;
  announceType?: AnnounceType;
  /** Names of the sources that listed this paper (e.g. ["hf", "arxiv:cs.LG"]). */
  sources: string[];
}

// ============================================================================ Sources

/** What a source is asked for. */
export interface SourceQuery {
  /** Listing day, YYYY-MM-DD (HF `date=`; arXiv RSS only knows "today"). */
  date?: string;
  /** Free-text query for searchable sources (arXiv API). */
  text?: string;
  /** Explicit ids to look up (arXiv API id_list). */
  ids?: string[];
  /** Upper bound on results where the source pages. */
  maxResults?: number;
}

/** What one fetch of one source produced. */
export interface SourceResult {
  /** Source name, as in PAPERBOT_SOURCES (e.g. "hf", "arxiv:cs.LG", "file:./papers.json"). */
  source: string;
  papers: Paper[];
  /** True when the source answered normally with nothing new (weekend feed, empty day). */
  quiet?: boolean;
  /** Set when only part of the data came back (a page failed, ids were dropped). */
  partial?: string;
}

// ============================================================================ Channels

/** Weekday numbers follow ISO / luxon: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** When a channel's digest is due, in the channel's own time zone. */
export interface Schedule {
  /** 24-hour "HH:MM". */
  time: string;
  /** IANA zone name, e.g. "Europe/Berlin". */
  tz: string;
  days: Weekday[];
}

/** A channel's digest settings. One per channel; lives in the store. */
export interface Subscription {
  channel: ChannelRef;
  /** Free-text interests, as the admin typed them. */
  interests: string;
  /** Words that must boost (include) a paper. */
  include: string[];
  /** Words that drop a paper. */
  exclude: string[];
  /** Followed author names. */
  follow: string[];
  /**
   * Example papers (arXiv ids) from `/papers like` and 👍, earliest added first: ranking prefers
   * papers like them, and they are never shown in a digest. The store keeps them as a set of their
   * own: change them with BotStore.addExamples/removeExamples (updateSubscription ignores them).
   */
  likes?: string[];
  /** Source names (PAPERBOT_SOURCES syntax). Empty = the configured default. */
  sources: string[];
  /** Most papers per digest. */
  size: number;
  /** Minimum relevance (0–1) for a paper to be shown. */
  threshold: number;
  schedule: Schedule;
  paused: boolean;
  pausedReason?: string;
  /** Post a one-line note on days with nothing new (default true). */
  quietDayNote: boolean;
  /** User id of whoever subscribed the channel (counts as an admin of it). */
  subscribedBy?: string;
  createdAt: string;
  /** ISO time the schedule was last changed; a scheduled time before it is not due that day. */
  scheduleChangedAt?: string;
  /** ISO time of the last digest that went out completely. */
  lastDigestAt?: string;
}

/** A 👍 / 👎 on a paper, stored per channel. */
export interface Feedback {
  paperId: string;
  userId: string;
  /** +1 for 👍, -1 for 👎. */
  value: 1 | -1;
  at: string;
}

// ============================================================================ Ranking and digest

/** A paper scored for one channel. `score` is in [0, 1]; `why` is short and human-readable. */
export interface RankedPaper {
  paper: Paper;
  score: number;
  why: string;
  /** Component scores, for debugging and blending. */
  parts?: Record<string, number>;
}

/** Where a TL;DR came from, best first. */
export type TldrSource = 'llm' | 'hf' | 'abstract';

/** One paper as shown in a digest or a lookup. */
export interface DigestItem {
  paper: Paper;
  tldr: string;
  tldrSource: TldrSource;
  /** Why it matched this channel; empty for plain lookups. */
  why: string;
  score: number;
}

/** Kinds of notes a digest header can carry. */
export type DigestNoteKind =
  | 'quiet-day'
  | 'source-failed'
  | 'partial'
  | 'llm-degraded'
  | 'budget'
  | 'backfill'
  | 'info';

/** A line in the digest header that explains something about the run. */
export interface DigestNote {
  kind: DigestNoteKind;
  text: string;
}

/** A channel's digest for one day. Counts are computed by code, never by a model. */
export interface Digest {
  /** YYYY-MM-DD in the channel's zone. */
  date: string;
  channelKey?: string;
  interests: string;
  /** Papers that were new for this channel (after the seen-set), before threshold and cap. */
  totalNew: number;
  items: DigestItem[];
  notes: DigestNote[];
  /** "Themes of the day" line, when a model wrote one. */
  themes?: string;
  /** Papers the channel's exclude filter hid that would have been shown (best first). */
  hidden?: DigestItem[];
  /** Tokens this run used, when a model was called. */
  tokens?: { prompt: number; completion: number };
  /** Every source failed: the digest carries only its notes and the day stays open for a retry. */
  allSourcesFailed?: boolean;
}

// ============================================================================ Conversation

/** A cited source of an answer: [n] in the text maps to `index`. */
export interface Citation {
  index: number;
  paperId: string;
  title: string;
  url?: string;
  /** The sections quoted, as written in the text (`§4.2`), each with a link to it when known. */
  sections?: Array<{ label: string; url?: string }>;
}

/**
 * What the core asks an adapter to show. Adapters own markup, escaping and size limits.
 * `text` uses a tiny neutral markup: `**bold**`, `_italic_` and line breaks. Text never carries
 * links: a `[label](url)` in it (quoted from a paper, a model or a user) is shown literally. The
 * only links are the ones adapters build from structured fields (paper ids and links, citation
 * urls) through src/links.ts, which admits known hosts only.
 */
export type Outbound =
  | { kind: 'text'; text: string; ephemeral?: boolean }
  | { kind: 'digest-header'; digest: Digest }
  | { kind: 'digest-paper'; digest: Digest; item: DigestItem; rank: number }
  /** A whole digest in one response (previews, `/papers today`). */
  | { kind: 'digest'; digest: Digest; ephemeral?: boolean }
  /** One or more paper cards (lookup, search results). */
  | { kind: 'papers'; title: string; items: DigestItem[]; ephemeral?: boolean; footer?: string }
  /** An answer to a question, with its citations. `extractive` marks quoted sentences, not model prose. */
  | {
      kind: 'answer';
      text: string;
      citations: Citation[];
      extractive: boolean;
      ephemeral?: boolean;
    };

/** A `/papers <name> <text>` invocation, normalized by the adapter. */
export interface CommandInvocation {
  name: string;
  text: string;
  channel: ChannelRef;
  user: UserRef;
  /** Platform-provided time zone of the user, when known (used as the schedule default). */
  userTz?: string;
  /**
   * True when the platform alone decides who administers a channel (Discord: Manage Server), so
   * subscribing a channel first does not make anyone its admin. Slack leaves it unset.
   */
  platformNamesAdmins?: boolean;
}

/** A message in a thread the bot may own. */
export interface ThreadMessage {
  thread: ThreadRef;
  text: string;
  user: UserRef;
  mentionsBot: boolean;
  /**
   * True when the message is in no thread at all (a mention in the channel itself; `thread` is then
   * the thread an answer would start under it). The core answers such a mention with a short hint.
   */
  outsideThread?: boolean;
}

/** A 👍/👎 on a message the bot posted (`message` is the ref returned by `post`). */
export interface FeedbackEvent {
  message: ThreadRef;
  user: UserRef;
  value: 1 | -1;
  /** True when the reaction was removed. */
  removed?: boolean;
}

/** What the bot remembers about a message it posted, keyed by the message's ThreadRef key. */
export interface PostedMessage {
  kind: 'digest-header' | 'digest-paper';
  channelKey: string;
  date: string;
  /** The paper shown (digest-paper) or all papers of the digest (digest-header). */
  paperIds: string[];
}

/** One turn of a thread conversation. */
export interface ThreadTurn {
  role: 'user' | 'assistant';
  text: string;
  at: string;
}

/** How paperbot talks to an OpenAI-compatible server; absent when no key is configured. */
export interface LlmConfig {
  apiKey: string;
  baseURL?: string;
  model: string;
  summaryModel: string;
  embeddingModel?: string;
  dailyTokenBudget?: number;
  /** Share of the daily budget kept for questions (PAPERBOT_QUESTION_BUDGET_SHARE, default 0.2). */
  questionBudgetShare?: number;
  timeoutMs: number;
  shortlistSize: number;
}

/** Typed, frozen configuration. Build it with readConfig() (src/config.ts). */
export interface Config {
  sources: string[];
  interests: string;
  digestSize: number;
  threshold: number;
  digestTime: string;
  tz: string;
  logLevel: string;
  urls: { hf: string; arxivApi: string; arxivRss: string; arxivHtml: string; arxivPdf: string };
  /** Largest PDF read for a full text (PAPERBOT_PDF_MAX_BYTES, default 25 MB). */
  pdfMaxBytes: number;
  /** How long a question may take before the bot says it ran out of time (default 30 s). */
  answerTimeoutMs: number;
  arxivDelayMs: number;
  httpTimeoutMs: number;
  storeUrl: string;
  /** Where papers live: `sqlite://PATH` (one host) or `postgres://…` (several hosts). */
  corpusUrl: string;
  llm?: LlmConfig;
  /** Each turned-on chat platform's settings, by platform name (its descriptor reads them back). */
  platforms: Readonly<Record<PlatformName, unknown>>;
  /** serve's HTTP port (PORT, default 3000). */
  port: number;
}

/** Settings a new subscription starts from (from Config). */
export interface BotDefaults {
  interests: string;
  /** Source names used when a subscription lists none. */
  sources: string[];
  size: number;
  threshold: number;
  /** "HH:MM", 24-hour. */
  time: string;
  /** IANA zone used when the adapter does not report the user's zone. */
  tz: string;
  days: Weekday[];
}

/** One 👍 (1) or 👎 (-1) of this channel, with the paper it was given to. */
export interface FeedbackVote {
  paper: Paper;
  value: 1 | -1;
}

/**
 * A channel's interests for ranking: the free text, include/exclude words, followed authors,
 * the channel's votes, oldest first (later votes are the better guide to current taste), and
 * its example papers (`/papers like`, 👍), which rank their near-duplicates first and are never
 * ranked themselves.
 */
export interface InterestProfile {
  interests: string;
  include: string[];
  exclude: string[];
  follow: string[];
  feedback: FeedbackVote[];
  examples?: Paper[];
  /** Search words and acronym long forms a model gave for `interests` (expandInterests). */
  expansion?: { terms: string[]; longForms: Array<{ short: string; long: string }> };
}
