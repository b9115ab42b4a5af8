// The model-backed Answerer: answers grounded in the papers' own text, cited [n], saying plainly
// when the text does not say. Any model failure falls back to the extractive answerer.
import { z } from 'zod';
import type { Answer, Answerer, Llm, Logger, PaperCorpus, RenderedPrompt, Store } from '../ports.js';
import type { Citation, Paper, ThreadTurn } from '../types.js';
import { errorMessage } from '../errors.js';
import { silentLogger } from '../logger.js';
import { renderPrompt, promptVersion } from './prompts.js';
import { block, clip, neutralize, paperBlock } from './untrusted.js';
import { approxTokens } from './tokens.js';
import { summaryKey } from './cache-keys.js';
import type { LlmSummary } from './summaries.js';

/** What the answer and ask prompts must return. */
export const AnswerSchema = z.object({
  answer: z.string(),
  supported: z.boolean(),
  cited: z.array(z.number()),
});

/** Default approximate tokens of thread history sent with a question. */
export const DEFAULT_HISTORY_TOKENS = 1000;
/** Papers retrieved for askCorpus. */
export const CORPUS_PAPERS = 5;
const MAX_QUESTION_CHARS = 1000;
const MAX_ABSTRACT_CHARS_ASK = 1500;

/** What createLlmAnswerer needs. */
export interface LlmAnswererDeps {
  llm: Llm;
  corpus: Pick<PaperCorpus, 'search' | 'getPapers'>;
  /**
   * Used when the model fails. A function gets the reason (e.g. "the language model is unavailable
   * (daily token budget reached)") so the extractive answerer can say it; a plain Answerer's text
   * gets that reason prepended.
   */
  fallback: Answerer | ((reason: string) => Answerer);
  /** Approximate tokens (chars/4) of the thread's latest turns kept as history (default 1000). */
  budget?: number;
  /** Where cached model TL;DRs live (the store's kv) and which model made them; else HF's ai_summary is used. */
  summaries?: { kv: Store; model: string };
  logger?: Logger;
  /** How many papers askCorpus retrieves (default 5). */
  corpusPapers?: number;
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

function paperLink(paper: Paper): string | undefined {
  return paper.links.abs ?? paper.links.pdf ?? paper.links.code ?? paper.links.project;
}

/** Citation numbers [n] written in a text. */
function markersIn(text: string): number[] {
  return [...text.matchAll(/\[(\d{1,3})\]/g)].map((m) => Number(m[1]));
}

/**
 * Keeps only citations to numbers that were supplied: invalid [k] markers are removed from the
 * text, and the citation list holds each valid number cited (in the text or in `cited`), ascending.
 */
export function validateCitations(text: string, cited: number[], papers: Paper[]): { text: string; citations: Citation[] } {
  const valid = (n: number) => Number.isInteger(n) && n >= 1 && n <= papers.length;
  const cleaned = text.replace(/\s?\[(\d{1,3})\]/g, (m, n: string) => (valid(Number(n)) ? m : '')).trim();
  const numbers = [...new Set([...markersIn(cleaned), ...cited.filter(valid)])].sort((a, b) => a - b);
  const citations = numbers.map((n) => {
    const paper = papers[n - 1]!;
    const c: Citation = { index: n, paperId: paper.id, title: paper.title };
    const url = paperLink(paper);
    if (url) c.url = url;
    return c;
  });
  return { text: cleaned, citations };
}

const SAYS_NOT = /\b(does not|doesn't|do not|don't|not)\b.*\b(say|said|mention|state|cover|report|discuss|address|contain|specify|support)/i;

/**
 * Creates the model-backed Answerer. `answerAboutPapers` answers from the papers' title, abstract
 * and TL;DR with the thread's latest turns (within `budget` tokens), and says plainly when the
 * papers do not say. `askCorpus` retrieves the top papers from the index, answers citing [n]
 * (numbers are checked against the papers supplied) and refuses when nothing retrieved supports
 * an answer. Model failures fall back to `fallback`, saying why. Never throws for model failures.
 */
export function createLlmAnswerer(deps: LlmAnswererDeps): Answerer {
  const log = (deps.logger ?? silentLogger).child({ component: 'answerer' });
  const budget = deps.budget ?? DEFAULT_HISTORY_TOKENS;

  function fallbackFor(err: unknown): { answerer: Answerer; prefix?: string } {
    const reason = `the language model could not answer (${errorMessage(err).replace(/\s+/g, ' ').slice(0, 120)})`;
    if (typeof deps.fallback === 'function') return { answerer: deps.fallback(reason.charAt(0).toUpperCase() + reason.slice(1)) };
    return { answerer: deps.fallback, prefix: `_Note: ${reason}._\n` };
  }

  async function withFallback(err: unknown, run: (a: Answerer) => Promise<Answer>): Promise<Answer> {
    log.warn('model answer failed; falling back to extracts', { error: errorMessage(err) });
    const { answerer, prefix } = fallbackFor(err);
    const answer = await run(answerer);
    return prefix ? { ...answer, text: `${prefix}${answer.text}` } : answer;
  }

  async function tldrs(papers: Paper[]): Promise<Array<string | undefined>> {
    if (!deps.summaries) return papers.map((p) => p.aiSummary);
    try {
      const version = promptVersion('summarize');
      const hits = await deps.summaries.kv.getMany<LlmSummary>(papers.map((p) => summaryKey(p.id, version, deps.summaries!.model)));
      return papers.map((p, i) => hits[i]?.text ?? p.aiSummary);
    } catch {
      return papers.map((p) => p.aiSummary);
    }
  }

  async function ask(prompt: RenderedPrompt): Promise<z.infer<typeof AnswerSchema>> {
    const { data } = await deps.llm.generate({ prompt, schema: AnswerSchema, maxOutputTokens: 400 });
    return data;
  }

  return {
    async answerAboutPapers(question: string, papers: Paper[], history: ThreadTurn[]): Promise<Answer> {
      if (papers.length === 0) return { text: 'I have no paper to answer from.', citations: [], extractive: false };
      try {
        const notes = await tldrs(papers);
        const turns = trimHistory(history, budget);
        const prompt = renderPrompt('answer', {
          papers: papers.map((p, i) => paperBlock(p, { n: i + 1, tldr: notes[i] })).join('\n\n'),
          history: turns.length
            ? turns.map((t) => block('turn', t.text, { role: t.role })).join('\n')
            : '(no earlier turns)',
          question: neutralize(clip(question.trim(), MAX_QUESTION_CHARS)),
        });
        const data = await ask(prompt);
        const { text, citations } = validateCitations(data.answer, data.cited, papers);
        if (!data.supported || !text) {
          const plain = papers.length > 1 ? 'The papers do not say.' : 'The paper does not say.';
          return { text: text && SAYS_NOT.test(text) ? text : plain, citations: [], extractive: false };
        }
        // One paper: the answer is about it whether or not the model wrote [1].
        const cites = citations.length === 0 && papers.length === 1 ? validateCitations('', [1], papers).citations : citations;
        return { text, citations: cites, extractive: false };
      } catch (err) {
        return withFallback(err, (a) => a.answerAboutPapers(question, papers, history));
      }
    },

    async askCorpus(question: string): Promise<Answer> {
      const limit = deps.corpusPapers ?? CORPUS_PAPERS;
      const hits = await deps.corpus.search(question, { limit });
      const papers = hits.length ? await deps.corpus.getPapers(hits.map((h) => h.id)) : [];
      if (papers.length === 0) {
        return {
          text: 'I found no stored papers about that, so I cannot answer. Try other words, or `/papers search` to browse.',
          citations: [],
          extractive: false,
        };
      }
      try {
        const notes = await tldrs(papers);
        const prompt = renderPrompt('ask', {
          papers: papers
            .map((p, i) => paperBlock(p, { n: i + 1, tldr: notes[i], maxAbstractChars: MAX_ABSTRACT_CHARS_ASK, authors: 3 }))
            .join('\n\n'),
          question: neutralize(clip(question.trim(), MAX_QUESTION_CHARS)),
        });
        const data = await ask(prompt);
        const { text, citations } = validateCitations(data.answer, data.cited, papers);
        if (!data.supported || citations.length === 0 || !text) {
          return {
            text: `The ${papers.length} stored papers closest to your question do not support an answer, so I will not guess. Try \`/papers search\` to browse them.`,
            citations: [],
            extractive: false,
          };
        }
        return { text, citations, extractive: false };
      } catch (err) {
        return withFallback(err, (a) => a.askCorpus(question));
      }
    },
  };
}
