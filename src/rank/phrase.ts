// Whole-phrase presence, for exclude words: "medical imaging" rules out a paper about medical
// imaging, not one that mentions "medical" in one sentence and "imaging" in another.
import type { Alternative } from './interests.js';
import type { PaperText } from './paper-text.js';

function inSequence(seq: string[], terms: string[]): boolean {
  outer: for (let i = 0; i + terms.length <= seq.length; i++) {
    for (let j = 0; j < terms.length; j++) if (seq[i + j] !== terms[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * True when the paper's title, abstract or HF keywords contain the alternative's terms as one
 * unbroken phrase (stop words aside), or its compound written as one word.
 */
export function containsPhrase(text: PaperText, alt: Alternative): boolean {
  if (alt.joined && text.counts.has(alt.joined)) return true;
  if (alt.terms.length === 1) return text.counts.has(alt.terms[0]!);
  if (!alt.terms.every((t) => text.counts.has(t))) return false;
  return inSequence(text.title, alt.terms) || inSequence(text.abstract, alt.terms) || inSequence(text.keywords, alt.terms);
}
