// The console chat: a ChatAdapter over a readable and a writable stream (stdin/stdout, or
// PassThrough streams in tests). Same /papers commands as Slack and Discord; see parse-line.ts
// for the line syntax.
import { createInterface, type Interface } from 'node:readline';
import type { BotCore, ChatAdapter, Logger } from '../../src/ports.js';
import { errorMessage } from '../../src/errors.js';
import type { ChannelRef, MessageRef, Outbound, ThreadRef, UserRef } from '../../src/types.js';
import { channelRef, messageRef, threadRef } from '../../src/channel-refs.js';
import { renderOutbound } from './render.js';
import { parseConsoleLine } from './parse-line.js';

export { renderOutbound, renderInline, type RenderOptions } from './render.js';
export { parseConsoleLine, type ConsoleAction } from './parse-line.js';

/** Options of the console adapter. */
export interface ConsoleAdapterOptions {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { isTTY?: boolean };
  /** Channel id of the console conversation (key `console:<id>`). Default "terminal". */
  channelId?: string;
  /** Who is typing. Default: a local user who administers the console channel. */
  user?: UserRef;
  /** The user's IANA zone, passed with commands (the default zone of `subscribe`). */
  userTz?: string;
  /** ANSI colors. Default: true when `output` is a TTY. */
  color?: boolean;
  /** Print a one-paragraph introduction on start. Default true. */
  banner?: boolean;
  /** Prompt shown before each line. Default "papers> " on a TTY, none otherwise. */
  prompt?: string | false;
  /**
   * Posts today's digest into this console through `post` (the `digest` line; `again`: post a day
   * already posted once more) and resolves with a one-line status. Unset: `digest` says it cannot.
   */
  postDigestNow?: (again: boolean) => Promise<string>;
  /** Typed lines wait until this settles (a digest posted at start comes before the first answer). */
  ready?: Promise<unknown>;
  /** Where a line that failed unexpectedly is logged (the chat shows only an apology). */
  logger?: Logger;
}

const BANNER = [
  'paperbot console chat. Type `help` for the commands (with or without /papers).',
  '`digest` posts today\'s digest here now (after `subscribe`, also on its schedule while the chat runs).',
  'After a digest is posted here: `#2 what dataset do they use?` asks in paper 2\'s thread,',
  '`#0 …` asks about the whole digest, `#2 +1` / `#2 -1` votes, `#2 undo +1` takes a vote back.',
  '`quit` or end of input leaves.',
].join('\n');

/**
 * A ChatAdapter for the terminal. `start(core)` begins reading lines and resolves at once;
 * `done` resolves when the input ends or `stop()` is called (after the last line is handled).
 * `post` and `reply` print the rendered message; digest posts are numbered (#0 header, #1… papers)
 * so the user can address their threads.
 */
export class ConsoleAdapter implements ChatAdapter {
  readonly platform = 'console' as const;
  /** The channel this console speaks in. */
  readonly channel: ChannelRef;
  /** Resolves when the input has ended (or stop() was called) and every typed line was handled. */
  readonly done: Promise<void>;

  private readonly user: UserRef;
  private readonly color: boolean;
  private readonly prompt: string | false;
  private core: BotCore | undefined;
  private rl: Interface | undefined;
  private queue: Promise<void>;
  private seq = 0;
  /** Thread ids stay unique across chat sessions on the same store (m1 of yesterday is not m1 today). */
  private readonly session = Date.now().toString(36);
  /** `#n` → thread ref, for the last digest posted here. */
  private readonly targets = new Map<number, ThreadRef>();
  private readonly labels = new Map<string, number>();
  /** The thread each reply went to, so an edit can say where it belongs. */
  private readonly replyThreads = new Map<string, ThreadRef>();
  private resolveDone!: () => void;
  private stopped = false;

  constructor(private readonly options: ConsoleAdapterOptions) {
    const id = options.channelId ?? 'terminal';
    this.channel = channelRef('console', id);
    this.user = options.user ?? { id: 'console-user', name: 'you', isAdmin: true };
    this.color = options.color ?? Boolean(options.output.isTTY);
    this.prompt = options.prompt ?? (options.output.isTTY ? 'papers> ' : false);
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
    this.queue = Promise.resolve(options.ready).then(
      () => undefined,
      () => undefined,
    );
  }

