// Word handling for the extractive answerer: tokens, stop words and a light suffix stemmer.

const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing done down during each either else etc ever few for from further get gets got had has have having he her ' +
    'here hers him his how however i if in into is it its itself just least let like made make makes many may me might more most much ' +
    'must my no nor not now of off on once one only or other our ours out over own per please same she should since so some such ' +
    'tell than that the their theirs them then there these they this those through thus to too under until up upon us very via was we ' +
    'were what whatever when where whether which while who whom whose why will with within without would yes yet you your ' +
    // Words every question or abstract uses about itself: they match everything, so they say nothing.
    'abstract author authors paper papers work works study studies propose proposed proposes present presents presented ' +
    'show shows shown use used uses using new novel approach approaches method methods result results based explain mean means ' +
    'describe described say says said talk think know'
  ).split(' '),
);

// [ending, replacement], longest first; "-ation" keeps "at" so "evaluation" meets "evaluate".
const SUFFIXES: Array<[string, string]> = [
  ['ational', 'at'],
  ['ations', 'at'],
  ['ation', 'at'],
  ['ments', ''],
  ['ment', ''],
  ['ness', ''],
  ['ings', ''],
  ['ing', ''],
  ['ers', ''],
  ['er', ''],
  ['ed', ''],
  ['ly', ''],
];

/**
 * A light stemmer: plural and common verb/noun endings are cut, so "datasets"/"dataset",
 * "trained"/"training"/"trains" and "evaluation"/"evaluated" meet. Stems keep at least 3 letters.
 */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/'s$/, '');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(sses|xes|ches|shes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  // Two passes, so "filtered" → "filter" → "filt" meets "filter" → "filt".
  for (let pass = 0; pass < 2; pass++) {
    const suffix = SUFFIXES.find(([end, replacement]) => w.endsWith(end) && w.length - end.length + replacement.length >= 3);
    if (!suffix) break;
    w = w.slice(0, -suffix[0].length) + suffix[1];
  }
  // "running" → "runn" → "run"; "evaluate" → "evaluat" so it meets "evaluation" → "evaluat".
  if (/([^aeiouls])\1$/.test(w) && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

/** Lower-case word tokens (letters, digits, inner hyphens split), in order. */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The distinct stemmed content terms of a text: no stop words, no single characters. */
export function contentTerms(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of tokens(text)) {
    if (t.length < 2 || STOP_WORDS.has(t)) continue;
    out.add(stem(t));
  }
  return out;
}
