// A fingerprint of the text analysis, stored with index snapshots: terms saved by one version of
// the stemmer or scanner are useless to another, and nobody remembers to bump a version number.
import { analyze } from './text.js';

/**
 * Text exercising the analysis rules: case and accent folding, stop words, lone letters,
 * compounds, plurals, -ing/-ed, -ation/-ization, British -ise, -tion/-ive/-ment, kept words.
 */
const PROBE = `The Gómez-Ångström models, GPT-4 and Llama-3.1 were pre-trained; we're optimising
quantisation via self-supervised mixture-of-experts routing. A state-of-the-art O’Brien x-ray:
studies studied merging merged embeddings embedded modelling generative generation generalization
diffusion supervise supervision alignment demonstrations observations bias news during string
the of a 3 b 2024 ﬁne-tuning classification organizations evaluating activated regularisers`;

/** Hash (FNV-1a, hex) of what the current analysis makes of PROBE. Changes when the analysis does. */
export function analysisFingerprint(): string {
  let h = 0x811c9dc5;
  for (const ch of analyze(PROBE).join(' ')) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
