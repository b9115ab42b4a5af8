import type { Paper, TldrSource } from '../types.js';

const MAX_TLDR_CHARS = 320;
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Splits text into trimmed sentences (ICU sentence rules; "e.g." and decimals survive). */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text.replace(/\s+/g, ' ').trim())) {
    const s = segment.trim();
    if (s) out.push(s);
  }
  return out;
}

/** Shortens text to at most `max` characters on a word boundary, adding "…" when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The abstract's first one or two sentences, within about 320 characters. */
export function abstractLead(abstract: string): string {
  const sentences = splitSentences(abstract);
  if (sentences.length === 0) return '';
  let lead = sentences[0] ?? '';
  const second = sentences[1];
  if (second && lead.length + second.length + 1 <= MAX_TLDR_CHARS && lead.length < 160) lead = `${lead} ${second}`;
  return truncate(lead, MAX_TLDR_CHARS);
}

/**
 * The TL;DR fallback chain: a model summary when given, else HF's `ai_summary`, else the
 * abstract's first sentences. Never empty when the paper has any text.
 */
export function tldrFor(paper: Paper, modelSummary?: string): { tldr: string; tldrSource: TldrSource } {
  if (modelSummary?.trim()) return { tldr: modelSummary.trim(), tldrSource: 'llm' };
  if (paper.aiSummary?.trim()) return { tldr: paper.aiSummary.trim(), tldrSource: 'hf' };
  const lead = abstractLead(paper.abstract);
  return { tldr: lead || paper.title, tldrSource: 'abstract' };
}

/** The no-model TL;DR (HF's, else the abstract's lead). */
export function fallbackTldr(paper: Paper): string {
  return tldrFor(paper).tldr;
}
