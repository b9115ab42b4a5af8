// The text an answer may rest on, per paper: its full text when one was had, else its abstract,
// with the reason the full text is missing.
import type { FullText, FullTexts } from '../ports.js';
import type { Paper } from '../types.js';
import { splitSentences } from '../digest/tldr.js';
import type { CandidateSentence } from './pick-sentences.js';

/** A paper with what was read of it. */
export interface ReadPaper {
  paper: Paper;
  /** The stored or fetched full text; absent when none was asked for. */
  fullText?: FullText;
}

/** True when the answer rests on the paper's body (HTML or PDF), not only its abstract. */
export function readInFull(r: ReadPaper): boolean {
  return r.fullText !== undefined && r.fullText.origin !== 'abstract';
}

/** Full texts of the papers (fetched on first use), in the order given; abstracts only without `fullTexts`. */
export async function readPapers(papers: Paper[], fullTexts: FullTexts | undefined): Promise<ReadPaper[]> {
  if (!fullTexts) return papers.map((paper) => ({ paper }));
  const texts = await Promise.all(papers.map((p) => fullTexts.get(p)));
  return papers.map((paper, i) => ({ paper, fullText: texts[i] }));
}

/** Every sentence a paper's answer may quote: its body's sections (with their headings), else its abstract. */
export function sentencesOf(r: ReadPaper): CandidateSentence[] {
  if (!readInFull(r)) return splitSentences(r.paper.abstract).map((text) => ({ paper: r.paper, text }));
  return r.fullText!.sections.flatMap((s) => {
    const section = s.anchor ? { headings: s.headings, anchor: s.anchor } : { headings: s.headings };
    return s.text.split(/\n{2,}/).flatMap((para) => splitSentences(para).map((text) => ({ paper: r.paper, section, text })));
  });
}

/** Why an answer rests on the abstract only, e.g. "the full text was not available (…)". */
export function abstractOnlyReason(read: ReadPaper[]): string {
  const notes = [...new Set(read.filter((r) => !readInFull(r)).map((r) => r.fullText?.note).filter((n): n is string => Boolean(n)))];
  return `the full text was not available${notes.length ? ` (${notes.join('; ')})` : ''}`;
}
