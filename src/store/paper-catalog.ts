// The compact list of stored papers: id → date, split into monthly chunks so a daily upsert
// rewrites one small chunk instead of the whole catalog, and `listPapersSince` reads only
// the months it needs.
import type { Store } from '../ports.js';
import * as keys from './keys.js';

/** Chunk holding papers without any date. */
export const UNDATED = 'undated';

/** One chunk: paper id → its catalog date (YYYY-MM-DD, '' when undated). */
export type CatalogChunk = Record<string, string>;

/** The chunk a date belongs to: its month, or UNDATED. */
export const chunkOf = (date: string | undefined): string => (date ? date.slice(0, 7) : UNDATED);

/** A catalog entry to record: the paper's id and its current date. */
export interface CatalogEntry {
  id: string;
  date: string | undefined;
  /** The date it was filed under before, when known and different (to remove the old entry). */
  previousDate?: string;
}

/** Reads and updates the chunked catalog. Callers serialize updates (one writer at a time). */
export class PaperCatalog {
  constructor(private readonly kv: Store) {}

  /** Names of existing chunks, sorted (months ascending, then UNDATED). */
  async chunkNames(): Promise<string[]> {
    return (await this.kv.get<string[]>(keys.papersCatalog())) ?? [];
  }

  /** The named chunks (missing ones as empty). */
  async load(names: string[]): Promise<Map<string, CatalogChunk>> {
    const values = await this.kv.getMany<CatalogChunk>(names.map(keys.papersCatalogChunk));
    return new Map(names.map((name, i) => [name, values[i] ?? {}]));
  }

  /** Every entry as [id, date] pairs, oldest month first. */
  async entries(since?: string): Promise<Array<[string, string]>> {
    let names = await this.chunkNames();
    if (since !== undefined) {
      const month = since.slice(0, 7);
      names = names.filter((n) => n !== UNDATED && n >= month);
    }
    const chunks = await this.load(names);
    const out: Array<[string, string]> = [];
    for (const chunk of chunks.values()) {
      for (const id in chunk) {
        const date = chunk[id] ?? '';
        if (since === undefined || date >= since) out.push([id, date]);
      }
    }
    return out;
  }

  /**
   * Files each entry under its date's chunk (and removes it from its previous chunk), checking
   * every entry against the stored chunks so a catalog that missed a write heals itself. Writes
   * each changed chunk once, and the chunk list only when a chunk is new.
   */
  async record(entries: CatalogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const known = await this.chunkNames();
    const wanted = new Set<string>();
    for (const e of entries) {
      wanted.add(chunkOf(e.date));
      if (e.previousDate !== undefined) wanted.add(chunkOf(e.previousDate));
    }
    const chunks = await this.load([...wanted]);
    const dirty = new Set<string>();
    for (const e of entries) {
      const target = chunkOf(e.date);
      const value = e.date ?? '';
      if (e.previousDate !== undefined) {
        const old = chunkOf(e.previousDate);
        const oldChunk = chunks.get(old)!;
        if (old !== target && e.id in oldChunk) {
          delete oldChunk[e.id];
          dirty.add(old);
        }
      }
      const chunk = chunks.get(target)!;
      if (chunk[e.id] !== value) {
        chunk[e.id] = value;
        dirty.add(target);
      }
    }
    for (const name of dirty) await this.kv.set(keys.papersCatalogChunk(name), chunks.get(name));
    const names = new Set(known);
    let added = false;
    for (const name of dirty) {
      if (!names.has(name)) {
        names.add(name);
        added = true;
      }
    }
    if (added) await this.kv.set(keys.papersCatalog(), [...names].sort(compareChunkNames));
  }
}

function compareChunkNames(a: string, b: string): number {
  if (a === b) return 0;
  if (a === UNDATED) return 1;
  if (b === UNDATED) return -1;
  return a < b ? -1 : 1;
}
