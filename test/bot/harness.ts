// Builds a real BotCore over the memory store, a real corpus and the extractive answerer,
// with a scripted previewer and lookup, a manual clock and a recording logger.
import type { Answerer, BotCore, BotStore, DigestPreviewer, Logger, PaperCorpus, PaperLookup } from '../../src/ports.js';
import type { ChannelRef, Digest, Paper, Subscription, ThreadRef, UserRef } from '../../src/types.js';
import type { BotDeps } from '../../src/commands/deps.js';
import { createBotCore } from '../../src/bot/create-bot.js';
import { createExtractiveAnswerer } from '../../src/qa/extractive.js';
import { paperCard } from '../../src/commands/paper-card.js';
import { ManualClock } from '../../src/clock.js';
import { createMemoryBotStore } from '../../src/store/index.js';
import { tempCorpus } from '../support/corpus.js';
import { FakeChatAdapter, channelRef } from '../fakes/fake-chat-adapter.js';
import { REMOTE, STORED } from './sample-papers.js';
import { platformNamed } from '../../src/platforms.js';

/** One recorded log line. */
export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string;
  fields: Record<string, unknown>;
}

/** A Logger that keeps every line (child fields merged in). */
export function recordingLogger(lines: LogLine[] = [], bound: Record<string, unknown> = {}): Logger & { lines: LogLine[] } {
  const log = (level: LogLine['level']) => (msg: string, fields?: object) =>
    lines.push({ level, msg, fields: { ...bound, ...(fields as Record<string, unknown>) } });
  return {
    lines,
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (fields: object) => recordingLogger(lines, { ...bound, ...(fields as Record<string, unknown>) }),
  };
}

/** A PaperLookup over a fixed list; `fail` makes it throw like an unreachable arXiv. */
export class FakeLookup implements PaperLookup {
  calls: string[][] = [];
  fail = false;
  constructor(private readonly papers: Paper[]) {}
  async byIds(ids: string[]): Promise<Paper[]> {
    this.calls.push(ids);
    if (this.fail) throw new Error('connect ECONNREFUSED 127.0.0.1:9');
    return this.papers.filter((p) => ids.includes(p.id));
  }
  /** What byQuery returns (arXiv's `search_query` results); none by default. */
  queryResults: Paper[] = [];
  queries: string[] = [];
  async byQuery(text: string): Promise<Paper[]> {
    this.queries.push(text);
    if (this.fail) throw new Error('connect ECONNREFUSED 127.0.0.1:9');
    return this.queryResults;
  }
}

/** Users for admin tests. */
export const ADMIN: UserRef = { id: 'boss', name: 'boss', isAdmin: true };
export const MEMBER: UserRef = { id: 'u1', name: 'user one' };
export const OTHER: UserRef = { id: 'u2', name: 'user two' };

/** What makeBot returns. */
export interface Harness {
  core: BotCore;
  deps: BotDeps;
  store: BotStore;
  corpus: PaperCorpus;
  clock: ManualClock;
  lookup: FakeLookup;
  logger: ReturnType<typeof recordingLogger>;
  chat: FakeChatAdapter;
  channel: ChannelRef;
  /** Subscriptions the previewer was asked for. */
  previews: Subscription[];
  /** Posts a digest (header + one message per paper) through the fake adapter and records the refs like the digest runner. */
  postDigest(papers?: Paper[], channel?: ChannelRef): Promise<{ header: ThreadRef; papers: ThreadRef[]; digest: Digest }>;
}

/** Builds the bot; `answerer` and `llmConfigured` can be swapped. */
export async function makeBot(
  options: { answerer?: Answerer; papers?: Paper[]; lookup?: boolean; overrides?: Partial<BotDeps> } = {},
): Promise<Harness> {
  const store = createMemoryBotStore();
  const papers = options.papers ?? STORED;
  const corpus = await tempCorpus(papers);
  const clock = new ManualClock('2026-06-15T07:00:00Z');
  const logger = recordingLogger();
  const lookup = new FakeLookup([REMOTE]);
  const previews: Subscription[] = [];
  const digests: DigestPreviewer = {
    async preview(sub) {
      previews.push(sub);
      return {
        date: '2026-06-15',
        channelKey: sub.channel.key,
        interests: sub.interests,
        totalNew: papers.length,
        items: papers.slice(0, 2).map((p) => ({ ...paperCard(p), why: 'matches your interests' })),
        notes: [],
      };
    },
  };
  const deps: BotDeps = {
    store,
    corpus,
    lookup: options.lookup === false ? undefined : lookup,
    answerer: options.answerer ?? createExtractiveAnswerer({ corpus }),
    digests,
    clock,
    logger,
    defaults: {
      interests: 'language models',
      sources: ['hf', 'arxiv:cs.LG'],
      size: 5,
      threshold: 0.1,
      time: '09:00',
      tz: 'UTC',
      days: [1, 2, 3, 4, 5],
    },
    llmConfigured: false,
    localOperator: (platform) => platformNamed(platform)?.localOperator === true,
    ...options.overrides,
  };
  const core = createBotCore(deps);
  const chat = new FakeChatAdapter();
  await chat.start(core);
  const channel = channelRef('C1');

  async function postDigest(shown: Paper[] = papers, where: ChannelRef = channel) {
    const digest: Digest = {
      date: '2026-06-15',
      channelKey: where.key,
      interests: 'language models',
      totalNew: shown.length,
      items: shown.map((p) => paperCard(p)),
      notes: [],
    };
    const header = await chat.post(where, { kind: 'digest-header', digest });
    await store.rememberPost(header.key, {
      kind: 'digest-header',
      channelKey: where.key,
      date: digest.date,
      paperIds: shown.map((p) => p.id),
    });
    const refs: ThreadRef[] = [];
    for (const [i, item] of digest.items.entries()) {
      const ref = await chat.post(where, { kind: 'digest-paper', digest, item, rank: i + 1 });
      await store.rememberPost(ref.key, { kind: 'digest-paper', channelKey: where.key, date: digest.date, paperIds: [item.paper.id] });
      refs.push(ref);
    }
    return { header, papers: refs, digest };
  }

  return { core, deps, store, corpus, clock, lookup, logger, chat, channel, previews, postDigest };
}

/** The text of a text Outbound (fails the test helper-style when it is another kind). */
export function textOf(out: { kind: string; text?: string } | null): string {
  if (!out || out.kind !== 'text' || typeof out.text !== 'string') throw new Error(`expected a text reply, got ${JSON.stringify(out)}`);
  return out.text;
}
