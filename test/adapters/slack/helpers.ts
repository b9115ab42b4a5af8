// Shared pieces of the Slack adapter tests: a scripted BotCore, sample papers and a waiter.
import type { BotCore, ThreadProgress } from '../../../src/ports.js';
import type { CommandInvocation, Digest, DigestItem, FeedbackEvent, Outbound, Paper, ThreadMessage } from '../../../src/types.js';

/** A paper whose title tries to ping everyone. */
export const EVIL_TITLE = 'Attention <!channel> <@U123> & more';

/** A sample paper; override any field. */
export function paper(overrides: Partial<Paper> = {}): Paper {
  return {
    id: '2406.01234',
    title: 'LoRA Merging at Scale',
    abstract: 'We merge adapters. It works.',
    authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra'],
    categories: ['cs.LG'],
    links: { abs: 'https://arxiv.org/abs/2406.01234', pdf: 'https://arxiv.org/pdf/2406.01234', code: 'https://github.com/x/y' },
    signals: { upvotes: 42, githubStars: 1234 },
    sources: ['hf'],
    ...overrides,
  };
}

/** A digest item around a paper. */
export function item(p: Paper = paper(), overrides: Partial<DigestItem> = {}): DigestItem {
  return { paper: p, tldr: 'Merging LoRA adapters works if you align them first.', tldrSource: 'hf', why: 'matches "lora"', score: 0.8, ...overrides };
}

/** A digest with the given items. */
export function digest(items: DigestItem[] = [item()], overrides: Partial<Digest> = {}): Digest {
  return { date: '2026-06-12', channelKey: 'slack:C1', interests: 'parameter-efficient fine-tuning', totalNew: 17, items, notes: [], ...overrides };
}

/** A BotCore whose answers the test scripts, recording every call. */
export class ScriptedCore implements BotCore {
  readonly commands: CommandInvocation[] = [];
  readonly threadMessages: ThreadMessage[] = [];
  readonly feedback: FeedbackEvent[] = [];
  /** Times (Date.now()) at which handleCommand resolved. */
  readonly commandDoneAt: number[] = [];
  onCommand: (cmd: CommandInvocation) => Promise<Outbound> = async () => ({ kind: 'text', text: 'ok', ephemeral: true });
  onThread: (msg: ThreadMessage, progress?: ThreadProgress) => Promise<Outbound | null> = async () => null;

  async handleCommand(cmd: CommandInvocation): Promise<Outbound> {
    this.commands.push(cmd);
    const out = await this.onCommand(cmd);
    this.commandDoneAt.push(Date.now());
    return out;
  }

  async handleThreadMessage(msg: ThreadMessage, progress?: ThreadProgress): Promise<Outbound | null> {
    this.threadMessages.push(msg);
    return this.onThread(msg, progress);
  }

  async handleFeedback(event: FeedbackEvent): Promise<void> {
    this.feedback.push(event);
  }
}

/** Resolves once `check()` is truthy (polling every 5 ms); rejects after `timeoutMs`. */
export async function until<T>(check: () => T | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
