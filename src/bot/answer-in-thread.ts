import type { Logger } from '../ports.js';
import type { Outbound, ThreadMessage } from '../types.js';
import type { BotDeps } from './deps.js';
import { errorMessage } from '../errors.js';
import { userMessageFor } from './error-reply.js';
import { isRefusal, refusalText, type ExpensiveWork } from './rate-limit.js';

const unlimited: ExpensiveWork = { run: (_user, task) => task() };

/** Longest question passed to the answerer. */
const MAX_QUESTION_CHARS = 1000;
/** Earlier turns passed as history (oldest first): enough for follow-ups, small for the budget. */
const HISTORY_TURNS = 6;

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
 * not ours (stay silent). Records the question and the answer as thread turns.
 */
export async function answerInThread(msg: ThreadMessage, deps: BotDeps, log: Logger): Promise<Outbound | null> {
  if (msg.user.isBot) return null;
  const post = await deps.store.getPost(msg.thread.key);
  if (!post) return null;
  const question = cleanQuestion(msg.text);
  if (!question) {
    return msg.mentionsBot
      ? { kind: 'text', text: 'Ask me something about this paper, e.g. "What dataset do they evaluate on?"' }
      : null;
  }
  const papers = await deps.store.getPapers(post.paperIds);
  if (papers.length === 0) {
    log.warn('thread papers missing from the store', { paperIds: post.paperIds });
    return { kind: 'text', text: 'I no longer have the text of this paper, so I cannot answer questions about it.' };
  }
  const history = (await deps.store.getTurns(msg.thread.key)).slice(-HISTORY_TURNS);
  let answer;
  try {
    const result = await (deps.work ?? unlimited).run(`${msg.thread.platform}:${msg.user.id}`, () =>
      deps.answerer.answerAboutPapers(question, papers, history),
    );
    if (isRefusal(result)) return refusalText(result);
    answer = result;
  } catch (err) {
    log.error('thread answer failed', { error: errorMessage(err), code: (err as { code?: string }).code });
    return { kind: 'text', text: userMessageFor(err, 'answer that') };
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
