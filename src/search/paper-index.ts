// The full-text paper index behind `/papers search`, `ask` and the ranking baseline: BM25F over
// title, abstract + HF keywords, and authors, using paperbot's own text analysis
// (src/search/text.ts) so stems, compounds and accents behave the same everywhere.
import type { PaperIndex, SearchHit } from '../ports.js';
import type { Paper } from '../types.js';
import { Bm25Index, type QueryTerm } from './bm25-index.js';
import { decodeSnapshot, encodeSnapshot, encodeSnapshotChunks, SnapshotFormatError, snapshotMeta } from './bm25-snapshot.js';
import { analysisFingerprint } from './analysis-fingerprint.js';
import { analyze } from './text.js';
import { paperTime } from './paper-time.js';

/** Field order in the index, and boosts: a title word says more than an abstract word. */
const FIELDS = { title: 0, text: 1, authors: 2 } as const;
const BOOSTS = [3, 1, 2];

/** Queries of at most this many terms get prefix and typo tolerance (typed searches are short). */
const SHORT_QUERY_TERMS = 4;

/**
 * "Common terms" cut-off, as in Lucene's cutoff_frequency: in a large index, a query term found in
 * more than this share of papers ("model", "learning") is dropped when the query has rarer
 * terms. Such terms barely change BM25 order but dominate the cost of a search.
 */
const COMMON_TERM_SHARE = 0.25;
const COMMON_TERM_MIN_INDEX = 20_000;

/**
 * What the terms of a snapshot mean: field layout and boosts (the text analysis is fingerprinted
 * separately). Bump the version whenever fieldsOf or paperTime changes what gets indexed, so
 * saved snapshots are rebuilt instead of restored.
 */
const SNAPSHOT_KIND = `paper-index/v1/title,text,authors/${BOOSTS.join(',')}`;

/** Metadata stored in every snapshot of a paper index; `extra` is the caller's (e.g. a store revision). */
export interface PaperIndexSnapshotMeta {
  kind: string;
  analysis: string;
  size: number;
  extra: Record<string, unknown>;
}

/** A PaperIndex that can be saved to bytes and restored from them. */
export interface SnapshotPaperIndex extends PaperIndex {
  /** The indexed content as bytes, with `extra` stored alongside (read back with readPaperIndexSnapshotMeta). */
  toSnapshot(extra?: Record<string, unknown>): Uint8Array;
  /**
   * The same bytes as toSnapshot, as consecutive chunks made while iterating (so they are never
   * all held at once). The index must not change until the iteration ends.
   */
  snapshotChunks(extra?: Record<string, unknown>): Iterable<Uint8Array>;
  /**
   * Replaces the whole content with the snapshot's, leaving out papers whose id is in `skip` (the
   * caller re-adds those). Afterwards searches give exactly what an index built from the same
   * papers gives. Throws SnapshotFormatError when the bytes were made by another layout or text
   * analysis; the index is then left unchanged.
   */
  restoreSnapshot(bytes: Uint8Array, skip?: ReadonlySet<string>): PaperIndexSnapshotMeta;
  /** Forgets every paper. */
  clear(): void;
}

/** True when `index` supports snapshots (indexes made by createPaperIndex do). */
export function isSnapshotPaperIndex(index: PaperIndex): index is SnapshotPaperIndex {
  const i = index as Partial<SnapshotPaperIndex>;
  return typeof i.toSnapshot === 'function' && typeof i.restoreSnapshot === 'function';
}

/** The metadata of a paper-index snapshot without decoding it; throws SnapshotFormatError on foreign bytes. */
export function readPaperIndexSnapshotMeta(bytes: Uint8Array): PaperIndexSnapshotMeta {
  const meta = snapshotMeta(bytes) as Partial<PaperIndexSnapshotMeta> | null;
  if (!meta || meta.kind !== SNAPSHOT_KIND || meta.analysis !== currentAnalysis()) {
    throw new SnapshotFormatError('snapshot made by another index layout or text analysis');
  }
  return meta as PaperIndexSnapshotMeta;
}

let analysis: string | undefined;
const currentAnalysis = () => (analysis ??= analysisFingerprint());

function fieldsOf(paper: Paper): string[][] {
  return [
    analyze(paper.title),
    analyze(`${paper.abstract}\n${(paper.aiKeywords ?? []).join(', ')}`),
    analyze(paper.authors.join(', ')),
  ];
}

/**
 * Creates an in-memory full-text index over papers. `add` replaces a paper already indexed under
 * the same id (within one batch the last copy wins). `search` returns hits best first; equal
 * scores put the newer paper (publishedAt, else listedOn) first, then the smaller id, so results
 * are deterministic. `options.ids` restricts hits to that candidate set. Short queries also match
 * longer words by prefix ("quant" → "quantization") and unknown words by small typos.
 */
export function createPaperIndex(papers: Paper[] = []): SnapshotPaperIndex {
  let bm25 = new Bm25Index(BOOSTS);

  function queryTerms(query: string): { terms: QueryTerm[]; fields?: number[] } {
    const words = [...new Set(analyze(query))];
    const short = words.length <= SHORT_QUERY_TERMS;
    const all = words.map((term) => ({
      term,
      weight: 1,
      prefix: short && term.length >= 4,
      fuzzy: short && term.length >= 5 && !/\d/.test(term) ? (term.length >= 8 ? 2 : 1) : undefined,
    }));
    if (bm25.size < COMMON_TERM_MIN_INDEX) return { terms: all };
    const cutoff = bm25.size * COMMON_TERM_SHARE;
    const rare = all.filter((q) => bm25.docFreq(q.term) <= cutoff);
    if (rare.length > 0) return { terms: rare };
    // Only very common words ("learning models"): they still discriminate in titles.
    return { terms: all, fields: [FIELDS.title, FIELDS.authors] };
  }

  const snapshotMetaOf = (extra: Record<string, unknown>): PaperIndexSnapshotMeta => ({
    kind: SNAPSHOT_KIND,
    analysis: currentAnalysis(),
    size: bm25.size,
    extra,
  });

  const index: SnapshotPaperIndex = {
    add(batch: Paper[]): void {
      const latest = new Map<string, Paper>();
      for (const p of batch) latest.set(p.id, p);
      for (const p of latest.values()) bm25.add(p.id, fieldsOf(p), paperTime(p));
    },
    has: (id) => bm25.has(id),
    get size() {
      return bm25.size;
    },
    search(query, options = {}): SearchHit[] {
      const limit = options.limit ?? 20;
      if (limit <= 0 || (options.ids && options.ids.size === 0)) return [];
      const q = queryTerms(query);
      return bm25.search(q.terms, { limit, keys: options.ids, fields: q.fields }).map((h) => ({
        id: h.key,
        score: h.score,
        terms: h.terms,
      }));
    },
    toSnapshot(extra = {}) {
      return encodeSnapshot(bm25.exportContent(), snapshotMetaOf(extra));
    },
    snapshotChunks(extra = {}) {
      return encodeSnapshotChunks(bm25.exportContent(), snapshotMetaOf(extra));
    },
    restoreSnapshot(bytes, skip) {
      const meta = readPaperIndexSnapshotMeta(bytes);
      bm25 = Bm25Index.fromState(decodeSnapshot(bytes).state, skip);
      return meta;
    },
    clear() {
      bm25 = new Bm25Index(BOOSTS);
    },
  };
  if (papers.length) index.add(papers);
  return index;
}
