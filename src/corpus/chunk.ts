// How a full text becomes searchable chunks: by section, a few hundred tokens each, every chunk
// carrying its section's heading path. Pure, so every corpus backend chunks the same way.
import type { PaperSection } from '../ports.js';

/** Most words in one chunk (about 300 tokens): small enough to send several, big enough to quote. */
export const CHUNK_WORDS = 220;

/** One searchable piece of a section. */
export interface SectionChunk {
  /** Chunk number within the paper, 0-based. */
  chunk: number;
  section: number;
  headings: string[];
  anchor?: string;
  text: string;
}

const wordCount = (text: string): number => text.split(/\s+/u).filter(Boolean).length;

/** Splits one paragraph longer than `max` words at sentence ends (or, failing that, word runs). */
function splitLong(paragraph: string, max: number): string[] {
  if (wordCount(paragraph) <= max) return [paragraph];
  const sentences = paragraph.match(/[^.!?]+(?:[.!?]+["')\]]*\s*|$)/gu) ?? [paragraph];
  const out: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    const next = current ? `${current}${sentence}` : sentence;
    if (current && wordCount(next) > max) {
      out.push(current.trim());
      current = sentence;
    } else current = next;
  }
  if (current.trim()) out.push(current.trim());
  // A single "sentence" still over the cap (tables, lists): cut it by words.
  return out.flatMap((piece) => {
    const words = piece.split(/\s+/u);
    if (words.length <= max) return [piece];
    const parts: string[] = [];
    for (let i = 0; i < words.length; i += max) parts.push(words.slice(i, i + max).join(' '));
    return parts;
  });
}

/**
 * Chunks sections in reading order: consecutive paragraphs of one section are packed together up
 * to `maxWords`; a chunk never spans two sections.
 */
export function chunkSections(sections: readonly PaperSection[], maxWords: number = CHUNK_WORDS): SectionChunk[] {
  const chunks: SectionChunk[] = [];
  for (const section of sections) {
    const paragraphs = section.text
      .split(/\n\s*\n/u)
      .map((p) => p.trim())
      .filter(Boolean)
      .flatMap((p) => splitLong(p, maxWords));
    let current: string[] = [];
    let words = 0;
    const flush = () => {
      if (current.length === 0) return;
      chunks.push({ chunk: chunks.length, section: section.ordinal, headings: section.headings, anchor: section.anchor, text: current.join('\n\n') });
      current = [];
      words = 0;
    };
    for (const paragraph of paragraphs) {
      const n = wordCount(paragraph);
      if (words > 0 && words + n > maxWords) flush();
      current.push(paragraph);
      words += n;
    }
    flush();
  }
  return chunks;
}
