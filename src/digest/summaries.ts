// Shared TL;DRs and the themes line. A paper's TL;DR is made once per (paper, prompt version,
// model) and cached in the store, so every channel that shows it, and every re-run, reuses it.
import { z } from 'zod';
import type { Llm, LlmUsage, Logger, Store } from '../ports.js';
import type { DigestNote, Paper } from '../types.js';
import { renderPrompt, promptVersion } from '../llm/prompts.js';
import { clip, paperBlock } from '../llm/untrusted.js';
import { carriesLinkOrMention } from '../llm/untrusted.js';
import { CACHE_TTL_MS, hashText, summaryKey, themesKey } from '../llm/cache-keys.js';
import { chunk, runBatches } from '../llm/run-batches.js';
import { addUsage, degradedNote, noUsage } from '../llm/degrade.js';

/** What the summarize prompt must return. */
export const SummariesSchema = z.object({
  summaries: z.array(z.object({ id: z.string(), tldr: z.string() })),
});

/** What the themes prompt must return. */
export const ThemesSchema = z.object({ themes: z.string() });

/** A model-written TL;DR. */
export interface LlmSummary {
  text: string;
  source: 'llm';
}

/** Papers per summarize call. */
export const SUMMARY_BATCH_SIZE = 5;
/** Longest TL;DR kept (the prompt asks for ≤ 45 words). */
const MAX_TLDR_CHARS = 400;

/** What summarizePapers and themesOfTheDay need. */
export interface SummaryDeps {
  /** The summary model (config.llm.summaryModel). */
  llm: Llm;
  /** The shared cache (the store's kv). */
  kv: Store;
  logger: Logger;
  signal?: AbortSignal;
  batchSize?: number;
  concurrency?: number;
}

/** TL;DRs by paper id, with notes and cost. */
export interface SummariesResult {
  summaries: Map<string, LlmSummary>;
  notes: DigestNote[];
  usage: LlmUsage;
  /** How many came from the cache / were made now. */
  cached: number;
  generated: number;
  /** Model calls made. */
  calls: number;
}

/**
 * TL;DRs for `papers`: cached ones are reused; the rest are made in batches and cached. Papers the
 * model skipped, or all remaining ones after a model failure, are simply absent from the map (the
 * digest then falls back to HF's ai_summary or the abstract) and a failure adds one note.
 * Never throws.
 */
export async function summarizePapers(papers: Paper[], deps: SummaryDeps): Promise<SummariesResult> {
  const log = deps.logger.child({ stage: 'summarize' });
  const result: SummariesResult = { summaries: new Map(), notes: [], usage: noUsage(), cached: 0, generated: 0, calls: 0 };
  const unique = [...new Map(papers.map((p) => [p.id, p])).values()];
  if (unique.length === 0) return result;
  try {
    const version = promptVersion('summarize');
    const keyOf = (id: string) => summaryKey(id, version, deps.llm.model);
    const hits = await deps.kv.getMany<LlmSummary>(unique.map((p) => keyOf(p.id)));
    const todo = unique.filter((p, i) => {
      const hit = hits[i];
      if (hit?.text) {
        result.summaries.set(p.id, { text: hit.text, source: 'llm' });
        result.cached++;
        return false;
      }
      return true;
    });

    await runBatches(chunk(todo, deps.batchSize ?? SUMMARY_BATCH_SIZE), deps.concurrency ?? 2, async (batch) => {
      const given = new Set(batch.map((p) => p.id));
      const prompt = renderPrompt('summarize', {
        count: batch.length,
        papers: batch.map((p) => paperBlock(p, { authors: 0 })).join('\n\n'),
      });
      const { data, usage } = await deps.llm.generate({
        prompt,
        schema: SummariesSchema,
        maxOutputTokens: 40 + 90 * batch.length,
        signal: deps.signal,
      });
      result.calls++;
      addUsage(result.usage, usage);
      for (const s of data.summaries) {
        const id = s.id.trim();
        const text = clip(s.tldr.replace(/\s+/g, ' ').trim(), MAX_TLDR_CHARS);
        if (!given.has(id) || !text || result.summaries.has(id)) {
          if (!given.has(id)) log.warn('summary for an unknown paper id; dropped', { id });
          continue;
        }
        if (carriesLinkOrMention(text)) {
          // Neither cached nor shown: the paper falls back to HF's or the abstract's TL;DR.
          log.warn('model TL;DR carries a link or a mention; dropped', { id });
          continue;
        }
        const summary: LlmSummary = { text, source: 'llm' };
        result.summaries.set(id, summary);
        result.generated++;
        await deps.kv.set(keyOf(id), summary, CACHE_TTL_MS);
      }
      const skipped = batch.filter((p) => !result.summaries.has(p.id)).map((p) => p.id);
      if (skipped.length) log.warn('model skipped papers; they use the fallback TL;DR', { ids: skipped });
    });
  } catch (err) {
    log.warn('summaries failed; using HF or abstract TL;DRs', { error: String(err) });
    result.notes.push(degradedNote(err, 'some TL;DRs come from Hugging Face or the abstract'));
  }
  return result;
}

/** One paper of the digest for the themes line. */
export interface ThemesItem {
  paper: Paper;
  tldr?: string;
}

/** A themes line with notes and cost. */
export interface ThemesResult {
  themes?: string;
  notes: DigestNote[];
  usage: LlmUsage;
  /** Model calls made (0 or 1). */
  calls: number;
}

/**
 * A short "themes of the day" line for a digest's papers, cached by the set of papers (so a re-run
 * of the same digest costs nothing). Needs at least two papers. On failure: no line, one note.
 * Never throws.
 */
export async function themesOfTheDay(items: ThemesItem[], deps: SummaryDeps): Promise<ThemesResult> {
  const result: ThemesResult = { notes: [], usage: noUsage(), calls: 0 };
  if (items.length < 2) return result;
  try {
    const version = promptVersion('themes');
    const key = themesKey(hashText(items.map((i) => i.paper.id).sort().join('\n')), version, deps.llm.model);
    const hit = await deps.kv.get<string>(key);
    if (typeof hit === 'string' && hit) return { ...result, themes: hit };
    const prompt = renderPrompt('themes', {
      count: items.length,
      papers: items
        .map((i) => paperBlock({ ...i.paper, abstract: i.tldr ?? clip(i.paper.abstract, 300) }, { authors: 0 }))
        .join('\n\n'),
    });
    const { data, usage } = await deps.llm.generate({ prompt, schema: ThemesSchema, maxOutputTokens: 80, signal: deps.signal });
    result.calls++;
    addUsage(result.usage, usage);
    const themes = clip(data.themes.replace(/\s+/g, ' ').trim(), 200);
    if (themes) {
      result.themes = themes;
      await deps.kv.set(key, themes, CACHE_TTL_MS);
    }
  } catch (err) {
    deps.logger.warn('themes line failed', { error: String(err) });
    result.notes.push(degradedNote(err, 'no themes line today'));
  }
  return result;
}
