import type { DigestItem, Paper, TldrSource } from '../types.js';
import { tldrFor } from '../digest/tldr.js';

/** Computes a TL;DR and where it came from (HF's ai_summary, else the abstract's lead, or a model). */
export type TldrFunction = (paper: Paper) => { tldr: string; tldrSource: TldrSource };

/**
 * One paper as a card for lookups and search results (no "why", as nothing was ranked).
 * The TL;DR comes from `tldr`, by default the no-model chain (HF ai_summary, else the abstract).
 */
export function paperCard(paper: Paper, options: { tldr?: TldrFunction; score?: number } = {}): DigestItem {
  const { tldr, tldrSource } = (options.tldr ?? ((p: Paper) => tldrFor(p)))(paper);
  return { paper, tldr, tldrSource, why: '', score: options.score ?? 0 };
}
