// Picks the passages a model answer may rest on: the best chunks of each paper's full text for
// the question, within a token budget, each labelled with its paper and section.
import type { PaperCorpus } from '../ports.js';
import type { Paper } from '../types.js';
import { approxTokens } from '../llm/tokens.js';
import { block, clip } from '../llm/untrusted.js';
import { splitSentences } from '../digest/tldr.js';
import { contentTerms } from '../text/analyze.js';
import { readInFull, type ReadPaper } from './read-papers.js';
import { headingPath, sectionLabel, type SectionRef } from './sections.js';
import { orderBySimilarity, type ChunkEmbeddings } from './embed-chunks.js';
import { RRF_K } from '../rank/shortlist.js';

/** About this many characters per chunk: a few hundred tokens, on paragraph or sentence bounds. */
const CHUNK_CHARS = 1200;
/** Default tokens of evidence sent with a question. */
export const DEFAULT_EVIDENCE_TOKENS = 2400;
/** Longest abstract shown as a paper's own evidence chunk. */
const ABSTRACT_CHARS = 1200;

/** One passage sent to the model. `n` is the paper's citation number. */
export interface EvidenceChunk {
  n: number;
  paper: Paper;
  /** Its section, when it came from a full text (an abstract-only paper has none). */
  section?: SectionRef;
  text: string;
}

/** Splits text into pieces of about CHUNK_CHARS on paragraph, then sentence, boundaries. */
export function chunkText(text: string, max = CHUNK_CHARS): string[] {
  const pieces: string[] = [];
  let current = '';
  const push = () => {
    if (current.trim()) pieces.push(current.trim());
    current = '';
  };
  for (const para of text.split(/\n{2,}/)) {
    const units = para.length > max ? splitSentences(para) : [para];
    for (const unit of units) {
      if (current && current.length + unit.length + 1 > max) push();
      current = current ? `${current}${units.length > 1 ? ' ' : '\n\n'}${unit}` : unit;
    }
    if (current.length > max / 2) push();
  }
  push();
  return pieces;
}

/** Every chunk of one paper: its sections' chunks, or its abstract when no full text was read. */
function chunksOf(r: ReadPaper, n: number): EvidenceChunk[] {
  if (!readInFull(r)) return [{ n, paper: r.paper, text: clip(r.paper.abstract, ABSTRACT_CHARS) }];
  return r.fullText!.sections.flatMap((s) => {
    const section: SectionRef = s.anchor ? { headings: s.headings, anchor: s.anchor } : { headings: s.headings };
    return chunkText(s.text).map((text) => ({ n, paper: r.paper, section, text }));
  });
}

/** Scores chunks by the rare question words they contain (inverse chunk frequency), best first. */
function rankChunks(terms: Set<string>, chunks: EvidenceChunk[]): Array<{ chunk: EvidenceChunk; score: number }> {
  const termSets = chunks.map((c) => contentTerms(`${c.section ? headingPath(c.section) : ''} ${c.text}`, { dropGeneric: true }));
  const df = new Map<string, number>();
  for (const set of termSets) for (const t of terms) if (set.has(t)) df.set(t, (df.get(t) ?? 0) + 1);
  return chunks
    .map((chunk, i) => ({
      chunk,
      score: [...terms].filter((t) => termSets[i]!.has(t)).reduce((sum, t) => sum + Math.log(1 + chunks.length / (df.get(t) ?? 1)), 0),
    }))
    .sort((a, b) => b.score - a.score);
}

/** What gatherEvidence may use besides the papers. */
export interface EvidenceOptions {
  /** The corpus's own chunk search (FTS), consulted first when present. */
  corpus?: Pick<PaperCorpus, 'searchChunks'>;
  /** Approximate tokens of evidence to send (default 2400). */
  budgetTokens?: number;
  /** When PAPERBOT_EMBEDDING_MODEL is set: fuse semantic similarity into the chunk order. */
  embeddings?: ChunkEmbeddings;
}

/**
 * Reciprocal-rank fusion of the lexical order (chunks sharing no word are unranked there) and the
 * semantic order, so a passage that answers in other words ("TPU v4 chips" for "accelerators")
 * can still be sent.
 */
