// A compact in-memory BM25F inverted index over pre-analyzed terms.
//
// Why not MiniSearch (the first choice, and what the design named): on a synthetic 100k-paper
// corpus with an arXiv-like vocabulary (bench/synthetic-papers.ts), MiniSearch 7.2 with the same
// analysis took 217 s to index, 1.47 GB of heap and 890 ms p95 per query, because every posting
// is a JS Map entry and every hit an object. This index keeps postings as packed numbers (doc id
// + per-field term counts) in plain or typed arrays: the same corpus indexes in ~50 s into
// ~290 MB, and searches in ~3 ms (p50) / ~8 ms (p95); see bench/search-speed.ts.
// It knows nothing about papers: src/search/paper-index.ts adapts it.

/** BM25 parameters: term-frequency saturation and length normalization. */
const K1 = 1.2;
const B = 0.75;
/** At most 3 fields; each field's count of a term is packed in 10 bits of one int32. */
const MAX_FIELDS = 3;
const TF_BITS = 10;
const TF_MAX = (1 << TF_BITS) - 1;
/**
 * Postings storage by length, to keep the many rare terms cheap: one posting is a single number
 * (doc * 2^30 + packed counts), a few are a plain array, many an Int32Array; the arrays hold
 * doc and packed counts interleaved.
 */
const TYPED_AFTER = 16;
const SINGLE_SHIFT = 2 ** 30;
/** Removed documents are purged from postings once they are this share of all documents. */
const VACUUM_SHARE = 0.1;
const VACUUM_MIN = 1000;
const PREFIX_KEY = 4;

type Postings = number | number[] | Int32Array;

/** One weighted query term, already analyzed. */
export interface QueryTerm {
  term: string;
  weight: number;
  /** Also match dictionary terms that start with this one (for short typed queries). */
  prefix?: boolean;
  /** Also match dictionary terms within this edit distance, when the term itself is unknown. */
  fuzzy?: number;
}

/** One scored document. `terms` are the query terms (not expansions) that matched it. */
export interface Bm25Hit {
  key: string;
  score: number;
  terms: string[];
}

/** The documents of an index, numbered 0..n-1 in the order they were added, and its terms. */
export interface Bm25Content {
  boosts: number[];
  keys: string[];
  tie: Float64Array;
  /** Per field, each document's length in terms. */
  lengths: Uint16Array[];
  terms: string[];
}

/**
 * An index's live content, for snapshots, read in place (valid until the index changes): every
 * term has at least one posting, visited in ascending document order.
 */
export interface Bm25Export extends Bm25Content {
  /** Number of postings of each term. */
  counts: Uint32Array;
  /** Calls `visit` with each posting of term `t`: the document and its packed per-field counts. */
  forEachPosting(t: number, visit: (doc: number, packed: number) => void): void;
}

/** Content to build an index from (what a snapshot decodes to). */
export interface Bm25State extends Bm25Content {
  /** Number of postings of each term. */
  counts: Uint32Array;
  /**
   * Writes term t's postings into `into` as (document, packed counts) pairs, in ascending
   * document order. Called once per term, for t = 0, 1, 2, … in order.
   */
  readPostings(t: number, into: Int32Array): void;
}

/** Options of one search. */
export interface Bm25SearchOptions {
  limit: number;
  /** Only score documents with these keys. */
  keys?: Set<string>;
  /** Only look in these fields (indexes into the field list). */
  fields?: number[];
}

function grow<T extends Float64Array | Int32Array | Uint8Array | Uint16Array>(a: T, min: number): T {
  if (a.length >= min) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(min, a.length * 2));
  next.set(a);
  return next;
}

/** Levenshtein distance, or max + 1 as soon as it must exceed `max`. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * BM25F over up to three fields with per-field boosts. Documents are added with a key, their
 * fields' terms and a tie value (larger first among equal scores, e.g. a timestamp); adding an
 * existing key replaces it. Search returns the best `limit` documents, best first, equal scores
 * ordered by tie value then key.
 */
export class Bm25Index {
  private readonly boosts: number[];
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly postings: Postings[] = [];
  private postCount = new Int32Array(1024);
  // Built on the first query that needs them: a start-up that only adds or restores skips the cost.
  private prefixBuckets: Map<string, number[]> | undefined;
  private fuzzyBuckets: Map<string, number[]> | undefined;

