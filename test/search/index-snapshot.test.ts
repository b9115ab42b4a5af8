import { describe, expect, it } from 'vitest';
import { createPaperIndex, type SnapshotPaperIndex } from '../../src/search/paper-index.js';
import { SnapshotFormatError } from '../../src/search/bm25-snapshot.js';
import type { PaperIndex } from '../../src/ports.js';
import type { Paper } from '../../src/types.js';
import { makeCorpus, makeQueries } from '../../bench/corpus.js';

const corpus = makeCorpus(1500);
const QUERIES = [
  ...makeQueries(corpus, 60),
  'quant', 'diffusio', 'quantizaton', 'gpt-4', 'language models', 'learning', 'agent memory', 'reasonin',
];

/** Every query's hits (ids, scores and matched terms), plus hits restricted to a candidate set. */
function results(index: PaperIndex): unknown[] {
  const some = new Set(corpus.filter((_, i) => i % 7 === 0).map((p) => p.id));
  return QUERIES.flatMap((q) => [index.search(q, { limit: 15 }), index.search(q, { limit: 5, ids: some })]);
}

function restored(from: SnapshotPaperIndex, skip?: Set<string>): SnapshotPaperIndex {
  const index = createPaperIndex();
  index.restoreSnapshot(from.toSnapshot({ revision: 7 }), skip);
  return index;
}

describe('paper index snapshots', () => {
  it('restore to an index that searches exactly like the original', () => {
    const built = createPaperIndex(corpus);
    const copy = restored(built);
    expect(copy.size).toBe(corpus.length);
    expect(copy.has(corpus[0]!.id)).toBe(true);
    expect(results(copy)).toEqual(results(built));
  });

  it('equal a fresh build when skipped papers are re-added (in another order)', () => {
    const fresh = createPaperIndex(corpus);
    const changed = corpus.filter((_, i) => i % 11 === 0);
    const copy = restored(createPaperIndex(corpus), new Set(changed.map((p) => p.id)));
    expect(copy.size).toBe(corpus.length - changed.length);
    copy.add([...changed].reverse());
    expect(results(copy)).toEqual(results(fresh));
  });

  it('leave out replaced versions, so idf and vocabulary match a fresh build', () => {
    const old: Paper[] = corpus.slice(0, 300).map((p) => ({ ...p, title: `${p.title} obsoletewordz`, abstract: 'gone' }));
    const index = createPaperIndex(old);
    index.add(corpus);
    const copy = restored(index);
    expect(copy.search('obsoletewordz')).toEqual([]);
    expect(results(copy)).toEqual(results(createPaperIndex(corpus)));
  });

  it('keep indexing after a restore', () => {
    const copy = restored(createPaperIndex(corpus.slice(0, 1000)));
    copy.add(corpus.slice(1000));
    expect(results(copy)).toEqual(results(createPaperIndex(corpus)));
  });

  it('carry their metadata and refuse foreign or damaged bytes, leaving the index as it was', () => {
    const built = createPaperIndex(corpus.slice(0, 50));
    const bytes = built.toSnapshot({ revision: 3 });
    const target = createPaperIndex(corpus.slice(0, 5));
    expect(target.restoreSnapshot(bytes).extra).toEqual({ revision: 3 });
    const other = createPaperIndex(corpus.slice(0, 5));
    expect(() => other.restoreSnapshot(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]))).toThrow(SnapshotFormatError);
    expect(() => other.restoreSnapshot(bytes.subarray(0, bytes.length - 64))).toThrow(SnapshotFormatError);
    const foreign = new TextDecoder().decode(bytes).replace('paper-index/v1/', 'paper-index/v0/');
    expect(() => other.restoreSnapshot(new TextEncoder().encode(foreign))).toThrow(SnapshotFormatError);
    expect(other.size).toBe(5);
  });

  it('restore an empty index', () => {
    const copy = restored(createPaperIndex());
    expect(copy.size).toBe(0);
    expect(copy.search('anything')).toEqual([]);
  });
});
