// The stemmer as first written, with regular expressions: kept as the oracle that the faster
// character-test version in src/text/stem.ts must agree with, word for word.
/** Words whose final "s" is not a plural. */
const KEEP_S = new Set([
  'bias', 'gas', 'atlas', 'alias', 'canvas', 'lens', 'news', 'always', 'perhaps', 'whereas', 'towards',
  'thus', 'plus', 'this', 'its', 'chaos', 'kudos', 'ethos', 'pathos', 'mamba', 'ours', 'yes', 'has', 'was',
]);

/** Words ending in "ed"/"ing" that are not inflections. */
const KEEP_ED_ING = new Set([
  'embed', 'bed', 'red', 'shed', 'hundred', 'naked', 'sacred', 'wicked', 'fled', 'bred', 'shred', 'wed',
  'thing', 'string', 'spring', 'sing', 'ring', 'king', 'wing', 'bring', 'sting', 'swing', 'ping', 'during',
  'nothing', 'something', 'anything', 'everything', 'morning', 'evening', 'ceiling', 'offspring', 'pudding',
]);

/**
 * Nouns kept apart from their very common verbs: "we demonstrate" is in every abstract, while
 * "demonstrations" is a robot-learning term (same for "observe" / "observations").
 */
const FIXED: Record<string, string> = {
  demonstration: 'demonstration',
  demonstrations: 'demonstration',
  observation: 'observation',
  observations: 'observation',
};

const VOWEL = /[aeiouy]/;
const BRITISH_ISE = /^([a-z]{2,}(?:al|im|gn|an|ar|or|it|en|er|ol|ic|il|on))is(e|ed|es|ing|ation|ations|er|ers)$/;

function hasVowel(s: string): boolean {
  return VOWEL.test(s);
}

/** Inflections: plural -s/-es/-ies, -ing, -ed/-ied. Returns the word without them. */
function stripInflection(w: string): string {
  if (KEEP_S.has(w) || KEEP_ED_ING.has(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('s') && !/(ss|us|is|'s)$/.test(w) && w.length > 3) {
    w = w.slice(0, -1);
    if (KEEP_ED_ING.has(w)) return w;
  }
  if (w.endsWith('ied') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('ing')) {
    const stem = w.slice(0, -3);
    if (stem.length >= 3 && hasVowel(stem)) return stem;
    return w;
  }
  if (w.endsWith('ed') && !w.endsWith('eed')) {
    const stem = w.slice(0, -2);
    if (stem.length >= 3 && hasVowel(stem)) return stem;
  }
  return w;
}

/** Derivations that keep the concept: -ization, -ation/-ate, -tion/-sion, -ive, -ment. */
function stripDerivation(w: string, original: string): string {
  if (/i[sz]ation$/.test(w) && w.length > 9) return `${w.slice(0, -7)}iz`;
  if (w.endsWith('ative') && w.length - 5 >= 3) return w.slice(0, -5);
  if (w.endsWith('ation') && w.length - 5 >= 3) return w.slice(0, -5);
  // "generated"/"generating" arrive here as "generat"; "generate" as "generate".
  if (/at(e|ed|es|ing)$/.test(original)) {
    const root = w.endsWith('ate') ? w.slice(0, -3) : w.endsWith('at') ? w.slice(0, -2) : '';
    if (root.length >= 3) return root;
  }
  if (/[ts]ion$/.test(w) && w.length - 3 >= 4) return w.slice(0, -3);
  if (w.endsWith('ive') && w.length - 3 >= 4) return w.slice(0, -3);
  if (w.endsWith('ment') && w.length - 4 >= 4) return w.slice(0, -4);
  return w;
}

/** Final cleanup so that "merge"/"merg", "embedd"/"embed", "modell"/"model" meet. */
function tidy(w: string): string {
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  const n = w.length;
  if (n >= 4 && w[n - 1] === w[n - 2] && !/[aeiousz]/.test(w[n - 1]!)) w = w.slice(0, -1);
  return w;
}

/**
 * Stems one lowercase word. Words with digits or of 3 letters or fewer come back unchanged.
 * Same input always gives the same output; different inflections of a word give the same stem.
 */
export function referenceStem(word: string): string {
  if (word.length <= 3 || /[^a-z]/.test(word)) return word;
  const fixed = FIXED[word];
  if (fixed) return fixed;
  // British -ise spellings meet the -ize ones ("optimise" = "optimize"), only after the endings
  // such verbs have, so "supervise", "revise" or "promise" stay as they are.
  const w0 = word.replace(BRITISH_ISE, '$1iz$2');
  const inflected = stripInflection(w0);
  const derived = stripDerivation(inflected, w0);
  return tidy(derived);
}