  private readonly keys: string[] = [];
  private readonly keyToDoc = new Map<string, number>();
  private live = new Uint8Array(1024);
  private tie = new Float64Array(1024);
  private readonly lengths: Uint16Array[];
  private readonly lengthSums: number[];
  private liveCount = 0;
  private deadCount = 0;
  // Per-document accumulators reused by every search (zeroed again where touched): allocating
  // them per query made ~1 MB of garbage per search at 100k documents.
  private scratchScores = new Float64Array(0);
  private scratchMatched = new Uint32Array(0);

  constructor(fieldBoosts: number[]) {
    if (fieldBoosts.length === 0 || fieldBoosts.length > MAX_FIELDS) throw new Error('Bm25Index: 1 to 3 fields');
    this.boosts = fieldBoosts;
    this.lengths = fieldBoosts.map(() => new Uint16Array(1024));
    this.lengthSums = fieldBoosts.map(() => 0);
  }

  /** Number of live documents. */
  get size(): number {
    return this.liveCount;
  }

  /** True when a document with this key is indexed. */
  has(key: string): boolean {
    return this.keyToDoc.has(key);
  }

  /** Number of documents containing the term (removed ones count until the next vacuum). */
  docFreq(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.postCount[id]!;
  }

  /** Adds a document, replacing any document with the same key. */
  add(key: string, fields: string[][], tieValue: number): void {
    this.remove(key);
    const doc = this.keys.length;
    this.keys.push(key);
    this.keyToDoc.set(key, doc);
    this.live = grow(this.live, doc + 1);
    this.tie = grow(this.tie, doc + 1);
    this.live[doc] = 1;
    this.tie[doc] = tieValue;
    this.liveCount++;
    const packed = new Map<string, number>();
    fields.forEach((terms, f) => {
      const len = Math.min(terms.length, 0xffff);
      this.lengths[f] = grow(this.lengths[f]!, doc + 1);
      this.lengths[f]![doc] = len;
      this.lengthSums[f]! += len;
      const shift = f * TF_BITS;
      for (const t of terms) {
        const v = packed.get(t) ?? 0;
        if (((v >>> shift) & TF_MAX) < TF_MAX) packed.set(t, v + (1 << shift));
      }
    });
    for (const [t, tfs] of packed) this.addPosting(this.termId(t), doc, tfs);
  }

  /** Removes a document; false when the key was not indexed. */
  remove(key: string): boolean {
    const doc = this.keyToDoc.get(key);
    if (doc === undefined) return false;
    this.keyToDoc.delete(key);
    this.live[doc] = 0;
    this.keys[doc] = '';
    this.lengths.forEach((l, f) => (this.lengthSums[f]! -= l[doc]!));
    this.liveCount--;
    this.deadCount++;
    if (this.deadCount >= VACUUM_MIN && this.deadCount > VACUUM_SHARE * this.keys.length) this.vacuum();
    return true;
  }

