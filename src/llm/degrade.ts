// Turns a model failure into the digest note a reader sees. The digest always goes out.
import { errorMessage } from '../errors.js';
import type { LlmUsage } from '../ports.js';
import type { DigestNote } from '../types.js';
import { BudgetExhaustedError } from './token-ledger.js';

/**
 * The note for a failed model stage: kind 'budget' when the daily token budget is spent, else
 * 'llm-degraded' with the short reason. `fallback` says what the reader gets instead.
 */
export function degradedNote(err: unknown, fallback: string): DigestNote {
  if (err instanceof BudgetExhaustedError) {
    return { kind: 'budget', text: `Daily model token budget reached: ${fallback}.` };
  }
  const reason = errorMessage(err).replace(/\s+/g, ' ').slice(0, 160);
  return { kind: 'llm-degraded', text: `The language model was unavailable (${reason}): ${fallback}.` };
}

/** Zero usage. */
export const noUsage = (): LlmUsage => ({ prompt: 0, completion: 0 });

/** Adds `b` into `a` and returns `a`. */
export function addUsage(a: LlmUsage, b: LlmUsage): LlmUsage {
  a.prompt += b.prompt;
  a.completion += b.completion;
  return a;
}
