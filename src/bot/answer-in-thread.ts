import { setTimeout as sleep } from 'node:timers/promises';
import type { Answer, ExpensiveWork, Logger, ThreadProgress } from '../ports.js';
import type { Outbound, ThreadMessage } from '../types.js';
import type { BotDeps } from '../commands/deps.js';
import { errorMessage } from '../errors.js';
import { userMessageFor } from './error-reply.js';
import { isRefusal, refusalText, userLimitKey } from '../limits/rate-limit.js';

const unlimited: ExpensiveWork = { run: (_user, task) => task() };

/** Longest question passed to the answerer. */
const MAX_QUESTION_CHARS = 1000;
/** Earlier turns passed as history (oldest first): enough for follow-ups, small for the budget. */
const HISTORY_TURNS = 6;
/** Default answer deadline. */
export const DEFAULT_ANSWER_TIMEOUT_MS = 30_000;
/** An answer not ready after this long gets a placeholder (shown well within a second). */
const PLACEHOLDER_AFTER_MS = 300;
/** What the placeholder says while the answer is worked out. */
export const PLACEHOLDER_TEXT = '⏳ Reading the paper to answer…';

/** The answer, or undefined when `ms` passed first (the work goes on; its full text is kept). */
async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  const timer = new AbortController();
  try {
    return await Promise.race([work, sleep(ms, undefined, { signal: timer.signal, ref: false }).catch(() => undefined)]);
  } finally {
    timer.abort();
  }
}

/** The answer to a mention outside any thread: where questions go, and where the commands are. */
export const MENTION_HINT = 'Hi! Ask me about a paper in the thread under it, or see `/papers help` for the commands.';

/** Removes platform mention tokens (`<@U123>`, `<@!123>`) adapters may have left in the text. */
function cleanQuestion(text: string): string {
  return text
    .replace(/<@[!&]?[A-Za-z0-9]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUESTION_CHARS);
}

/**
 * Answers a message in a thread under one of our posts: a digest-paper post asks about that
 * paper, a digest-header post about all papers of that digest. Resolves null for threads that are
 * not ours (stay silent). Once the thread is known to be ours, `progress` (when given) gets a
 * placeholder to show at once. An answer that takes longer than the deadline is replaced by a
 * message saying so. Records the question and the answer as thread turns.
 */
export async function answerInThread(msg: ThreadMessage, deps: BotDeps, log: Logger, progress?: ThreadProgress): Promise<Outbound | null> {
  if (msg.user.isBot) return null;
  const post = await deps.store.getPost(msg.thread.key);
  if (!post) return msg.outsideThread && msg.mentionsBot ? { kind: 'text', text: MENTION_HINT } : null;
  const question = cleanQuestion(msg.text);
  if (!question) {
    return msg.mentionsBot
      ? { kind: 'text', text: 'Ask me something about this paper, e.g. "What dataset do they evaluate on?"' }
      : null;
  }
  const papers = await deps.corpus.getPapers(post.paperIds);
  if (papers.length === 0) {
    log.warn('thread papers missing from the store', { paperIds: post.paperIds });
    return { kind: 'text', text: 'I no longer have the text of this paper, so I cannot answer questions about it.' };
  }
  const history = (await deps.store.getTurns(msg.thread.key)).slice(-HISTORY_TURNS);
  const timeoutMs = deps.answerTimeoutMs ?? DEFAULT_ANSWER_TIMEOUT_MS;
  let answer: Answer | undefined;
  try {
    const work = (deps.work ?? unlimited).run(userLimitKey(msg.thread.platform, msg.user.id), () =>
      deps.answerer.answerAboutPapers(question, papers, history),
    );
    work.catch(() => undefined); // a failure after the deadline is logged by no one else
    // A quick answer goes out as is; a slow one (full text to fetch, a model) gets a placeholder first.
    if (progress && (await withinDeadline(work, PLACEHOLDER_AFTER_MS)) === undefined) {
      // Not awaited: the placeholder must never hold the answer up.
      progress.placeholder({ kind: 'text', text: PLACEHOLDER_TEXT }).catch((err: unknown) => log.warn('could not show the placeholder', { error: errorMessage(err) }));
    }
    const result = await withinDeadline(work, timeoutMs);
    if (result !== undefined && isRefusal(result)) return refusalText(result);
    answer = result;
  } catch (err) {
    log.error('thread answer failed', { error: errorMessage(err), code: (err as { code?: string }).code });
    return { kind: 'text', text: userMessageFor(err, 'answer that') };
  }
  if (!answer) {
    log.warn('thread answer ran past its deadline', { timeoutMs });
    const seconds = Math.round(timeoutMs / 1000);
    return { kind: 'text', text: `I could not finish an answer within ${seconds} s. Please ask again in a minute: the paper's text will be ready by then.` };
  }
  try {
    const at = deps.clock.now().toISOString();
    await deps.store.appendTurn(msg.thread.key, { role: 'user', text: question, at });
    await deps.store.appendTurn(msg.thread.key, { role: 'assistant', text: answer.text, at });
  } catch (err) {
    // The answer is still worth sending; only the follow-up context is lost.
    log.warn('could not record thread turns', { error: errorMessage(err) });
  }
  return { kind: 'answer', text: answer.text, citations: answer.citations, extractive: answer.extractive };
}
