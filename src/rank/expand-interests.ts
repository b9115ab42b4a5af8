// With a model: a channel's interest text expanded once per change into the words papers on it
// use, and the long forms of its acronyms. Cached by interest text, prompt version and model, so
// it costs a few hundred tokens per channel per change, not per digest.
import { z } from 'zod';
import type { Llm, LlmUsage, Logger, Store } from '../ports.js';
import { renderPrompt, promptVersion } from '../llm/prompts.js';
import { neutralize } from '../llm/untrusted.js';
import { CACHE_TTL_MS, expansionKey, hashText } from '../llm/cache-keys.js';

/** What the expansion prompt must return. */
export const ExpansionSchema = z.object({
  terms: z.array(z.string()).max(40),
  longForms: z.array(z.object({ short: z.string(), long: z.string() })).max(40),
});

/** Words and acronym long forms a model gave for an interest text (untrusted: used as search words only). */
export type InterestExpansion = z.infer<typeof ExpansionSchema>;

/** What expandInterests needs. */
export interface ExpandDeps {
  llm: Llm;
  logger: Logger;
  kv?: Store;
  signal?: AbortSignal;
}

const MAX_TERM_CHARS = 60;
const clean = (s: string): string => s.replace(/\s+/g, ' ').trim().slice(0, MAX_TERM_CHARS);

/**
 * The expansion of `interests`, from the cache or one model call (at temperature 0). Rejects with
 * the model's error; callers rank without an expansion then.
 */
export async function expandInterests(interests: string, deps: ExpandDeps): Promise<{ expansion: InterestExpansion; usage: LlmUsage }> {
  const text = interests.trim();
  const key = expansionKey(hashText(text), promptVersion('expand-interests'), deps.llm.model);
  const cached = await deps.kv?.get<InterestExpansion>(key);
  if (cached && ExpansionSchema.safeParse(cached).success) return { expansion: cached, usage: { prompt: 0, completion: 0 } };
  const { data, usage } = await deps.llm.generate({
    prompt: renderPrompt('expand-interests', { interests: neutralize(text) }),
    schema: ExpansionSchema,
    maxOutputTokens: 400,
    signal: deps.signal,
    sampling: { temperature: 0 },
  });
  const expansion: InterestExpansion = {
    terms: [...new Set(data.terms.map(clean).filter(Boolean))].slice(0, 20),
    longForms: data.longForms.map((f) => ({ short: clean(f.short), long: clean(f.long) })).filter((f) => f.short && f.long),
  };
  await deps.kv?.set(key, expansion, CACHE_TTL_MS);
  deps.logger.info('interests expanded', { terms: expansion.terms.length, longForms: expansion.longForms.length });
  return { expansion, usage };
}
