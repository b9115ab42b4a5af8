// The tf-idf space of one ranking: term rarity from the corpus (when it is big enough to say) or
// from the candidates themselves, each candidate's vector length, and cosine similarity of every
// candidate to a few reference vectors (example papers, 👍 papers, the pseudo-relevance
// feedback centroid) in one pass over the candidates' terms.
import type { PaperText } from './paper-text.js';
import { termWeights } from './feedback.js';
import { TermSlots } from './vocabulary.js';

/** Corpus term statistics for the terms a ranking asks about (PaperCorpus.documentFrequencies). */
export interface CorpusTermStats {
  papers: number;
  /** Papers containing each term, keyed by our analyzed term. */
  df: Map<string, number>;
}

/**
 * Below this many papers the corpus says less about rarity than the candidates do (a fresh
 * install holds only the first day's papers).
 */
export const MIN_CORPUS_PAPERS = 500;
/** Fewer candidates than this (and no corpus) say nothing about which words are common. */
const MIN_CANDIDATES_FOR_COMMONNESS = 30;

/** A sparse vector over term ids, unit length. */
export interface TermVector {
  ids: number[];
  weights: number[];
}

// Reused between rankings: term id → slot among the reference vectors' terms.
const refSlots = new TermSlots();

/** Term rarity and candidate vectors for one ranking. The texts must share one vocabulary. */
export class TermSpace {
  /** Candidates containing each term id (ids interned after construction count as 0). */
  private readonly df: Int32Array;
  private readonly corpusDf = new Map<number, number>();
  /** idf of the terms the corpus knows, by term id. */
  private readonly corpusIdf = new Map<number, number>();
  /**
   * idf from the candidates, by candidate df (0…size): a candidate df is a small integer, so
   * every term's idf is one table read instead of a logarithm or a per-term memo.
   */
  private readonly idfByDf: Float64Array;
  private readonly norms: Float64Array;
  readonly size: number;

  /**
   * `texts` are the candidates' analyses, `ids` their paper ids (for order-independent ties),
   * `corpus` the corpus statistics of the terms the ranking asks about, if any.
   */
  constructor(
    readonly texts: PaperText[],
    readonly ids: string[],
    private readonly corpus?: CorpusTermStats,
  ) {
    this.size = texts.length;
    const vocab = texts[0]?.vocab;
    this.df = new Int32Array(vocab?.size ?? 0);
    for (const t of texts) for (const id of t.ids) this.df[id]!++;
    this.idfByDf = new Float64Array(this.size + 1);
    for (let n = 0; n <= this.size; n++) this.idfByDf[n] = Math.log(1 + (this.size + 1) / (n + 1));
    if (vocab && corpus && corpus.papers >= MIN_CORPUS_PAPERS) {
      for (const [term, n] of corpus.df) {
        const id = vocab.find(term);
        if (id < 0) continue;
        this.corpusDf.set(id, n);
        this.corpusIdf.set(id, Math.log(1 + (corpus.papers + 1) / (n + 1)));
      }
    }
    this.norms = new Float64Array(texts.length);
    texts.forEach((t, p) => {
      const { weights } = termWeights(t);
      let sum = 0;
      for (let k = 0; k < t.ids.length; k++) {
        const w = weights[k]! * this.idf(t.ids[k]!);
        sum += w * w;
      }
      this.norms[p] = Math.sqrt(sum) || 1;
    });
  }

  /** Candidates containing term `id`. */
  candidateDf(id: number): number {
    return id >= 0 && id < this.df.length ? this.df[id]! : 0;
  }

  /**
   * Rarity of term `id`: from the corpus when it knows the term and is big enough, else from the
   * candidates (smoothed, so a term in no candidate is rare, not infinite).
   */
  idf(id: number): number {
    if (this.corpusIdf.size > 0) {
      const known = this.corpusIdf.get(id);
      if (known !== undefined) return known;
    }
    return this.idfByDf[this.candidateDf(id)]!;
  }

  /**
   * Share of corpus papers (or candidates) containing the term: high for "model", "method".
   * Undefined when neither is big enough to tell (a handful of candidates and no corpus).
   */
  commonness(id: number): number | undefined {
    const c = this.corpusDf.get(id);
    if (c !== undefined && this.corpus) return c / Math.max(1, this.corpus.papers);
    if (this.size < MIN_CANDIDATES_FOR_COMMONNESS) return undefined;
    return this.candidateDf(id) / this.size;
  }

  /** The tf-idf vector of a paper, cut to its `top` heaviest terms, unit length. */
  vectorOf(text: PaperText, top = 60): TermVector {
    const { weights } = termWeights(text);
    const entries: Array<[number, number]> = [];
    for (let k = 0; k < text.ids.length; k++) entries.push([text.ids[k]!, weights[k]! * this.idf(text.ids[k]!)]);
    entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return unit(entries.slice(0, top));
  }

  /** Sum of unit vectors, cut to its `top` heaviest terms, unit length (empty input: empty). */
  centroid(vectors: TermVector[], top = 80): TermVector {
    const sum = new Map<number, number>();
    for (const v of vectors) v.ids.forEach((id, i) => sum.set(id, (sum.get(id) ?? 0) + v.weights[i]!));
    const entries = [...sum.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return unit(entries.slice(0, top));
  }

  /** Cosine of every candidate to each reference vector: result[ref][candidate], in [0, 1]. */
  cosines(refs: TermVector[]): Float64Array[] {
    const out = refs.map(() => new Float64Array(this.size));
    if (refs.length === 0) return out;
    const byTerm: Array<number[] | undefined> = [];
    let slots = 0;
    try {
      refs.forEach((v, r) =>
        v.ids.forEach((id, i) => {
          let s = refSlots.get(id);
          if (s < 0) refSlots.set(id, (s = slots++));
          (byTerm[s] ??= []).push(r, v.weights[i]!);
        }),
      );
      this.texts.forEach((t, p) => {
        const { weights } = termWeights(t);
        const norm = this.norms[p]!;
        for (let k = 0; k < t.ids.length; k++) {
          const s = refSlots.get(t.ids[k]!);
          if (s < 0) continue;
          const w = (weights[k]! * this.idf(t.ids[k]!)) / norm;
          const list = byTerm[s]!;
          for (let j = 0; j < list.length; j += 2) {
            const row = out[list[j]!]!;
            row[p] = row[p]! + w * list[j + 1]!;
          }
        }
      });
    } finally {
      refSlots.clear();
    }
    return out;
  }
}

function unit(entries: Array<[number, number]>): TermVector {
  const norm = Math.sqrt(entries.reduce((s, [, w]) => s + w * w, 0)) || 1;
  return { ids: entries.map(([id]) => id), weights: entries.map(([, w]) => w / norm) };
}
