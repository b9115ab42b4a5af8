// A model answer to a question across the stored papers: retrieve papers, send passages of their
// stored full texts (or abstracts), keep only claims whose quote is found in what was sent.
import type { Answer, Llm, PaperCorpus } from '../ports.js';
import { renderPrompt } from '../llm/prompts.js';
import { clip, neutralize } from '../llm/untrusted.js';
import { gatherEvidence, evidenceBlock } from './evidence.js';
import type { ChunkEmbeddings } from './embed-chunks.js';
import { ClaimsSchema, checkClaims, droppedNote } from './claims.js';
import type { ReadPaper } from './read-papers.js';

const MAX_QUESTION_CHARS = 1000;
/** Papers retrieved for askCorpus. */
export const CORPUS_PAPERS = 5;

/** What a model answer across the corpus needs. */
export interface AskCorpusDeps {
  llm: Llm;
  /** Papers, their search, stored full texts and their chunk search; never fetches new full texts (too slow for several papers). */
  corpus: Pick<PaperCorpus, 'search' | 'getPapers' | 'getFullText' | 'searchChunks'>;
  /** How many papers are retrieved (default 5). */
  papers?: number;
  evidenceTokens?: number;
  /** Embedding similarity for evidence retrieval (PAPERBOT_EMBEDDING_MODEL). */
  embeddings?: ChunkEmbeddings;
}

/** The refusal when retrieval finds nothing. */
export const NOTHING_STORED = 'I found no stored papers about that, so I cannot answer. Try other words, or `/papers search` to browse.';

/**
 * Answers `question` from the best-matching stored papers, citing each paper (and section) it
 * uses; when the passages do not support an answer, or no claim's quote checks out, it says so and
 * cites nothing. Throws on model failure (the caller falls back).
 */
export async function askAcrossCorpus(deps: AskCorpusDeps, question: string): Promise<Answer> {
  const hits = await deps.corpus.search(question, { limit: deps.papers ?? CORPUS_PAPERS });
  const papers = hits.length ? await deps.corpus.getPapers(hits.map((h) => h.id)) : [];
  if (papers.length === 0) return { text: NOTHING_STORED, citations: [], extractive: false };
  const read: ReadPaper[] = await Promise.all(
    papers.map(async (paper) => {
      const fullText = await deps.corpus.getFullText(paper.id).catch(() => undefined);
      return fullText ? { paper, fullText } : { paper };
    }),
  );
  const evidence = await gatherEvidence(question, read, { corpus: deps.corpus, budgetTokens: deps.evidenceTokens, embeddings: deps.embeddings });
  const prompt = renderPrompt('ask', {
    evidence: evidence.map(evidenceBlock).join('\n\n'),
    question: neutralize(clip(question.trim(), MAX_QUESTION_CHARS)),
  });
  const { data } = await deps.llm.generate({ prompt, schema: ClaimsSchema, maxOutputTokens: 700 });
  const checked = checkClaims(data.answered ? data : { ...data, claims: [] }, evidence);
  const note = droppedNote(checked.dropped, 'the retrieved papers');
  if (checked.lines.length === 0) {
    const refusal = `The ${papers.length} stored papers closest to your question do not support an answer, so I will not guess. Try \`/papers search\` to browse them.`;
    return { text: [refusal, note].filter(Boolean).join('\n'), citations: [], extractive: false };
  }
  return { text: [...checked.lines, note].filter(Boolean).join('\n'), citations: checked.citations, extractive: false };
}