  /** Best documents for the weighted query terms. */
  search(query: QueryTerm[], options: Bm25SearchOptions): Bm25Hit[] {
    const n = this.keys.length;
    if (this.liveCount === 0 || options.limit <= 0 || query.length === 0) return [];
    let allowed: Uint8Array | undefined;
    if (options.keys) {
      allowed = new Uint8Array(n);
      for (const k of options.keys) {
        const d = this.keyToDoc.get(k);
        if (d !== undefined) allowed[d] = 1;
      }
    }
    const fields = options.fields ?? this.boosts.map((_, f) => f);
    const avg = this.lengthSums.map((s) => Math.max(1, s / this.liveCount));
    if (this.scratchScores.length < n) {
      this.scratchScores = new Float64Array(n + (n >> 3));
      this.scratchMatched = new Uint32Array(n + (n >> 3));
    }
    const scores = this.scratchScores;
    const matched = this.scratchMatched;
    const touched: number[] = [];
    const queryTerms = query.slice(0, 32);
    try {
      queryTerms.forEach((q, qi) => {
        for (const [termId, weight] of this.expand(q)) {
          const df = this.postCount[termId]!;
          const idf = Math.log(1 + (this.liveCount - df + 0.5) / (df + 0.5));
          const list = this.postings[termId]!;
          for (let i = 0; i < df; i++) {
            let d: number;
            let packed: number;
            if (typeof list === 'number') {
              d = Math.floor(list / SINGLE_SHIFT);
              packed = list % SINGLE_SHIFT;
            } else {
              d = list[2 * i]!;
              packed = list[2 * i + 1]!;
            }
            if (this.live[d] === 0 || (allowed && allowed[d] === 0)) continue;
            let tf = 0;
            for (const f of fields) {
              const count = (packed >>> (f * TF_BITS)) & TF_MAX;
              if (count) tf += (this.boosts[f]! * count) / (1 - B + (B * this.lengths[f]![d]!) / avg[f]!);
            }
            if (tf === 0) continue;
            if (scores[d] === 0) touched.push(d);
            scores[d] = scores[d]! + (weight * idf * tf * (K1 + 1)) / (K1 + tf);
            matched[d] = matched[d]! | (1 << qi);
          }
        }
      });
      const hits = this.top(touched, scores, options.limit).map((d) => ({
        key: this.keys[d]!,
        score: scores[d]!,
        terms: queryTerms.filter((_, qi) => (matched[d]! & (1 << qi)) !== 0).map((q) => q.term),
      }));
      return hits;
    } finally {
      for (const d of touched) {
        scores[d] = 0;
        matched[d] = 0;
      }
    }
  }