async function fuseWithEmbeddings(question: string, lexical: Array<{ chunk: EvidenceChunk; score: number }>, e: ChunkEmbeddings): Promise<EvidenceChunk[]> {
  const chunks = lexical.map((r) => r.chunk);
  const semantic = await orderBySimilarity(question, chunks.map((c) => ({ paperId: c.paper.id, text: c.text })), e);
  const fused = new Map<number, number>();
  lexical.forEach((r, i) => {
    if (r.score > 0) fused.set(i, 1 / (RRF_K + i + 1));
  });
  semantic.forEach((i, rank) => fused.set(i, (fused.get(i) ?? 0) + 1 / (RRF_K + rank + 1)));
  return [...fused.entries()].sort((a, b) => b[1] - a[1]).map(([i]) => chunks[i]!);
}

/**
 * The evidence for a question about `read` papers (numbered 1… in that order): each paper's best
 * chunk first (so every paper is represented), then the next best chunks of any paper, until the
 * budget is spent. The corpus's chunk search ranks first when it has hits; our own word-overlap
 * ranking (fused with embedding similarity when configured) fills the rest. Chunks that share no word with the question are sent only when nothing
 * does (then the abstract of each paper).
 */
export async function gatherEvidence(question: string, read: ReadPaper[], options: EvidenceOptions = {}): Promise<EvidenceChunk[]> {
  const budget = options.budgetTokens ?? DEFAULT_EVIDENCE_TOKENS;
  const all = read.flatMap((r, i) => chunksOf(r, i + 1));
  const terms = contentTerms(question, { dropGeneric: true });
  const lexical = rankChunks(terms, all);
  let ranked = lexical.filter((r) => r.score > 0).map((r) => r.chunk);
  if (options.embeddings && all.length) {
    try {
      ranked = await fuseWithEmbeddings(question, lexical, options.embeddings);
    } catch {
      // The embeddings endpoint failed: the word-overlap order still stands.
    }
  }

  const fromCorpus: EvidenceChunk[] = [];
  const fullIds = read.filter(readInFull).map((r) => r.paper.id);
  if (options.corpus && fullIds.length && terms.size) {
    const hits = await options.corpus.searchChunks(fullIds, question, 12).catch(() => []);
    for (const hit of hits) {
      const n = read.findIndex((r) => r.paper.id === hit.paperId) + 1;
      if (n === 0) continue;
      const section: SectionRef = hit.anchor ? { headings: hit.headings, anchor: hit.anchor } : { headings: hit.headings };
      fromCorpus.push({ n, paper: read[n - 1]!.paper, section, text: hit.text });
    }
  }

  const ordered = [...fromCorpus, ...ranked];
  if (ordered.length === 0) ordered.push(...read.map((r, i) => ({ n: i + 1, paper: r.paper, text: clip(r.paper.abstract, ABSTRACT_CHARS) })));
  // Every paper's best chunk first, then the rest in rank order.
  const firsts = read.map((_, i) => ordered.find((c) => c.n === i + 1)).filter((c): c is EvidenceChunk => Boolean(c));
  const picked: EvidenceChunk[] = [];
  const seen = new Set<string>();
  let used = 0;
  for (const chunk of [...firsts, ...ordered]) {
    const key = `${chunk.n}\u0000${chunk.text}`;
    if (seen.has(key)) continue;
    const cost = approxTokens(chunk.text) + 20;
    if (used + cost > budget && picked.length > 0) continue;
    seen.add(key);
    picked.push(chunk);
    used += cost;
  }
  return picked;
}

/** One chunk as a delimited, labelled block: `<evidence n="1" id="…" section="§4.2 …">`. */
export function evidenceBlock(chunk: EvidenceChunk): string {
  const attrs: Record<string, string | number> = { n: chunk.n, id: chunk.paper.id };
  if (chunk.section) attrs.section = `${sectionLabel(chunk.section)} ${headingPath(chunk.section)}`;
  else attrs.section = 'abstract';
  return block('evidence', chunk.text, attrs);
}
