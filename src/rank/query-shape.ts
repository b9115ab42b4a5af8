// Whether interest text reads as a sentence or as a list of topics, from its shape alone: list
// separators, how many words, and how many of them are function words (the search analyzer's
// stop words), so it holds for any field's vocabulary.
import { isStopWord, words as plainWords } from '../text/analyze.js';

/** Separators of a topic list ("diffusion models, video generation"). */
const LIST_SEPARATORS = /[,;\n|•·+]/;
/** A sentence has at least this many words… */
const MIN_SENTENCE_WORDS = 5;
/** …of which at least this share are function words ("that", "the", "for", "to"). */
const MIN_FUNCTION_SHARE = 0.2;

/**
 * True when the interest text is one sentence-like request ("AI assistants that browse the web
 * and use tools"), false for keyword lists ("quantum circuits, exoplanet surveys") and short
 * noun phrases ("RL for LLM reasoning").
 */
export function isSentenceLike(text: string): boolean {
  if (LIST_SEPARATORS.test(text)) return false;
  const words = plainWords(text);
  if (words.length < MIN_SENTENCE_WORDS) return false;
  const functionWords = words.filter((w) => w.length > 1 && isStopWord(w)).length;
  return functionWords / words.length >= MIN_FUNCTION_SHARE;
}
