// The no-model Answerer: quotes the abstract sentences most relevant to a question, cited.
import type { Answer, Answerer, PaperCorpus } from '../ports.js';
import type { Citation, Paper, ThreadTurn } from '../types.js';
import { splitSentences } from '../digest/tldr.js';
import { contentTerms } from './terms.js';
import { bestSentences, scoreSentences } from './pick-sentences.js';

/** Papers quoted at most by askCorpus. */
const CORPUS_PAPERS = 4;
/** Longest quoted sentence; abstracts sometimes hold one very long sentence. */
const MAX_QUOTE_CHARS = 400;

/** What the extractive answerer reads. */
export interface ExtractiveAnswererDeps {
  corpus: Pick<PaperCorpus, 'search' | 'getPapers'>;
  /**
   * Why there is no model prose, shown before the quotes. Default "No language model is
   * configured"; a fallback after a model failure would say so instead.
   */
  reason?: string;
}

function paperLink(paper: Paper): string | undefined {
  return paper.links.abs ?? paper.links.pdf ?? paper.links.code ?? paper.links.project;
}

function quote(text: string): string {
  return text.length > MAX_QUOTE_CHARS ? `${text.slice(0, MAX_QUOTE_CHARS - 1).trimEnd()}…` : text;
}

/** Numbers papers [1], [2], … in the order they are first cited. */
class CitationList {
  private readonly byId = new Map<string, Citation>();
  number(paper: Paper): number {
    let c = this.byId.get(paper.id);
    if (!c) {
      c = { index: this.byId.size + 1, paperId: paper.id, title: paper.title, url: paperLink(paper) };
      this.byId.set(paper.id, c);
    }
    return c.index;
  }
  get all(): Citation[] {
    return [...this.byId.values()];
  }
}

/** The question's terms; a follow-up without content words ("and why?") borrows the previous question's. */
function questionTerms(question: string, history: ThreadTurn[]): Set<string> {
  const terms = contentTerms(question);
  if (terms.size > 0) return terms;
  const previous = [...history].reverse().find((t) => t.role === 'user');
  return previous ? contentTerms(previous.text) : terms;
}

/**
 * Creates the extractive Answerer (no model). `answerAboutPapers` quotes 1–3 abstract sentences
 * that share the most (rare) words with the question, each cited [n], under a line saying these
 * are extracts; when nothing overlaps enough it says plainly "The abstract does not seem to say."
 * `askCorpus` retrieves the best-matching stored papers and quotes the best sentence of each, cited;
 * when nothing is retrieved it refuses.
 */
export function createExtractiveAnswerer(deps: ExtractiveAnswererDeps): Answerer {
  const reason = deps.reason ?? 'No language model is configured';

  return {
    async answerAboutPapers(question: string, papers: Paper[], history: ThreadTurn[]): Promise<Answer> {
      const picked = bestSentences(scoreSentences(questionTerms(question, history), papers));
      if (picked.length === 0) {
        const text = papers.length > 1 ? 'The abstracts do not seem to say.' : 'The abstract does not seem to say.';
        return { text, citations: [], extractive: true };
      }
      const cites = new CitationList();
      const lines = picked.map((s) => `> ${quote(s.text)} [${cites.number(s.paper)}]`);
      const from = papers.length > 1 ? 'the abstracts' : 'the abstract';
      return {
        text: `${reason}; here are the most relevant sentences from ${from}:\n${lines.join('\n')}`,
        citations: cites.all,
        extractive: true,
      };
    },

    async askCorpus(question: string): Promise<Answer> {
      const hits = await deps.corpus.search(question, { limit: CORPUS_PAPERS });
      const papers = hits.length ? await deps.corpus.getPapers(hits.map((h) => h.id)) : [];
      if (papers.length === 0) {
        return {
          text: 'I found no stored papers about that, so I cannot answer. Try other words, or `/papers search` to browse.',
          citations: [],
          extractive: true,
        };
      }
      const terms = contentTerms(question);
      const cites = new CitationList();
      const lines: string[] = [];
      for (const paper of papers) {
        // The index matched this paper (maybe on its title or authors); without an overlapping
        // sentence, its opening sentence says best what it is about.
        const best = scoreSentences(terms, [paper])[0]?.text ?? splitSentences(paper.abstract)[0] ?? paper.title;
        lines.push(`${quote(best)} [${cites.number(paper)}]`);
      }
      return {
        text: `${reason}; here are the most relevant sentences from the stored papers:\n${lines.map((l) => `> ${l}`).join('\n')}`,
        citations: cites.all,
        extractive: true,
      };
    },
  };
}
