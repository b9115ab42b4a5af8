// Integer ids for analyzed terms, so per-ranking work over every candidate's terms (postings,
// feedback overlap) is typed-array indexing instead of string hashing.
//
// The vocabulary only grows while analyses are made. Past a cap it is replaced by a fresh one,
// but only between rankings (renewVocabularyIfFull), so all ids compared within one ranking come
// from one vocabulary; cached analyses made under an old one re-intern on next use.

/** Terms interned before the vocabulary is started afresh (a few MB of strings and ids). */
const CAP = 500_000;

/** A set of terms numbered 0, 1, 2, … in the order they were first seen. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();

  /** Number of terms interned so far; every id is below it. */
  get size(): number {
    return this.ids.size;
  }

  /** The id of `term`, interning it when new. */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) this.ids.set(term, (id = this.ids.size));
    return id;
  }

  /** The id of `term`, or -1 when no analysis has produced it (so no paper contains it). */
  find(term: string): number {
    return this.ids.get(term) ?? -1;
  }
}

let current = new Vocabulary();

/** The vocabulary analyses intern into. */
export function currentVocabulary(): Vocabulary {
  return current;
}

/**
 * Starts a fresh vocabulary when the current one is full. Call only before a batch of work
 * whose ids are compared with each other (a ranking, a warm-up), never in the middle of one.
 */
export function renewVocabularyIfFull(): void {
  if (current.size >= CAP) current = new Vocabulary();
}

/**
 * A reusable table from term id to a small slot number, for one pass of one ranking. Entries are
 * cleared by `clear`, which costs only the entries set, not the table's length.
 */
export class TermSlots {
  private table = new Int32Array(1024);
  private readonly used: number[] = [];

  /** Gives term `id` the slot `slot` (≥ 0). */
  set(id: number, slot: number): void {
    if (id >= this.table.length) {
      const next = new Int32Array(Math.max(id + 1, this.table.length * 2));
      next.set(this.table);
      this.table = next;
    }
    if (this.table[id] === 0) this.used.push(id);
    this.table[id] = slot + 1;
  }

  /** The slot of term `id`, or -1. */
  get(id: number): number {
    return id < this.table.length ? this.table[id]! - 1 : -1;
  }

  /** Forgets every slot. */
  clear(): void {
    for (const id of this.used) this.table[id] = 0;
    this.used.length = 0;
  }
}
