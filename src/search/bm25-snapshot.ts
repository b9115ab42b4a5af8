// Binary form of an index's content, so a serving process can restore its index instead of
// analyzing every stored paper again. Strings go as JSON (parsed natively, fast); numbers as
// typed arrays; postings as varints (document gaps and packed counts), ~3× smaller than int32.
// Encoding writes straight into the output, and decoding hands postings to the index term by
// term: a snapshot of 100k papers is restored without holding its postings twice.
import type { Bm25Content, Bm25Export, Bm25State } from './bm25-index.js';

const MAGIC = 0x31584250; // "PBX1", little-endian
/** Layout version of the bytes themselves; callers version what the terms mean (analysis). */
const LAYOUT = 1;

interface Header {
  layout: number;
  meta: unknown;
  boosts: number[];
  docs: number;
  terms: number;
  postings: number;
  /** Byte length of each section, in order: keys, terms, tie, lengths × fields, counts, postings. */
  sections: number[];
}

/** Thrown when bytes are not a snapshot this code can read. */
export class SnapshotFormatError extends Error {}

const pad8 = (n: number) => (n + 7) & ~7;
const varintSize = (v: number) => (v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5);
const bytesOf = (a: Float64Array | Uint16Array | Uint32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** Bytes per chunk of encodeSnapshotChunks (a term's postings are never split, so some are longer). */
const CHUNK_BYTES = 1 << 20;

/**
 * Encodes an index's content with caller metadata (any JSON value) as a sequence of chunks
 * whose concatenation is the snapshot, so a caller can compress and store it without ever
 * holding it whole.
 */
export function* encodeSnapshotChunks(content: Bm25Export, meta: unknown): Generator<Uint8Array> {
  const enc = new TextEncoder();
  let postingBytes = 0;
  let postings = 0;
  let longest = 0;
  for (let t = 0; t < content.terms.length; t++) {
    let prev = 0;
    content.forEachPosting(t, (doc, packed) => {
      postingBytes += varintSize(doc - prev) + varintSize(packed >>> 0);
      prev = doc;
      postings++;
    });
    longest = Math.max(longest, content.counts[t]!);
  }
  const parts: Uint8Array[] = [
    enc.encode(JSON.stringify(content.keys)),
    enc.encode(JSON.stringify(content.terms)),
    bytesOf(content.tie),
    ...content.lengths.map(bytesOf),
    bytesOf(content.counts),
  ];
  const header: Header = {
    layout: LAYOUT,
    meta,
    boosts: content.boosts,
    docs: content.keys.length,
    terms: content.terms.length,
    postings,
    sections: [...parts.map((p) => p.byteLength), postingBytes],
  };
  const head = enc.encode(JSON.stringify(header));
  const first = new Uint8Array(pad8(8 + head.byteLength));
  const view = new DataView(first.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, head.byteLength, true);
  first.set(head, 8);
  yield first;
  for (const p of parts) {
    yield p;
    if (pad8(p.byteLength) > p.byteLength) yield new Uint8Array(pad8(p.byteLength) - p.byteLength);
  }
  // Room for a whole term's postings (at most 10 bytes each) past the chunk size.
  const capacity = CHUNK_BYTES + 10 * longest;
  let out = new Uint8Array(capacity);
  let w = 0;
  const put = (v: number) => {
    while (v >= 0x80) {
      out[w++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    out[w++] = v;
  };
  for (let t = 0; t < content.terms.length; t++) {
    let prev = 0;
    content.forEachPosting(t, (doc, packed) => {
      put(doc - prev);
      put(packed >>> 0);
      prev = doc;
    });
    if (w >= CHUNK_BYTES) {
      yield out.subarray(0, w);
      out = new Uint8Array(capacity);
      w = 0;
    }
  }
  const tail = pad8(postingBytes) - postingBytes;
  if (w + tail > 0) yield out.subarray(0, w + tail);
}

/** Encodes an index's content with caller metadata into one byte array (see encodeSnapshotChunks). */
export function encodeSnapshot(content: Bm25Export, meta: unknown): Uint8Array {
  const chunks = [...encodeSnapshotChunks(content, meta)];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Reads only the metadata of a snapshot (cheap: nothing else is decoded). */
export function snapshotMeta(bytes: Uint8Array): unknown {
  return readHeader(bytes).header.meta;
}

function readHeader(bytes: Uint8Array): { header: Header; body: number } {
  if (bytes.byteLength < 8) throw new SnapshotFormatError('snapshot too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new SnapshotFormatError('not an index snapshot');
  const len = view.getUint32(4, true);
  if (8 + len > bytes.byteLength) throw new SnapshotFormatError('snapshot header truncated');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + len))) as Header;
  } catch {
    throw new SnapshotFormatError('snapshot header unreadable');
  }
  if (header.layout !== LAYOUT) throw new SnapshotFormatError(`snapshot layout ${header.layout}, expected ${LAYOUT}`);
  return { header, body: pad8(8 + len) };
}

/** A typed view of a section: in place when aligned, else a copy. */
function typed<T>(bytes: Uint8Array, at: number, len: number, make: (b: ArrayBuffer, o: number, n: number) => T, width: number): T {
  const offset = bytes.byteOffset + at;
  if (offset % width === 0) return make(bytes.buffer as ArrayBuffer, offset, len / width);
  return make(bytes.slice(at, at + len).buffer as ArrayBuffer, 0, len / width);
}

/**
 * Decodes what encodeSnapshot wrote (see Bm25State; postings are read lazily from `bytes`, which
 * must not change until they are). Throws SnapshotFormatError on foreign or damaged bytes, also
 * from readPostings.
 */
export function decodeSnapshot(bytes: Uint8Array): { state: Bm25State; meta: unknown } {
  const { header, body } = readHeader(bytes);
  const fields = header.boosts.length;
  if (header.sections.length !== 5 + fields) throw new SnapshotFormatError('snapshot sections do not match its fields');
  const at: number[] = [];
  let end = body;
  for (const len of header.sections) {
    at.push(end);
    end += pad8(len);
  }
  if (end - pad8(header.sections.at(-1)!) + header.sections.at(-1)! > bytes.byteLength) throw new SnapshotFormatError('snapshot truncated');
  const dec = new TextDecoder();
  const text = (i: number) => dec.decode(bytes.subarray(at[i]!, at[i]! + header.sections[i]!));
  let content: Bm25Content;
  let counts: Uint32Array;
  try {
    content = {
      boosts: header.boosts,
      keys: JSON.parse(text(0)) as string[],
      terms: JSON.parse(text(1)) as string[],
      tie: typed(bytes, at[2]!, header.sections[2]!, (b, o, n) => new Float64Array(b, o, n), 8),
      lengths: Array.from({ length: fields }, (_, f) =>
        typed(bytes, at[3 + f]!, header.sections[3 + f]!, (b, o, n) => new Uint16Array(b, o, n), 2),
      ),
    };
    counts = typed(bytes, at[3 + fields]!, header.sections[3 + fields]!, (b, o, n) => new Uint32Array(b, o, n), 4);
  } catch (err) {
    throw new SnapshotFormatError(`snapshot sections unreadable: ${(err as Error).message}`);
  }
  const docs = content.keys.length;
  if (docs !== header.docs || content.terms.length !== header.terms || counts.length !== header.terms) {
    throw new SnapshotFormatError('snapshot counts do not match');
  }
  let total = 0;
  for (const c of counts) total += c;
  if (total !== header.postings) throw new SnapshotFormatError('snapshot postings do not match');
  const packedEnd = at[4 + fields]! + header.sections[4 + fields]!;
  let r = at[4 + fields]!;
  let next = 0;
  const get = (): number => {
    let v = 0;
    let scale = 1;
    for (;;) {
      if (r >= packedEnd) throw new SnapshotFormatError('snapshot postings truncated');
      const b = bytes[r++]!;
      v += (b & 0x7f) * scale;
      if (b < 0x80) return v;
      scale *= 128;
    }
  };
  // Postings are decoded term by term as the index asks for them, so they are never held twice.
  const readPostings = (t: number, into: Int32Array): void => {
    if (t !== next++) throw new Error('readPostings: terms must be read in order');
    let doc = 0;
    for (let i = 0; i < counts[t]!; i++) {
      doc += get();
      if (doc >= docs) throw new SnapshotFormatError('snapshot posting points past its documents');
      into[2 * i] = doc;
      into[2 * i + 1] = get() | 0;
    }
    if (next === counts.length && r !== packedEnd) throw new SnapshotFormatError('snapshot postings do not match');
  };
  return { state: { ...content, counts, readPostings }, meta: header.meta };
}
