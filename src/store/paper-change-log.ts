// Which papers changed since a given moment, so a saved search index can be brought up to date
// by re-adding a day's papers instead of re-analyzing the whole corpus. Every upsert that writes
// claims the next revision number (atomically, with setIfAbsent) and files the ids it wrote
// under it, before writing the papers: a crash in between leaves a harmless extra entry.
import type { Store } from '../ports.js';
import * as keys from './keys.js';

/** Revisions read per round trip. */
const READ_CHUNK = 250;

/** The changes after some revision: every id written since, and the revision they lead up to. */
export interface PaperChanges {
  revision: number;
  ids: string[];
}

/** Records and reads the papers' change log (see keys.paperChange). */
export class PaperChangeLog {
  constructor(private readonly kv: Store) {}

  /** The latest revision claimed (0 for a store that never recorded one). */
  async revision(): Promise<number> {
    return (await this.kv.get<number>(keys.papersRevision())) ?? 0;
  }

  /** Files `ids` under a newly claimed revision and returns that revision. */
  async record(ids: string[]): Promise<number> {
    let revision = (await this.revision()) + 1;
    // Another process may have claimed this number a moment ago: take the next free one.
    while (!(await this.kv.setIfAbsent(keys.paperChange(revision), ids, keys.TTL.paperChange))) revision++;
    await this.kv.set(keys.papersRevision(), revision);
    return revision;
  }

  /**
   * Every id written after `since`, de-duplicated, or undefined when that cannot be known: a
   * record has expired, or `since` is ahead of this store (a snapshot of another store).
   */
  async changedSince(since: number): Promise<PaperChanges | undefined> {
    const current = await this.revision();
    if (!Number.isInteger(since) || since < 0 || since > current) return undefined;
    const ids = new Set<string>();
    let revision = since;
    for (let from = since + 1; from <= current; from += READ_CHUNK) {
      const upTo = Math.min(current, from + READ_CHUNK - 1);
      const records = await this.read(from, upTo);
      if (records.some((r) => r === undefined)) return undefined;
      for (const r of records) for (const id of r!) ids.add(id);
      revision = upTo;
    }
    // Two writers may finish out of order and leave the counter below the highest claim.
    for (;;) {
      const [next] = await this.read(revision + 1, revision + 1);
      if (next === undefined) break;
      for (const id of next) ids.add(id);
      revision++;
    }
    return { revision, ids: [...ids] };
  }

  private read(from: number, upTo: number): Promise<Array<string[] | undefined>> {
    const names: string[] = [];
    for (let r = from; r <= upTo; r++) names.push(keys.paperChange(r));
    return this.kv.getMany<string[]>(names);
  }
}
