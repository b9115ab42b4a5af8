// Synthetic corpora for the speed benchmarks. Built from the recorded fixture papers, but with
// a realistic vocabulary: generic research words ("model", "results", "data") keep their high
// document frequency, while topical words are spread over many "topics" (a per-paper suffix),
// so that, as on arXiv, a word like "diffusion" appears in a few percent of papers, not in a
// fifth of them as it would if 85 abstracts were simply recombined.
import type { Paper } from '../src/types.js';

/** A small deterministic PRNG (mulberry32) so every run benchmarks the same corpus. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'ri', 'men', 'tor', 'vex', 'sa', 'qui', 'dra', 'pel', 'nox', 'zu', 'fi', 'gan', 'tro'];
const TOPICS = 2000;
/** Share of topical words replaced by their topic variant. */
const VARIANT_RATE = 0.85;
const GENERIC_WORDS = 80;

function genericVocabulary(seed: Paper[]): Set<string> {
  const df = new Map<string, number>();
  for (const p of seed) {
    for (const w of new Set(p.abstract.toLowerCase().match(/[a-z]+/g) ?? [])) df.set(w, (df.get(w) ?? 0) + 1);
  }
  return new Set([...df.entries()].sort((a, b) => b[1] - a[1]).slice(0, GENERIC_WORDS).map(([w]) => w));
}

/**
 * `count` synthetic papers built from the sentences, titles and authors of `seed` papers.
 * `variantRate` is the share of topical words given a topic suffix (0 = fixture vocabulary only).
 */
export function syntheticPapers(seed: Paper[], count: number, rng = seededRandom(42), variantRate = VARIANT_RATE): Paper[] {
  const generic = genericVocabulary(seed);
  const sentences = seed.flatMap((p) => p.abstract.split(/(?<=\.)\s+/)).filter((s) => s.length > 20);
  const titles = seed.map((p) => p.title);
  const authors = seed.flatMap((p) => p.authors);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rng() * xs.length)]!;
  const syllables = (n: number) => Array.from({ length: n }, () => pick(SYLLABLES)).join('');
  const topicSuffix = Array.from({ length: TOPICS }, () => syllables(2));
  const rewrite = (text: string, suffix: string) =>
    text.replace(/[A-Za-z]{4,}/g, (w) => (generic.has(w.toLowerCase()) || rng() >= variantRate ? w : `${w}${suffix}`));
  const out: Paper[] = [];
  const start = Date.parse('2024-01-01T00:00:00Z');
  for (let i = 0; i < count; i++) {
    const suffix = topicSuffix[Math.floor(rng() * TOPICS)]!;
    const n = 5 + Math.floor(rng() * 6);
    const abstract = rewrite(Array.from({ length: n }, () => pick(sentences)).join(' '), suffix);
    out.push({
      id: `syn.${String(i).padStart(6, '0')}`,
      title: `${syllables(3)}: ${rewrite(pick(titles), suffix)}`,
      abstract,
      authors: Array.from({ length: 1 + Math.floor(rng() * 6) }, () => pick(authors)),
      categories: ['cs.LG'],
      publishedAt: new Date(start + Math.floor(rng() * 900) * 86_400_000).toISOString(),
      links: {},
      signals: { upvotes: Math.floor(rng() * rng() * 150) },
      sources: ['synthetic'],
    });
  }
  return out;
}
