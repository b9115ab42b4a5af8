// A recording ChatAdapter for tests: posts and replies are kept in arrays, refs are generated,
// and helpers push commands, thread messages and reactions into the core like a platform would.
import { performance } from 'node:perf_hooks';
import type { BotCore, ChatAdapter } from '../../src/ports.js';
import type {
  ChannelRef,
  CommandInvocation,
  MessageRef,
  Outbound,
  PlatformName,
  ThreadRef,
  UserRef,
} from '../../src/types.js';
import { ChannelUnavailableError } from '../../src/errors.js';

/** A message the fake posted at channel top level. */
export interface RecordedPost {
  channel: ChannelRef;
  message: Outbound;
  ref: ThreadRef;
}

/** A reply the fake made in a thread. */
export interface RecordedReply {
  thread: ThreadRef;
  message: Outbound;
  /** The reply's ref (for edits). */
  ref: MessageRef;
  /** Contents it was edited to, in order. */
  edits: Outbound[];
}

/** A channel ref on the fake's platform. */
export function channelRef(channelId: string, platform: PlatformName = 'console'): ChannelRef {
  return { platform, channelId, key: `${platform}:${channelId}` };
}

/**
 * Records every post and reply. `failChannel(key)` makes posts and replies there throw
 * ChannelUnavailableError (a deleted channel, a kicked bot); `failNext(n)` fails the next n posts
 * anywhere with a generic error (a flaky network).
 */
export class FakeChatAdapter implements ChatAdapter {
  readonly posts: RecordedPost[] = [];
  readonly replies: RecordedReply[] = [];
  core: BotCore | undefined;
  started = false;
  stopCount = 0;
  private seq = 0;
  private readonly unavailable = new Map<string, string>();
  private failures = 0;

  constructor(readonly platform: PlatformName = 'console') {}

  async start(core: BotCore): Promise<void> {
    this.core = core;
    this.started = true;
  }

  async stop(): Promise<void> {
    this.started = false;
    this.stopCount++;
  }

  async post(channel: ChannelRef, message: Outbound): Promise<ThreadRef> {
    this.check(channel.key);
    if (this.failures > 0) {
      this.failures--;
      throw new Error(`fake post failure in ${channel.key}`);
    }
    const threadId = `t${++this.seq}`;
    const ref: ThreadRef = { ...channel, threadId, key: `${channel.key}:${threadId}` };
    this.posts.push({ channel, message, ref });
    return ref;
  }

  async reply(thread: ThreadRef, message: Outbound): Promise<MessageRef> {
    this.check(thread.platform + ':' + thread.channelId);
    const ref: MessageRef = { platform: thread.platform, channelId: thread.channelId, key: `${thread.platform}:${thread.channelId}`, messageId: `r${++this.seq}` };
    this.replies.push({ thread, message, ref, edits: [] });
    return ref;
  }

  async edit(message: MessageRef, content: Outbound): Promise<void> {
    this.check(message.key);
    const reply = this.replies.find((r) => r.ref.messageId === message.messageId);
    if (!reply) throw new Error(`fake edit of an unknown message ${message.messageId}`);
    reply.edits.push(content);
  }

  /** What a reply shows now: its last edit, else what was sent. */
  static shown(reply: RecordedReply): Outbound {
    return reply.edits[reply.edits.length - 1] ?? reply.message;
  }

  /** Makes every post/reply in this channel throw ChannelUnavailableError until `restoreChannel`. */
  failChannel(channelKey: string, reason = 'channel_not_found'): void {
    this.unavailable.set(channelKey, reason);
  }

  restoreChannel(channelKey: string): void {
    this.unavailable.delete(channelKey);
  }

  /** Fails the next `count` posts with a plain Error. */
  failNext(count = 1): void {
    this.failures += count;
  }

  /** Posts in one channel, in order. */
  postsIn(channelKey: string): RecordedPost[] {
    return this.posts.filter((p) => p.channel.key === channelKey);
  }

  /** Replies in one thread, in order. */
  repliesIn(threadKey: string): RecordedReply[] {
    return this.replies.filter((r) => r.thread.key === threadKey);
  }

  /** Runs `/papers <name> <text>` in a channel as `user` (default: a non-admin user "u1"). */
  async command(
    channel: ChannelRef,
    name: string,
    text = '',
    user: UserRef = { id: 'u1', name: 'user one' },
    extra: Partial<CommandInvocation> = {},
  ): Promise<Outbound> {
    return this.requireCore().handleCommand({ name, text, channel, user, ...extra });
  }

  /**
   * Sends a thread message like an adapter does: a placeholder the core asks for is replied at
   * once (its time recorded in `placeholderAt`), and the answer is edited into it, else replied.
   */
  async threadMessage(
    thread: ThreadRef,
    text: string,
    user: UserRef = { id: 'u1', name: 'user one' },
    mentionsBot = false,
  ): Promise<Outbound | null> {
    let placeholder: Promise<MessageRef> | undefined;
    const out = await this.requireCore().handleThreadMessage(
      { thread, text, user, mentionsBot },
      {
        placeholder: (m) => {
          this.placeholderAt.push(performance.now());
          return (placeholder = this.reply(thread, m)).then(() => undefined);
        },
      },
    );
    const shown = placeholder ? await placeholder : undefined;
    if (out && shown) await this.edit(shown, out);
    else if (out) await this.reply(thread, out);
    return out;
  }

  /** When (performance.now()) each placeholder was asked for. */
  readonly placeholderAt: number[] = [];

  /** Sends a 👍 (+1) or 👎 (-1) on a posted message, or its removal. */
  async react(message: ThreadRef, value: 1 | -1, user: UserRef = { id: 'u1' }, removed = false): Promise<void> {
    await this.requireCore().handleFeedback({ message, user, value, removed });
  }

  private check(channelKey: string): void {
    const reason = this.unavailable.get(channelKey);
    if (reason) throw new ChannelUnavailableError(channelKey, reason);
  }

  private requireCore(): BotCore {
    if (!this.core) throw new Error('FakeChatAdapter: start(core) first');
    return this.core;
  }
}