  /** The query term's dictionary ids with weights: itself, plus prefix and fuzzy expansions. */
  private expand(q: QueryTerm): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    const own = this.termIds.get(q.term);
    if (own !== undefined) out.push([own, q.weight]);
    // Ties are broken by the term itself, not its id, so results do not depend on the order
    // documents were added in (a restored snapshot numbers terms differently).
    if (q.prefix && q.term.length >= PREFIX_KEY) {
      const bucket = this.buckets().prefix.get(q.term.slice(0, PREFIX_KEY)) ?? [];
      const longer = bucket.filter((id) => id !== own && this.terms[id]!.startsWith(q.term));
      longer.sort((a, b) => this.postCount[b]! - this.postCount[a]! || this.compareTerms(a, b));
      for (const id of longer.slice(0, 30)) out.push([id, q.weight * 0.4 * (q.term.length / this.terms[id]!.length)]);
    }
    if (q.fuzzy && own === undefined && q.term.length >= 5) {
      const found: Array<[number, number]> = [];
      for (let len = q.term.length - q.fuzzy; len <= q.term.length + q.fuzzy; len++) {
        for (const id of this.buckets().fuzzy.get(`${q.term[0]}${len}`) ?? []) {
          const dist = boundedEditDistance(q.term, this.terms[id]!, q.fuzzy);
          if (dist <= q.fuzzy) found.push([id, dist]);
        }
      }
      found.sort((a, b) => a[1] - b[1] || this.postCount[b[0]]! - this.postCount[a[0]]! || this.compareTerms(a[0], b[0]));
      for (const [id, dist] of found.slice(0, 10)) out.push([id, q.weight * (dist === 1 ? 0.45 : 0.3)]);
      // A typo in a suffix defeats stemming ("quantizaton" is not stemmed to "quantiz"): also try
      // the longest known term the unknown one starts with.
      for (let len = q.term.length - 1; len >= Math.max(5, Math.ceil(0.6 * q.term.length)); len--) {
        const id = this.termIds.get(q.term.slice(0, len));
        if (id !== undefined && this.postCount[id]! > 0) {
          if (!out.some(([o]) => o === id)) out.push([id, q.weight * 0.45 * (len / q.term.length)]);
          break;
        }
      }
    }
    return out;
  }

  /** The best `limit` of the touched documents, in order (a heap keeps big result sets cheap). */
  private top(touched: number[], scores: Float64Array, limit: number): number[] {
    const better = (a: number, b: number): boolean => {
      if (scores[a] !== scores[b]) return scores[a]! > scores[b]!;
      if (this.tie[a] !== this.tie[b]) return this.tie[a]! > this.tie[b]!;
      return this.keys[a]! < this.keys[b]!;
    };
    if (touched.length <= limit * 4) return touched.sort((a, b) => (a === b ? 0 : better(a, b) ? -1 : 1)).slice(0, limit);
    // Min-heap of the best `limit` so far (root = the worst of them).
    const heap: number[] = [];
    const siftDown = (i: number) => {
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let worst = i;
        if (l < heap.length && better(heap[worst]!, heap[l]!)) worst = l;
        if (r < heap.length && better(heap[worst]!, heap[r]!)) worst = r;
        if (worst === i) return;
        [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
        i = worst;
      }
    };
    for (const d of touched) {
      if (heap.length < limit) {
        heap.push(d);
        for (let i = heap.length - 1; i > 0; ) {
          const parent = (i - 1) >> 1;
          if (!better(heap[parent]!, heap[i]!)) break;
          [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
          i = parent;
        }
      } else if (better(d, heap[0]!)) {
        heap[0] = d;
        siftDown(0);
      }
    }
    return heap.sort((a, b) => (a === b ? 0 : better(a, b) ? -1 : 1));
  }

  private compareTerms(a: number, b: number): number {
    const x = this.terms[a]!;
    const y = this.terms[b]!;
    return x < y ? -1 : x > y ? 1 : 0;
  }

  private buckets(): { prefix: Map<string, number[]>; fuzzy: Map<string, number[]> } {
    if (!this.prefixBuckets || !this.fuzzyBuckets) {
      this.prefixBuckets = new Map();
      this.fuzzyBuckets = new Map();
      for (let id = 0; id < this.terms.length; id++) this.bucketTerm(id);
    }
    return { prefix: this.prefixBuckets, fuzzy: this.fuzzyBuckets };
  }

  private bucketTerm(id: number): void {
    const term = this.terms[id]!;
    if (term.length >= PREFIX_KEY) pushTo(this.prefixBuckets!, term.slice(0, PREFIX_KEY), id);
    if (term.length >= 4) pushTo(this.fuzzyBuckets!, `${term[0]}${term.length}`, id);
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id !== undefined) return id;
    id = this.terms.length;
    this.terms.push(term);
    this.termIds.set(term, id);
    this.postings.push(0);
    this.postCount = grow(this.postCount, id + 1);
    if (this.prefixBuckets) this.bucketTerm(id);
    return id;
  }

  private addPosting(termId: number, doc: number, tfs: number): void {
    const n = this.postCount[termId]!;
    const list = this.postings[termId]!;
    if (n === 0) this.postings[termId] = doc * SINGLE_SHIFT + tfs;
    else if (typeof list === 'number') {
      this.postings[termId] = [Math.floor(list / SINGLE_SHIFT), list % SINGLE_SHIFT, doc, tfs];
    } else if (Array.isArray(list)) {
      // concat allocates exactly the needed size; push would over-allocate every short list.
      if (n < TYPED_AFTER) this.postings[termId] = list.concat(doc, tfs);
      else {
        const typed = new Int32Array(4 * n);
        typed.set(list);
        typed[2 * n] = doc;
        typed[2 * n + 1] = tfs;
        this.postings[termId] = typed;
      }
    } else {
      const typed = list.length >= 2 * n + 2 ? list : (this.postings[termId] = grow(list, 4 * n));
      typed[2 * n] = doc;
      typed[2 * n + 1] = tfs;
    }
    this.postCount[termId] = n + 1;
  }

  /** Drops removed documents from every postings list. */
  private vacuum(): void {
    for (let t = 0; t < this.terms.length; t++) {
      const list = this.postings[t]!;
      if (typeof list === 'number') {
        if (this.postCount[t] === 1 && this.live[Math.floor(list / SINGLE_SHIFT)] === 0) this.postCount[t] = 0;
        continue;
      }
      let w = 0;
      for (let i = 0; i < this.postCount[t]!; i++) {
        if (this.live[list[2 * i]!] === 0) continue;
        list[2 * w] = list[2 * i]!;
        list[2 * w + 1] = list[2 * i + 1]!;
        w++;
      }
      if (Array.isArray(list)) list.length = 2 * w;
      this.postCount[t] = w;
      // A list emptied to one posting keeps its array form; addPosting copes with every form.
    }
    this.deadCount = 0;
  }

  /**
   * The live content (see Bm25Export), after dropping removed documents from the postings.
   * Documents are renumbered without gaps, which changes no search result.
   */
  exportContent(): Bm25Export {
    if (this.deadCount > 0) this.vacuum();
    const n = this.keys.length;
    const renumber = new Int32Array(n).fill(-1);
    const keys: string[] = [];
    const tie = new Float64Array(this.liveCount);
    const lengths = this.lengths.map(() => new Uint16Array(this.liveCount));
    for (let d = 0; d < n; d++) {
      if (this.live[d] === 0) continue;
      const nd = keys.length;
      renumber[d] = nd;
      keys.push(this.keys[d]!);
      tie[nd] = this.tie[d]!;
      this.lengths.forEach((l, f) => (lengths[f]![nd] = l[d]!));
    }
    const ids: number[] = [];
    for (let t = 0; t < this.terms.length; t++) if (this.postCount[t]! > 0) ids.push(t);
    const postings = this.postings;
    const counts = Uint32Array.from(ids, (t) => this.postCount[t]!);
    return {
      boosts: [...this.boosts],
      keys,
      tie,
      lengths,
      terms: ids.map((t) => this.terms[t]!),
      counts,
      forEachPosting(t, visit) {
        const list = postings[ids[t]!]!;
        if (typeof list === 'number') return visit(renumber[Math.floor(list / SINGLE_SHIFT)]!, list % SINGLE_SHIFT);
        const count = counts[t]!;
        for (let i = 0; i < count; i++) visit(renumber[list[2 * i]!]!, list[2 * i + 1]!);
      },
    };
  }

  /**
   * An index holding `state`'s documents, minus those whose key is in `skip` (to be re-added by
   * the caller). Searches give exactly what an index built by adding the same documents gives.
   */
  static fromState(state: Bm25State, skip?: ReadonlySet<string>): Bm25Index {
    const index = new Bm25Index(state.boosts);
    const n = state.keys.length;
    const renumber = new Int32Array(n).fill(-1);
    let live = 0;
    for (let d = 0; d < n; d++) if (!skip?.has(state.keys[d]!)) renumber[d] = live++;
    index.live = new Uint8Array(Math.max(1024, live));
    index.tie = new Float64Array(Math.max(1024, live));
    state.lengths.forEach((_, f) => (index.lengths[f] = new Uint16Array(Math.max(1024, live))));
    for (let d = 0; d < n; d++) {
      const nd = renumber[d]!;
      if (nd < 0) continue;
      const key = state.keys[d]!;
      index.keys.push(key);
      index.keyToDoc.set(key, nd);
      index.live[nd] = 1;
      index.tie[nd] = state.tie[d]!;
      state.lengths.forEach((l, f) => {
        index.lengths[f]![nd] = l[d]!;
        index.lengthSums[f]! += l[d]!;
      });
    }
    index.liveCount = live;
    index.postCount = new Int32Array(Math.max(1024, state.terms.length));
    let longest = 1;
    for (const c of state.counts) longest = Math.max(longest, c);
    const scratch = new Int32Array(2 * longest);
    for (let t = 0; t < state.terms.length; t++) {
      state.readPostings(t, scratch);
      let w = 0;
      for (let r = 0; r < 2 * state.counts[t]!; r += 2) {
        const nd = renumber[scratch[r]!]!;
        if (nd < 0) continue;
        scratch[w] = nd;
        scratch[w + 1] = scratch[r + 1]!;
        w += 2;
      }
      const count = w / 2;
      if (count === 0) continue;
      const id = index.terms.length;
      index.terms.push(state.terms[t]!);
      index.termIds.set(state.terms[t]!, id);
      index.postCount[id] = count;
      // The same three forms addPosting builds, so later adds and vacuums work unchanged. Long
      // lists get room for an eighth more, so a day's papers added later need no reallocation.
      if (count === 1) index.postings.push(scratch[0]! * SINGLE_SHIFT + scratch[1]!);
      else if (count < TYPED_AFTER) index.postings.push(Array.from(scratch.subarray(0, w)));
      else {
        const list = new Int32Array(w + 2 * Math.ceil(count / 8));
        list.set(scratch.subarray(0, w));
        index.postings.push(list);
      }
    }
    return index;
  }
}

function pushTo(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