  async start(core: BotCore): Promise<void> {
    if (this.rl || this.stopped) return;
    this.core = core;
    if (this.options.banner !== false) this.writeBlock(BANNER);
    const rl = createInterface({ input: this.options.input, terminal: false, crlfDelay: Infinity });
    this.rl = rl;
    rl.on('line', (line) => {
      this.queue = this.queue.then(() => this.handleLine(line));
    });
    rl.on('close', () => {
      void this.queue.then(() => this.finish());
    });
    this.showPrompt();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.rl) this.rl.close();
    else this.finish();
  }

  async post(channel: ChannelRef, message: Outbound): Promise<ThreadRef> {
    const threadId = `${this.session}-m${++this.seq}`;
    const ref = threadRef(channel, threadId);
    if (message.kind === 'digest-header') {
      this.targets.clear();
      this.labels.clear();
      this.remember(0, ref);
    } else if (message.kind === 'digest-paper') {
      this.remember(message.rank, ref);
    }
    const where = channel.key === this.channel.key ? '' : `[${channel.key}] `;
    const label = message.kind === 'digest-header' ? '#0 ' : '';
    this.writeBlock(`${where}${label}${renderOutbound(message, { color: this.color })}`);
    return ref;
  }

  async reply(thread: ThreadRef, message: Outbound): Promise<MessageRef> {
    const n = this.labels.get(thread.key);
    this.writeBlock(this.threadBlock(`↳ ${n !== undefined ? `#${n}` : `thread ${thread.threadId}`}: `, message));
    const messageId = `r${++this.seq}`;
    this.replyThreads.set(messageId, thread);
    return messageRef(thread, messageId);
  }

  /** A terminal cannot rewrite an earlier line reliably: the edited message is printed again, marked. */
  async edit(message: MessageRef, content: Outbound): Promise<void> {
    const thread = this.replyThreads.get(message.messageId);
    const n = thread ? this.labels.get(thread.key) : undefined;
    this.writeBlock(this.threadBlock(`↳ ${n !== undefined ? `#${n}` : 'thread'} (updated): `, content));
  }

  private threadBlock(head: string, message: Outbound): string {
    const body = renderOutbound(message, { color: this.color })
      .split('\n')
      .map((line, i) => (i === 0 || !line ? line : `  ${line}`))
      .join('\n');
    return `${head}${body}`;
  }

  /** Handles one line as if typed (the read loop calls this; tests may too). */
  async handleLine(line: string): Promise<void> {
    const core = this.core;
    if (!core) throw new Error('ConsoleAdapter.handleLine before start()');
    const action = parseConsoleLine(line);
    try {
      switch (action.type) {
        case 'empty':
          break;
        case 'quit':
          await this.stop();
          return;
        case 'digest':
          this.write(this.options.postDigestNow ? await this.options.postDigestNow(action.again) : '(this console cannot post digests)');
          break;
        case 'command': {
          const out = await core.handleCommand({
            name: action.name,
            text: action.text,
            channel: this.channel,
            user: this.user,
            userTz: this.options.userTz,
          });
          this.writeBlock(renderOutbound(out, { color: this.color }));
          break;
        }
        case 'thread': {
          const ref = this.target(action.target);
          if (!ref) break;
          let placeholder: Promise<MessageRef> | undefined;
          const out = await core.handleThreadMessage(
            { thread: ref, text: action.text, user: this.user, mentionsBot: true },
            { placeholder: (m) => (placeholder = this.reply(ref, m)).then(() => undefined) },
          );
          const shown = placeholder ? await placeholder : undefined;
          if (out && shown) await this.edit(shown, out);
          else if (out) await this.reply(ref, out);
          else this.write(`(paperbot does not answer in the thread of #${action.target})`);
          break;
        }
        case 'vote': {
          const ref = this.target(action.target);
          if (!ref) break;
          await core.handleFeedback({ message: ref, user: this.user, value: action.value, removed: action.removed });
          const mark = action.value === 1 ? '👍' : '👎';
          this.write(`(${mark} ${action.removed ? 'removed from' : 'recorded for'} #${action.target})`);
          break;
        }
      }
    } catch (err) {
      // Error text may hold internal URLs or secrets: it goes to the log, never into the chat.
      this.options.logger?.error('console line failed', { error: errorMessage(err) });
      this.write('Sorry, something went wrong with that line. Please try again.');
    }
    this.showPrompt();
  }

  private target(n: number): ThreadRef | undefined {
    const ref = this.targets.get(n);
    if (!ref) {
      this.write(
        this.targets.size === 0
          ? `(no post #${n}: #n addresses the papers of a digest posted here; previews from \`today\` have no threads)`
          : `(no post #${n} in the last digest: use #0 for the digest, #1–#${this.targets.size - 1} for its papers)`,
      );
    }
    return ref;
  }

  private remember(n: number, ref: ThreadRef): void {
    this.targets.set(n, ref);
    this.labels.set(ref.key, n);
  }

  private write(text: string): void {
    this.options.output.write(`${text}\n`);
  }

  /** A rendered message followed by a blank line, so consecutive messages stay apart. */
  private writeBlock(text: string): void {
    this.options.output.write(`${text}\n\n`);
  }

  private showPrompt(): void {
    if (this.prompt && !this.stopped) this.options.output.write(this.prompt);
  }

  private finish(): void {
    this.stopped = true;
    this.resolveDone();
  }
}

/** Creates the console adapter (see ConsoleAdapter). */
export function createConsoleAdapter(options: ConsoleAdapterOptions): ConsoleAdapter {
  return new ConsoleAdapter(options);
}

/**
 * Runs a console chat to the end: starts the adapter with `core`, waits until the input ends or
 * the user types `quit`, then stops. Resolves when the chat is over (for `paperbot chat`).
 */
export async function runConsoleChat(core: BotCore, adapter: ConsoleAdapter): Promise<void> {
  await adapter.start(core);
  await adapter.done;
  await adapter.stop();
}
