import type { Command } from './command.js';
import { InputError } from '../errors.js';
import { capText, normalizeSpace } from './text-args.js';

/** Longest question passed on; the rest is dropped (a question does not need more). */
export const MAX_QUESTION_CHARS = 1000;

/** `ask <question>`: an answer across the stored papers, citing the papers it used. */
export const ask: Command = {
  name: 'ask',
  usage: 'ask <question>',
  example: 'ask which papers improve long-context retrieval?',
  description: 'ask a question across recent papers; the answer cites them',
  adminOnly: false,
  arg: { type: 'text', name: 'question', description: 'a question about the stored papers', required: true },
  private: false,
  slow: true,
  expensive: true,
  needsSubscription: false,
  async run(ctx) {
    const question = capText(normalizeSpace(ctx.args), MAX_QUESTION_CHARS).text;
    if (!question) throw new InputError('Ask a question.');
    const answer = await ctx.deps.answerer.askCorpus(question);
    return { kind: 'answer', text: answer.text, citations: answer.citations, extractive: answer.extractive };
  },
};
