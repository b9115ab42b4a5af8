// Saved search-index snapshots: opaque bytes split into small parts, plus a head record naming
// the parts. Small, because each part passes through a few strings (SQL row, JSON, base64):
// under V8's large-object size those die young and cheaply, while 8 MB parts left ~200 MB of
// garbage for a major GC, which a start-up never waits for. A new snapshot is written
// under a fresh generation before the head points to it, so a reader never mixes two.
import { randomUUID } from 'node:crypto';
import { createDeflateRaw, inflateRawSync } from 'node:zlib';
import type { Store } from '../ports.js';
import * as keys from './keys.js';

/** Bytes per part by default (stored as base64 text, a third larger). */
const PART_BYTES = 64 * 1024;
/** Parts read or written per round trip. */
const PARTS_AT_ONCE = 16;
/**
 * Stored bytes are deflated at the fastest level: index snapshots halve (53 → 25 MB at 100k
 * papers), and so does the text a start-up reads. Compression streams off the main thread;
 * decompression is one synchronous call (~0.2 s at start-up) into a buffer of the known size,
 * because the asynchronous one collects pieces and concatenates them: twice the memory.
 */
const DEFLATE_LEVEL = 1;

/** The head record of a snapshot. */
export interface IndexSnapshotHead {
  generation: string;
  parts: number;
  /** Length of the stored (deflated) bytes. */
  bytes: number;
  /** Length of the bytes as given to save (before deflating). */
  rawBytes?: number;
  /** How the stored bytes are encoded; absent means as given. */
  encoding?: 'deflate-raw';
  savedAt: string;
}

/** Reads and writes named index snapshots. */
export class IndexSnapshotStore {
  constructor(
    private readonly kv: Store,
    private readonly partBytes = PART_BYTES,
  ) {}

  /** The snapshot's bytes, or undefined when none is saved or a part is missing (replaced meanwhile). */
  async load(name: string): Promise<Uint8Array | undefined> {
    const head = await this.kv.get<IndexSnapshotHead>(keys.indexSnapshot(name));
    if (!head || !Number.isInteger(head.parts) || head.parts <= 0) return undefined;
    const names = Array.from({ length: head.parts }, (_, i) => keys.indexSnapshotPart(name, head.generation, i));
    const out = new Uint8Array(head.bytes);
    let at = 0;
    for (let i = 0; i < names.length; i += PARTS_AT_ONCE) {
      const texts = await this.kv.getMany<string>(names.slice(i, i + PARTS_AT_ONCE));
      for (const text of texts) {
        if (typeof text !== 'string') return undefined;
        const part = Buffer.from(text, 'base64');
        if (at + part.byteLength > out.byteLength) return undefined;
        out.set(part, at);
        at += part.byteLength;
      }
    }
    if (at !== out.byteLength) return undefined;
    if (head.encoding === undefined) return out;
    if (head.encoding !== 'deflate-raw') return undefined;
    // One spare byte: an output buffer filled exactly makes zlib allocate another one.
    const chunkSize = Math.max(64 * 1024, (head.rawBytes ?? 0) + 1);
    const raw = inflateRawSync(out, { chunkSize });
    return new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  }

  /**
   * Saves `bytes` (or the concatenation of its chunks, consumed as they are written, so a large
   * snapshot is never held whole) as the snapshot `name`, then deletes the one it replaces.
   */
  async save(name: string, bytes: Uint8Array | Iterable<Uint8Array>): Promise<void> {
    const previous = await this.kv.get<IndexSnapshotHead>(keys.indexSnapshot(name));
    const generation = randomUUID();
    const size = this.partBytes;
    let parts = 0;
    let stored = 0;
    let rawBytes = 0;
    const writePart = async (part: Buffer) => {
      await this.kv.set(keys.indexSnapshotPart(name, generation, parts++), part.toString('base64'));
      stored += part.byteLength;
    };
    const deflater = createDeflateRaw({ level: DEFLATE_LEVEL });
    const feed = (async () => {
      try {
        for (const chunk of bytes instanceof Uint8Array ? [bytes] : bytes) {
          rawBytes += chunk.byteLength;
          if (!deflater.write(chunk)) await drainedOrClosed(deflater);
          if (deflater.destroyed) return;
        }
        deflater.end();
      } catch (err) {
        deflater.destroy(err as Error);
      }
    })();
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    try {
      for await (const out of deflater as AsyncIterable<Buffer>) {
        pending.push(out);
        pendingBytes += out.byteLength;
        while (pendingBytes >= size) {
          const all = Buffer.concat(pending);
          await writePart(all.subarray(0, size));
          pending = [all.subarray(size)];
          pendingBytes -= size;
        }
      }
      await feed;
      if (pendingBytes > 0 || parts === 0) await writePart(Buffer.concat(pending));
    } catch (err) {
      deflater.destroy();
      await feed;
      // Best effort: the previous snapshot stays in place; drop the parts written so far.
      await Promise.all(Array.from({ length: parts }, (_, i) => this.kv.delete(keys.indexSnapshotPart(name, generation, i)).catch(() => undefined)));
      throw err;
    }
    const head: IndexSnapshotHead = {
      generation,
      parts,
      bytes: stored,
      rawBytes,
      encoding: 'deflate-raw',
      savedAt: new Date().toISOString(),
    };
    await this.kv.set(keys.indexSnapshot(name), head);
    if (previous && previous.generation !== generation) {
      const old = (i: number) => this.kv.delete(keys.indexSnapshotPart(name, previous.generation, i));
      for (let i = 0; i < previous.parts; i += PARTS_AT_ONCE) {
        await Promise.all(Array.from({ length: Math.min(PARTS_AT_ONCE, previous.parts - i) }, (_, k) => old(i + k)));
      }
    }
  }
}

function drainedOrClosed(stream: NodeJS.WritableStream & NodeJS.EventEmitter): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
