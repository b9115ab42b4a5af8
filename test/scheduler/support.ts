// Shared test helpers for scheduler, digest posting and ops tests: subscriptions, digests, a fake
// prepare that knows the arXiv calendar, and crash injection for adapters and stores.
import type { BotStore, ChatAdapter, Logger } from '../../src/ports.js';
import type { ChannelRef, Digest, DigestItem, Outbound, Paper, Subscription, ThreadRef } from '../../src/types.js';
import { quietReason } from '../../src/scheduler/arxiv-calendar.js';
import { ChannelUnavailableError } from '../../src/errors.js';
import { createMemoryBotStore } from '../../src/store/index.js';

/** A console channel ref. */
export function channel(id: string, platform: ChannelRef['platform'] = 'console'): ChannelRef {
  return { platform, channelId: id, key: `${platform}:${id}` };
}

/** A subscription with test defaults (09:00 UTC on weekdays, quiet-day note on). */
export function makeSub(id: string, overrides: Partial<Subscription> = {}): Subscription {
  return {
    channel: channel(id),
    interests: 'language models',
    include: [],
    exclude: [],
    follow: [],
    sources: [],
    size: 5,
    threshold: 0,
    schedule: { time: '09:00', tz: 'UTC', days: [1, 2, 3, 4, 5] },
    paused: false,
    quietDayNote: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A minimal paper. */
export function makePaper(id: string): Paper {
  return {
    id,
    title: `Paper ${id}`,
    abstract: `Abstract of ${id}.`,
    authors: ['A. Author'],
    categories: ['cs.LG'],
    links: { abs: `https://arxiv.org/abs/${id}` },
    signals: {},
    sources: ['test'],
  };
}

/** A digest of `n` papers whose ids are unique per (channel, date). */
export function makeDigest(date: string, n: number, channelKey = 'console:c1'): Digest {
  const tag = channelKey.replace(/\W/g, '');
  const items: DigestItem[] = Array.from({ length: n }, (_, i) => ({
    paper: makePaper(`${tag}.${date}.${i + 1}`),
    tldr: `tldr ${i + 1}`,
    tldrSource: 'abstract',
    why: 'matched',
    score: 1 - i / 10,
  }));
  return { date, channelKey, interests: 'language models', totalNew: n, items, notes: [] };
}

/**
 * A fake prepareDigest: `n` papers on announcement days; on arXiv quiet days (weekends) nothing,
 * with the quiet-day note the lead's buildDigest writes. Records every call.
 */
export function fakePrepare(n = 3) {
  const calls: Array<{ channelKey: string; date: string; since?: string }> = [];
  const prepare = async (sub: Subscription, options: { date: string; since?: string }): Promise<Digest> => {
    calls.push({ channelKey: sub.channel.key, ...options });
    const reason = quietReason(options.date);
    if (reason) {
      return {
        ...makeDigest(options.date, 0, sub.channel.key),
        notes: [{ kind: 'quiet-day', text: `Quiet day: no new papers since the last digest (${reason}).` }],
      };
    }
    return makeDigest(options.date, n, sub.channel.key);
  };
  return { prepare, calls };
}

/** What a fake chat platform saw: one entry per accepted post. */
export interface SeenPost {
  channelKey: string;
  label: string;
  ref: ThreadRef;
}

/** A stable label of a digest message: "header@date" or "paper:<id>". */
export function labelOf(message: Outbound): string {
  if (message.kind === 'digest-header') return `header@${message.digest.date}`;
  if (message.kind === 'digest-paper') return `paper:${message.item.paper.id}`;
  return message.kind;
}

/** Thrown by injected crashes: stands for the process dying on the spot. */
export class ProcessDied extends Error {
  constructor() {
    super('process died');
  }
}

/**
 * A chat platform shared by several "processes" (adapters). `adapter({ crashAfter })` returns an
 * adapter that, once it has posted `crashAfter` messages, dies: its next post throws ProcessDied
 * before reaching the platform, and `onCrash` runs (e.g. to kill the store too).
 */
export class FakePlatform {
  readonly seen: SeenPost[] = [];
  private seq = 0;
  private readonly unavailable = new Set<string>();

  adapter(options: { crashAfter?: number; onCrash?: () => void; failAfter?: number } = {}): ChatAdapter {
    let posted = 0;
    const platform = this;
    return {
      platform: 'console',
      async start() {},
      async stop() {},
      async reply(): Promise<never> {
        throw new Error('digest runs never reply in threads');
      },
      async edit() {},
      async post(ch: ChannelRef, message: Outbound): Promise<ThreadRef> {
        if (options.crashAfter !== undefined && posted >= options.crashAfter) {
          options.onCrash?.();
          throw new ProcessDied();
        }
        if (options.failAfter !== undefined && posted >= options.failAfter) throw new Error('HTTP 500 from the chat API');
        if (platform.unavailable.has(ch.key)) throw new ChannelUnavailableError(ch.key, 'channel_not_found');
        posted++;
        const threadId = `m${++platform.seq}`;
        const ref: ThreadRef = { ...ch, threadId, key: `${ch.key}:${threadId}` };
        platform.seen.push({ channelKey: ch.key, label: labelOf(message), ref });
        return ref;
      },
    };
  }

  /** Makes posts to this channel throw ChannelUnavailableError. */
  removeChannel(key: string): void {
    this.unavailable.add(key);
  }

  labelsIn(channelKey: string): string[] {
    return this.seen.filter((p) => p.channelKey === channelKey).map((p) => p.label);
  }
}

/**
 * Wraps a store so that after `kill()` every call (including kv calls) throws ProcessDied: a
 * dead process writes nothing more. The underlying store keeps what was written before.
 */
export function killableStore(store: BotStore): { store: BotStore; kill(): void } {
  let dead = false;
  const guard = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(obj, prop, receiver) {
        const value = Reflect.get(obj, prop, receiver);
        if (prop === 'kv') return guard(value as object);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (dead) return Promise.reject(new ProcessDied());
          return (value as (...a: unknown[]) => unknown).apply(obj, args);
        };
      },
    });
  return { store: guard(store), kill: () => void (dead = true) };
}

/** A logger that keeps every line (message + fields + bound fields) in memory. */
export function memoryLogger(): Logger & { lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const make = (bound: Record<string, unknown>): Logger => {
    const write = (level: string) => (msg: string, fields?: object) => lines.push({ level, msg, ...bound, ...fields });
    return {
      debug: write('debug'),
      info: write('info'),
      warn: write('warn'),
      error: write('error'),
      child: (fields: object) => make({ ...bound, ...fields }),
    };
  };
  return Object.assign(make({}), { lines });
}

/** A fresh in-memory BotStore (src/store's createMemoryBotStore). */
export async function newStore(): Promise<BotStore> {
  return createMemoryBotStore();
}
