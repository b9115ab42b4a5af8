// Shared setup of the Discord adapter tests: a fake Discord, the real adapter on it, and a small
// scripted BotCore that records what reaches it.
import type { BotCore, ThreadProgress } from '../../../src/ports.js';
import type { CommandInvocation, FeedbackEvent, Outbound, ThreadMessage, Digest, DigestItem, Paper } from '../../../src/types.js';
import { silentLogger } from '../../../src/logger.js';
import { createDiscordAdapter, type DiscordAdapter, type DiscordAdapterConfig } from '../../../adapters/discord/index.js';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/fake-discord.js';

/** A list that can be awaited for an item matching a predicate. */
export class Recorder<T> {
  readonly items: T[] = [];
  private waiters: Array<{ pred: (t: T) => boolean; resolve: (t: T) => void }> = [];

  push(item: T): void {
    this.items.push(item);
    for (const w of [...this.waiters]) {
      if (w.pred(item)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(item);
      }
    }
  }

  waitFor(pred: (t: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
    const seen = this.items.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`nothing matching arrived within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        pred,
        resolve: (t) => {
          clearTimeout(timer);
          resolve(t);
        },
      });
    });
  }
}

/** A BotCore whose answers each test scripts; records every call. */
export class ScriptedCore implements BotCore {
  readonly commands = new Recorder<CommandInvocation>();
  readonly threadMessages = new Recorder<ThreadMessage>();
  readonly feedback = new Recorder<FeedbackEvent>();
  onCommand: (cmd: CommandInvocation) => Promise<Outbound> | Outbound = (cmd) => ({
    kind: 'text',
    text: `ran ${cmd.name} with "${cmd.text}"`,
  });
  onThreadMessage: (msg: ThreadMessage, progress?: ThreadProgress) => Promise<Outbound | null> | Outbound | null = (msg) => ({
    kind: 'text',
    text: `answer to: ${msg.text}`,
  });

  async handleCommand(cmd: CommandInvocation): Promise<Outbound> {
    this.commands.push(cmd);
    return this.onCommand(cmd);
  }

  async handleThreadMessage(msg: ThreadMessage, progress?: ThreadProgress): Promise<Outbound | null> {
    this.threadMessages.push(msg);
    return this.onThreadMessage(msg, progress);
  }

  async handleFeedback(event: FeedbackEvent): Promise<void> {
    this.feedback.push(event);
  }
}

/** A running fake Discord with a started adapter. */
export interface Harness {
  fake: FakeDiscord;
  adapter: DiscordAdapter;
  core: ScriptedCore;
  close(): Promise<void>;
}

/** Starts a fake Discord and the real adapter connected to it. */
export async function startHarness(overrides: Partial<DiscordAdapterConfig> = {}): Promise<Harness> {
  const fake = await startFakeDiscord();
  const core = new ScriptedCore();
  const adapter = createDiscordAdapter({
    token: 'fake-bot-token',
    apiUrl: fake.rest.api,
    messageContent: false,
    logger: silentLogger,
    restOptions: { retries: 0, timeout: 2000 },
    ...overrides,
  });
  await adapter.start(core);
  return {
    fake,
    adapter,
    core,
    async close() {
      await adapter.stop();
      await fake.close();
    },
  };
}

/** A paper with every field the card shows. */
export function paper(over: Partial<Paper> = {}): Paper {
  return {
    id: '2406.01234',
    version: 2,
    title: 'Merging LoRA Adapters Without Interference',
    abstract: 'We study merging. It works.',
    authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra', 'Barbara Liskov'],
    categories: ['cs.LG'],
    links: {
      abs: 'https://arxiv.org/abs/2406.01234',
      pdf: 'https://arxiv.org/pdf/2406.01234',
      code: 'https://github.com/example/lora-merge',
      thumbnail: 'https://cdn.example.org/thumb/2406.01234.png',
    },
    signals: { upvotes: 118, githubStars: 2345 },
    sources: ['hf'],
    ...over,
  };
}

/** A digest item for `p`. */
export function item(p: Paper = paper(), over: Partial<DigestItem> = {}): DigestItem {
  return { paper: p, tldr: 'Merges adapters with less interference.', tldrSource: 'hf', why: 'matches "lora merging"', score: 0.9, ...over };
}

/** A digest of the given items. */
export function digest(items: DigestItem[] = [item()], over: Partial<Digest> = {}): Digest {
  return {
    date: '2026-06-01',
    channelKey: 'discord:920000000000000001',
    interests: 'lora merging, model soups',
    totalNew: 30,
    items,
    notes: [],
    ...over,
  };
}

/** Resolves after `ms` (only to let a scripted core be slow; never used for assertions). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
