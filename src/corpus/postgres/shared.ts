// TEMPORARY bridge to the corpus modules the lead writes on main (merge.ts, chunk.ts, CorpusError).
// Replaced by direct imports once they land; nothing here is Postgres-specific.
import { BotError } from '../../errors.js';
import { canonicalPaper, mergePaper } from '../../store/paper-merge.js';
import type { FullText } from '../../ports.js';
import type { Paper } from '../../types.js';

export { canonicalPaper, mergePaper };

/** The corpus database is unusable (unreachable, corrupt, locked). */
export class CorpusError extends BotError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('corpus', message, options);
  }
}

/** Canonical id of a paper: arXiv ids without their version. */
export function canonicalId(id: string): string {
  return id.trim().replace(/v\d+$/i, '');
}

/** One searchable chunk of a stored full text. */
export interface TextChunk {
  section: number;
  chunk: number;
  headings: string[];
  anchor?: string;
  text: string;
}

/** Splits a full text into chunks of about 1,200 characters along paragraph breaks. */
export function chunkFullText(text: FullText): TextChunk[] {
  const out: TextChunk[] = [];
  for (const s of text.sections) {
    let buf = '';
    const flush = () => {
      if (buf.trim()) out.push({ section: s.ordinal, chunk: out.length, headings: s.headings, anchor: s.anchor, text: buf.trim() });
      buf = '';
    };
    for (const para of s.text.split(/\n\n+/)) {
      if (buf && buf.length + para.length > 1200) flush();
      buf += (buf ? '\n\n' : '') + para;
    }
    flush();
  }
  return out;
}

/** The paper under its canonical id. */
export function withCanonicalId(p: Paper): Paper {
  return canonicalPaper({ ...p, id: canonicalId(p.id) });
}
