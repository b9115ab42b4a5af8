// What a platform supplies to the chat-adapter contract: its real adapter wired to the real
// BotCore (contract-bot.ts), driven the way that platform's users drive it, and what the platform
// received read back as plain text plus structure.
import type { ChannelRef, Paper, ThreadRef } from '../../../src/types.js';
import type { PostResult } from '../../../src/digest/post-digest.js';
import type { ContractBot } from './contract-bot.js';

/** Who runs a command: someone who administers the channel, or a plain member. */
export type Role = 'admin' | 'member';

/** Where a platform legitimately differs. Each case reads these instead of being skipped. */
export interface Capabilities {
  /** Replies can be shown to the asker only (Slack ephemeral, Discord flag 64); the console shows everything. */
  privateReplies: boolean;
  /**
   * Who administers a channel: `platform` — the platform says (Discord: Manage Server), so a member
   * cannot even subscribe a fresh channel; `first-subscriber` — nobody is named (Slack), so whoever
   * subscribes a fresh channel becomes its admin; `local-user` — the person at the terminal.
   */
  admins: 'platform' | 'first-subscriber' | 'local-user';
  /** How long the platform waits for a command's acknowledgement (Slack 3 s ack, Discord 3 s deferral); none for the console. */
  ackDeadlineMs?: number;
  /** The most characters one message may carry on this platform (what the contract measures); none for the console. */
  maxMessageChars?: number;
  /** Where the answer to a mention outside any thread goes. */
  mentionAnswer: 'thread-under-mention' | 'reply-to-mention' | 'inline';
}

/** One message as the platform received it. */
export interface Seen {
  /** The visible text: markup, escapes and entities resolved; link targets kept as plain URLs. */
  text: string;
  /** The message as it went over the wire (for the escaping checks). */
  raw: string;
  /** The channel (Discord: the thread's channel id for thread messages). */
  channelId: string;
  /** The thread it went to, as the adapter's ThreadRef names threads; undefined at top level. */
  threadId?: string;
  /** Shown to the asker only. */
  private: boolean;
  /** The final version came from editing an earlier message (a placeholder). */
  edited: boolean;
  /** Characters the platform counts against its message limit. */
  size: number;
}

/** The answer to one command. */
export interface CommandReply {
  /** Every message of the answer, in order. */
  messages: Seen[];
  /** All messages' text joined by newlines. */
  text: string;
  private: boolean;
  /** From sending the command to the platform's acknowledgement, where the platform acknowledges. */
  ackMs?: number;
}

/** A digest posted through the adapter, and the channel's top-level posts it produced. */
export interface PostedDigest {
  result: PostResult;
  /** Refs of the header (0) and of each paper (its rank). */
  refs: ThreadRef[];
  /** Top-level posts the channel received, in order. */
  posts: Seen[];
}

/** One platform's harness around a started adapter. */
export interface ChatHarness {
  readonly capabilities: Capabilities;
  readonly bot: ContractBot;
  /** The channel commands run in and digests go to. */
  readonly channel: ChannelRef;
  /** Runs `/papers <line>` as `role` and resolves with the complete answer. */
  command(line: string, role?: Role): Promise<CommandReply>;
  /** Posts a digest of `papers` (rank order; default the contract corpus) to the channel. */
  postDigest(papers?: readonly Paper[]): Promise<PostedDigest>;
  /** Asks `question` in the thread of a posted message (`rank` as posted: 0 header, 1… papers); resolves with the final answer. */
  ask(ref: ThreadRef, rank: number, question: string): Promise<Seen>;
  /** A 👍 (1) or 👎 (-1) by a member on a posted message, the way the platform lets users vote. */
  react(ref: ThreadRef, rank: number, value: 1 | -1): Promise<void>;
  /** Addresses the bot outside any thread and resolves with its answer. */
  mention(text: string): Promise<Seen>;
  /** Fails the test when untrusted `title` in `seen` could act as live markup, a mention or a control sequence on this platform. */
  expectInert(seen: Seen, title: string): void;
  close(): Promise<void>;
}

/** Resolves once `check()` gives a truthy value (polling every 10 ms); rejects after `timeoutMs`. */
export async function until<T>(check: () => T | undefined | null | false | Promise<T | undefined | null | false>, what: string, timeoutMs = 8000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
