import { BotError } from '../errors.js';

/**
 * A short, user-facing sentence for a failure; never the raw error text, which may hold
 * internal URLs or paths (the full error goes to the log).
 */
export function userMessageFor(err: unknown, what: string): string {
  const code = err instanceof BotError ? err.code : undefined;
  switch (code) {
    case 'llm_unavailable':
      return `The language model is unavailable right now, so I could not ${what}. Please try again in a few minutes.`;
    case 'llm_output':
      return `The language model gave an answer I could not use, so I could not ${what}. Please try again or rephrase.`;
    case 'store':
      return `Storage unavailable, try again in a minute: I could not ${what}.`;
    case 'source':
      return `A paper source failed, so I could not ${what}. Please try again later.`;
    default:
      return `Sorry, something went wrong and I could not ${what}. The problem has been logged.`;
  }
}
