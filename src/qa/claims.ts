// What the answer and ask prompts return, and how their claims become a checked, cited answer:
// every claim's quote must be found verbatim in the evidence sent, or the claim is dropped.
import { z } from 'zod';
import type { Citation } from '../types.js';
import { neutralize } from '../llm/untrusted.js';
import type { EvidenceChunk } from './evidence.js';
import { cleanQuote, findQuote } from './quotes.js';
import { CitationList } from './sections.js';

/** The answer and ask prompts' output: claims, each with the paper it rests on and a short quote. */
export const ClaimsSchema = z.object({
  answered: z.boolean(),
  claims: z
    .array(
      z.object({
        text: z.string(),
        paper: z.number().int(),
        quote: z.string(),
      }),
    )
    .max(8),
});

/** The model's output for an answer. */
export type ClaimsOutput = z.infer<typeof ClaimsSchema>;

/** Claims checked against the evidence. */
export interface CheckedClaims {
  /** One line per verified claim: `text [1 §4.2] — "quote"`. */
  lines: string[];
  citations: Citation[];
  /** How many claims were dropped because their quote is not in the evidence. */
  dropped: number;
}

/** Citation markers a model wrote itself ([1], [2 §3]): ours replace them. */
const MODEL_MARKERS = /\s*\[\s*\d{1,3}(?:\s*[,;§][^\]]{0,20})?\]/g;

/**
 * Keeps the claims whose quote is found verbatim (whitespace-normalised) in a chunk that was
 * sent, preferring a chunk of the paper the claim names; each kept claim is cited with the paper
 * and section of the chunk that holds its quote, whatever number the model wrote.
 */
export function checkClaims(output: ClaimsOutput, evidence: EvidenceChunk[]): CheckedClaims {
  const sent = evidence.map((c) => neutralize(c.text.trim()));
  const cites = new CitationList();
  const lines: string[] = [];
  let dropped = 0;
  for (const claim of output.claims) {
    const text = claim.text.replace(MODEL_MARKERS, '').trim();
    if (!text) continue;
    const own = evidence.map((c, i) => (c.n === claim.paper ? i : -1)).filter((i) => i >= 0);
    const inOwn = findQuote(claim.quote, own.map((i) => sent[i]!));
    const at = inOwn >= 0 ? own[inOwn]! : findQuote(claim.quote, sent);
    if (at < 0) {
      dropped += 1;
      continue;
    }
    const chunk = evidence[at]!;
    lines.push(`${text} ${cites.cite(chunk.paper, chunk.section)} — "${cleanQuote(claim.quote)}"`);
  }
  return { lines, citations: cites.all, dropped };
}

/** The sentence saying how many claims could not be verified, or '' when none. */
export function droppedNote(dropped: number, source: string): string {
  if (dropped === 0) return '';
  const what = dropped === 1 ? 'One statement' : `${dropped} statements`;
  return `_${what} could not be verified against ${source} and ${dropped === 1 ? 'was' : 'were'} left out._`;
}
