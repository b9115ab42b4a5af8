// Every key paperbot stores is built here, and so is every TTL. Keys are namespaced by their
// first segment ("paper:", "sub:", …); the backend adds the "paperbot" namespace on top.
import { createHash } from 'node:crypto';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long each kind of record lives, in milliseconds. Records not listed here never expire. */
export const TTL = Object.freeze({
  /** A posted message ref: threads and reactions on digests stay answerable for a quarter. */
  post: 90 * DAY_MS,
  /** A thread's conversation turns. */
  turns: 30 * DAY_MS,
  /** Platform event de-duplication (Slack retries, gateway replays arrive within minutes). */
  eventSeen: DAY_MS,
  /** A digest run's progress record (posted refs): resumable after a restart, visible to operators. */
  digestRun: 30 * DAY_MS,
  /** Default lifetime of a lock; holders should release earlier. */
  lock: 15 * 60 * 1000,
  /** Daily LLM token counters. */
  tokens: 3 * DAY_MS,
  /** Model output caches (summaries, judgements, embeddings): prompt version and model are in the key. */
  cache: 180 * DAY_MS,
});

/**
 * Longest key this module returns (the backend prefix "paperbot:" comes on top). Postgres'
 * keyv table limits keys to 255 characters, so longer keys end in a hash of the full text.
 */
export const MAX_KEY_LENGTH = 200;

/** Percent-encodes bytes outside printable ASCII and '%' itself, so keys stay readable and injective. */
function encodePart(part: string, alsoColon: boolean): string {
  const unsafe = alsoColon ? /[^\x21-\x7e]|[%:]/gu : /[^\x21-\x7e]|%/gu;
  return part.replace(unsafe, (ch) =>
    Array.from(Buffer.from(ch, 'utf8'), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** Joins encoded parts and caps the length with a hash suffix when needed. */
function build(parts: string[]): string {
  const key = parts.join(':');
  if (key.length <= MAX_KEY_LENGTH) return key;
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 32);
  return `${key.slice(0, MAX_KEY_LENGTH - hash.length - 2)}:#${hash}`;
}

const k = (...parts: string[]): string => build(parts.map((p) => encodePart(p, false)));

/** A paper as paperbot before the corpus kept it (read once, to move it into the corpus): `paper:<id>`. */
export const paper = (id: string): string => k('paper', id);

/** The old paper catalog: the list of its chunk names (read once, to move papers into the corpus). */
export const papersCatalog = (): string => 'papers:catalog';

/** One old catalog chunk (`YYYY-MM` or `undated`): a map of paper id → listing date. */
export const papersCatalogChunk = (chunk: string): string => k('papers', 'catalog', chunk);

/** Set once the old papers were moved into the corpus: `papers:moved-to-corpus`. */
export const legacyPapersMoved = (): string => 'papers:moved-to-corpus';

/** One source's fetch health (last success and failure) for serve's feed and /healthz: `source:<name>`. */
export const sourceStatus = (name: string): string => k('source', name);

/** A channel's subscription: `sub:<channelKey>` (the settings hash, and its example papers as the ordered set of that key). */
export const subscription = (channelKey: string): string => k('sub', channelKey);

/** The ordered set of subscribed channel keys (by first subscription). */
export const subscribedChannels = (): string => 'subs:channels';

/** Where versions before the atomic records kept the list of subscribed channel keys (read once, to migrate). */
export const legacySubscriptionIndex = (): string => 'subs:index';

/** Paper ids a channel has been shown: `seen:<channelKey>`. */
export const seen = (channelKey: string): string => k('seen', channelKey);

/** A channel's 👍/👎 votes: `feedback:<channelKey>`. */
export const feedback = (channelKey: string): string => k('feedback', channelKey);

/** What a posted message was (TTL.post): `post:<messageKey>`. */
export const post = (messageKey: string): string => k('post', messageKey);

/** A thread's conversation (TTL.turns): `turns:<threadKey>`. */
export const turns = (threadKey: string): string => k('turns', threadKey);

/**
 * A cache entry: `cache:<kind>:<part>:<part>…`. ':' inside a part is encoded, so different
 * part lists never collide. Use with TTL.cache.
 */
export const cacheKey = (kind: string, ...parts: Array<string | number>): string =>
  build(['cache', kind, ...parts.map(String)].map((p) => encodePart(p, true)));

/** A paper's summary made by `model` with a prompt version. */
export const summary = (paperId: string, promptVersion: string, model: string): string =>
  cacheKey('summary', paperId, promptVersion, model);

/** A paper's embedding vector made by `model`. */
export const embedding = (paperId: string, model: string): string => cacheKey('embedding', paperId, model);

/** A channel's digest run on a date (YYYY-MM-DD), holding its progress (TTL.digestRun): `digest-run:<channelKey>:<date>`. */
export const digestRun = (channelKey: string, date: string): string => k('digest-run', channelKey, date);

/** A channel's latest-run summary: `digest-last:<channelKey>`. */
export const digestLast = (channelKey: string): string => k('digest-last', channelKey);

/** A named lock, e.g. lock(`digest:${channelKey}:${date}`) (TTL.lock by default). */
export const lock = (name: string): string => k('lock', name);

/** The lock a channel's digest run takes on a date. */
export const digestLock = (channelKey: string, date: string): string => lock(`digest:${channelKey}:${date}`);

/** LLM tokens used on a date, YYYY-MM-DD (TTL.tokens). */
export const tokens = (date: string): string => k('tokens', date);

/** Marks a platform event as handled (TTL.eventSeen): `event:<platform>:<eventId>`. */
export const eventSeen = (platform: string, eventId: string): string => k('event', platform, eventId);
