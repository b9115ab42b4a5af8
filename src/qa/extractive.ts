// The no-model Answerer: quotes the sentences most relevant to a question, from the papers' full
// text when it could be had (each cited with its section, [1 §4.2]), else from their abstracts.
// Below the relevance floor it says it found nothing rather than quote unrelated sentences.
import type { Answer, Answerer, FullTexts, PaperCorpus } from '../ports.js';
import type { Paper, ThreadTurn } from '../types.js';
import { contentTerms } from '../text/analyze.js';
import { ABSTRACT_FLOOR, FULL_TEXT_FLOOR, bestSentences, scoreCandidates, type ScoredSentence } from './pick-sentences.js';
import { abstractOnlyReason, readInFull, readPapers, sentencesOf, type ReadPaper } from './read-papers.js';
import { CitationList } from './sections.js';
import { NOTHING_STORED } from './ask-corpus.js';

/** Papers quoted at most by askCorpus. */
const CORPUS_PAPERS = 4;
/** Longest quoted sentence; abstracts sometimes hold one very long sentence. */
const MAX_QUOTE_CHARS = 400;

/** What the extractive answerer reads. */
export interface ExtractiveAnswererDeps {
  /** The corpus: papers and their search; `askCorpus` also quotes full texts stored there (it never fetches new ones). */
  corpus: Pick<PaperCorpus, 'search' | 'getPapers' | 'getFullText'>;
  /** Full texts, fetched on the first question about a paper; without it answers rest on abstracts. */
  fullTexts?: FullTexts;
  /**
   * Why there is no model prose, shown before the quotes. Default "No language model is
   * configured"; a fallback after a model failure would say so instead.
   */
  reason?: string;
}

function quote(text: string): string {
  return text.length > MAX_QUOTE_CHARS ? `${text.slice(0, MAX_QUOTE_CHARS - 1).trimEnd()}…` : text;
}

/** The question's terms; a follow-up without content words ("and why?") borrows the previous question's. */
function questionTerms(question: string, history: ThreadTurn[]): Set<string> {
  const terms = contentTerms(question, { dropGeneric: true });
  if (terms.size > 0) return terms;
  const previous = [...history].reverse().find((t) => t.role === 'user');
  return previous ? contentTerms(previous.text, { dropGeneric: true }) : terms;
}

/** Best sentences over what was read: full texts use the stricter floor. */
function pick(terms: Set<string>, read: ReadPaper[], max: number): ScoredSentence[] {
  const candidates = read.flatMap(sentencesOf);
  const floor = read.some(readInFull) ? FULL_TEXT_FLOOR : ABSTRACT_FLOOR;
  return bestSentences(scoreCandidates(terms, candidates, floor), max);
}

function quoted(picked: ScoredSentence[], cites: CitationList): string[] {
  return picked.map((s) => `> ${quote(s.text)} ${cites.cite(s.paper, s.section)}`);
}

/** Where the quotes come from, for the line above them. */
function sourceWords(read: ReadPaper[]): string {
  const full = read.filter(readInFull).length;
  const many = read.length > 1;
  if (full === read.length) return many ? "the papers' full texts" : "the paper's full text";
  const plain = many ? 'the abstracts' : 'the abstract';
  if (read.every((r) => r.fullText === undefined)) return plain;
  if (full === 0) return `${plain} (${abstractOnlyReason(read)})`;
  return `the papers (full text where available; for the others ${abstractOnlyReason(read)})`;
}

/** The plain "nothing found" line, honest about what was read. */
function nothingFound(read: ReadPaper[]): string {
  const many = read.length > 1;
  if (read.length && read.every(readInFull)) return `I found nothing about that in ${many ? "the papers' full texts" : "the paper's full text"}.`;
  if (read.every((r) => r.fullText === undefined)) return many ? 'The abstracts do not seem to say.' : 'The abstract does not seem to say.';
  return `${many ? 'The abstracts do' : 'The abstract does'} not seem to say; ${abstractOnlyReason(read)}.`;
}

/**
 * Creates the extractive Answerer (no model). `answerAboutPapers` reads each paper's full text
 * (fetched once, through `fullTexts`) and quotes 1–3 sentences sharing the most (rare) words with
 * the question, each cited with its paper and section; when nothing passes the relevance floor it
 * says so, naming what it read. `askCorpus` retrieves the best-matching stored papers, quotes
 * their stored full texts (or abstracts), and cites nothing when no sentence is relevant.
 */
export function createExtractiveAnswerer(deps: ExtractiveAnswererDeps): Answerer {
  const reason = deps.reason ?? 'No language model is configured';

  return {
    async answerAboutPapers(question: string, papers: Paper[], history: ThreadTurn[]): Promise<Answer> {
      const read = await readPapers(papers, deps.fullTexts);
      const picked = pick(questionTerms(question, history), read, 3);
      if (picked.length === 0) return { text: nothingFound(read), citations: [], extractive: true };
      const cites = new CitationList();
      const lines = quoted(picked, cites);
      return {
        text: `${reason}; here are the most relevant sentences from ${sourceWords(read)}:\n${lines.join('\n')}`,
        citations: cites.all,
        extractive: true,
      };
    },

    async askCorpus(question: string): Promise<Answer> {
      const hits = await deps.corpus.search(question, { limit: CORPUS_PAPERS });
      const papers = hits.length ? await deps.corpus.getPapers(hits.map((h) => h.id)) : [];
      const none = NOTHING_STORED;
      if (papers.length === 0) return { text: none, citations: [], extractive: true };
      const read: ReadPaper[] = await Promise.all(
        papers.map(async (paper) => {
          const fullText = await deps.corpus.getFullText(paper.id).catch(() => undefined);
          return fullText ? { paper, fullText } : { paper };
        }),
      );
      const terms = contentTerms(question, { dropGeneric: true });
      // The best relevant sentence of each paper, so one long paper does not crowd out the others.
      const picked = read.flatMap((r) => pick(terms, [r], 1));
      if (picked.length === 0) return { text: none, citations: [], extractive: true };
      picked.sort((a, b) => b.score - a.score);
      const cites = new CitationList();
      return {
        text: `${reason}; here are the most relevant sentences from the stored papers:\n${quoted(picked, cites).join('\n')}`,
        citations: cites.all,
        extractive: true,
      };
    },
  };
}
