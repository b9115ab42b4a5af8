// A model answer to a question about the papers of a thread: evidence from their full texts,
// claims with quotes, every quote checked against what was sent, citations by paper and section.
import type { Answer, FullTexts, Llm, PaperCorpus } from '../ports.js';
import type { Paper, ThreadTurn } from '../types.js';
import { renderPrompt } from '../llm/prompts.js';
import { block, clip, neutralize } from '../llm/untrusted.js';
import { approxTokens } from '../llm/tokens.js';
import { gatherEvidence, evidenceBlock } from './evidence.js';
import type { ChunkEmbeddings } from './embed-chunks.js';
import { ClaimsSchema, checkClaims, droppedNote } from './claims.js';
import { abstractOnlyReason, readInFull, readPapers, type ReadPaper } from './read-papers.js';

const MAX_QUESTION_CHARS = 1000;
/** Default approximate tokens of thread history sent with a question. */
export const DEFAULT_HISTORY_TOKENS = 1000;

/** What a model answer about a thread's papers needs. */
export interface ThreadAnswerDeps {
  llm: Llm;
  fullTexts?: FullTexts;
  corpus?: Pick<PaperCorpus, 'searchChunks'>;
  /** Summaries to show labelled as such (a model TL;DR or HF's ai_summary), per paper. */
  summariesOf?: (papers: Paper[]) => Promise<Array<string | undefined>>;
  /** Approximate tokens of history kept (default 1000). */
  historyTokens?: number;
  /** Approximate tokens of evidence sent (default 2400). */
  evidenceTokens?: number;
  /** Embedding similarity for evidence retrieval (PAPERBOT_EMBEDDING_MODEL). */
  embeddings?: ChunkEmbeddings;
}

/** The latest turns whose approximate tokens fit `budget`, oldest first. */
export function trimHistory(history: ThreadTurn[], budget: number): ThreadTurn[] {
  const kept: ThreadTurn[] = [];
  let used = 0;
  for (let i = history.length - 1; i >= 0; i--) {
    const turn = history[i]!;
    const cost = approxTokens(turn.text) + 4;
    if (used + cost > budget) break;
    used += cost;
    kept.unshift(turn);
  }
  return kept;
}

/** "The paper does not say." only when the body was read; otherwise says the abstract was all there was. */
export function notSaid(read: ReadPaper[]): string {
  const many = read.length > 1;
  if (read.length && read.every(readInFull)) return many ? 'The papers do not say.' : 'The paper does not say.';
  if (read.some(readInFull)) return `The papers do not say (for some, only the abstract was read: ${abstractOnlyReason(read)}).`;
  return `${many ? 'The abstracts do' : 'The abstract does'} not say; ${abstractOnlyReason(read)}.`;
}

/** What the claims were checked against, for the "could not be verified" note. */
function checkedAgainst(read: ReadPaper[]): string {
  if (read.every(readInFull)) return read.length > 1 ? "the papers' text" : "the paper's text";
  return read.length > 1 ? 'the abstracts' : 'the abstract';
}

/** The question's words and the previous question's, so a follow-up ("and why?") still retrieves. */
function retrievalQuery(question: string, history: ThreadTurn[]): string {
  const previous = [...history].reverse().find((t) => t.role === 'user')?.text ?? '';
  return `${question} ${previous}`.trim();
}

/**
 * Answers `question` about `papers` with the model: reads their full texts (fetched once), sends
 * the best passages within the evidence budget plus the thread's latest turns, and keeps only
 * claims whose quote is found in a passage sent. Throws on model failure (the caller falls back).
 */
export async function answerAboutThread(deps: ThreadAnswerDeps, question: string, papers: Paper[], history: ThreadTurn[]): Promise<Answer> {
  const read = await readPapers(papers, deps.fullTexts);
  const evidence = await gatherEvidence(retrievalQuery(question, history), read, { corpus: deps.corpus, budgetTokens: deps.evidenceTokens, embeddings: deps.embeddings });
  const summaries = deps.summariesOf ? await deps.summariesOf(papers) : [];
  const summaryBlocks = summaries.flatMap((s, i) =>
    s ? [block('summary', s, { n: i + 1, id: papers[i]!.id, kind: 'AI-written summary, not the paper text' })] : [],
  );
  const turns = trimHistory(history, deps.historyTokens ?? DEFAULT_HISTORY_TOKENS);
  const prompt = renderPrompt('answer', {
    evidence: [...evidence.map(evidenceBlock), ...summaryBlocks].join('\n\n'),
    history: turns.length ? turns.map((t) => block('turn', t.text, { role: t.role })).join('\n') : '(no earlier turns)',
    question: neutralize(clip(question.trim(), MAX_QUESTION_CHARS)),
  });
  const { data } = await deps.llm.generate({ prompt, schema: ClaimsSchema, maxOutputTokens: 600 });
  const checked = checkClaims(data.answered ? data : { ...data, claims: [] }, evidence);
  const note = droppedNote(checked.dropped, checkedAgainst(read));
  if (checked.lines.length === 0) {
    return { text: [notSaid(read), note].filter(Boolean).join('\n'), citations: [], extractive: false };
  }
  const caveat = read.every(readInFull) ? '' : `_Only the abstract could be read: ${abstractOnlyReason(read)}._`;
  return { text: [...checked.lines, note, caveat].filter(Boolean).join('\n'), citations: checked.citations, extractive: false };
}
