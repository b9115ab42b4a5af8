import { describe, expect, it } from 'vitest';
import { createExtractiveAnswerer } from '../../src/qa/extractive.js';
import { contentTerms } from '../../src/text/analyze.js';
import { stem } from '../../src/text/stem.js';
import { tempCorpus } from '../support/corpus.js';
import { LORA, MEMORY, STORED, VIDEO } from '../bot/sample-papers.js';
import type { Paper } from '../../src/types.js';

async function answererOver(papers: Paper[] = STORED, reason?: string) {
  return createExtractiveAnswerer({ corpus: await tempCorpus(papers), reason });
}

describe('light stemming', () => {
  it('brings inflections together', () => {
    expect(stem('datasets')).toBe(stem('dataset'));
    expect(stem('training')).toBe(stem('trained'));
    expect(stem('trains')).toBe(stem('train'));
    expect(stem('evaluation')).toBe(stem('evaluate'));
    expect(stem('evaluated')).toBe(stem('evaluating'));
    expect(stem('studies')).toBe('study');
    expect(stem('running')).toBe('run');
    expect(stem('loss')).toBe('loss');
  });

  it('drops stop words and generic paper words', () => {
    expect([...contentTerms('What dataset do the authors use in this paper?', { dropGeneric: true })]).toEqual(['dataset']);
  });
});

describe('extractive answerer: about papers', () => {
  it('quotes the most relevant sentence, marked as extracts and cited', async () => {
    const a = await answererOver();
    const answer = await a.answerAboutPapers('What dataset did they evaluate on?', [MEMORY], []);
    expect(answer.extractive).toBe(true);
    expect(answer.text.split('\n')[0]).toBe('No language model is configured; here are the most relevant sentences from the abstract:');
    expect(answer.text).toContain('> Evaluated on the BABILong benchmark');
    expect(answer.text).toMatch(/\[1\]$/m);
    expect(answer.citations).toEqual([{ index: 1, paperId: MEMORY.id, title: MEMORY.title, url: MEMORY.links.abs }]);
  });

  it('quotes at most three sentences, best first', async () => {
    const answer = await (await answererOver()).answerAboutPapers('LoRA adapters merge merged adapters', [LORA], []);
    const quotes = answer.text.split('\n').filter((l) => l.startsWith('> '));
    expect(quotes.length).toBeGreaterThanOrEqual(1);
    expect(quotes.length).toBeLessThanOrEqual(3);
    expect(quotes[0]).toMatch(/merge|merged/i);
  });

  it('says plainly when no sentence overlaps enough', async () => {
    const a = await answererOver();
    expect(await a.answerAboutPapers('Does it work for protein folding?', [LORA], [])).toEqual({
      text: 'The abstract does not seem to say.',
      citations: [],
      extractive: true,
    });
    // One weak overlap among many question words is not enough.
    const weak = await a.answerAboutPapers('How much GPU memory and energy does inference cost on phones?', [MEMORY], []);
    expect(weak.text).toBe('The abstract does not seem to say.');
    expect((await a.answerAboutPapers('speech recognition model?', [MEMORY], [])).text).toBe('The abstract does not seem to say.');
    const long = 'Which recurrent memory hardware, latency, throughput, energy, carbon, licensing, pricing, deployment details?';
    expect((await a.answerAboutPapers(long, [MEMORY], [])).text).toBe('The abstract does not seem to say.');
    expect((await a.answerAboutPapers('???', [LORA], [])).text).toBe('The abstract does not seem to say.');
    expect((await a.answerAboutPapers('protein folding?', [LORA, VIDEO], [])).text).toBe('The abstracts do not seem to say.');
  });

  it('numbers citations across several papers in order of use', async () => {
    const answer = await (await answererOver()).answerAboutPapers('Which one uses human raters or recurrent memory?', [LORA, MEMORY, VIDEO], []);
    expect(answer.citations.map((c) => c.index)).toEqual(answer.citations.map((_, i) => i + 1));
    expect(answer.citations.map((c) => c.paperId).sort()).toEqual([MEMORY.id, VIDEO.id].sort());
    expect(answer.text).toContain('from the abstracts:');
  });

  it('a follow-up without content words reuses the previous question', async () => {
    const history = [
      { role: 'user' as const, text: 'what benchmark?', at: '2026-06-15T07:00:00Z' },
      { role: 'assistant' as const, text: '…', at: '2026-06-15T07:00:00Z' },
    ];
    const answer = await (await answererOver()).answerAboutPapers('and why?', [MEMORY], history);
    expect(answer.text).toContain('BABILong');
  });

  it('uses the given reason in the header line', async () => {
    const answer = await (await answererOver(STORED, 'The language model is unavailable')).answerAboutPapers('benchmark?', [MEMORY], []);
    expect(answer.text.startsWith('The language model is unavailable; here are')).toBe(true);
  });
});

describe('extractive answerer: across the corpus', () => {
  it('quotes the best sentence of each retrieved paper with [n] citations', async () => {
    const answer = await (await answererOver()).askCorpus('merging LoRA adapters');
    expect(answer.extractive).toBe(true);
    expect(answer.citations[0]).toMatchObject({ index: 1, paperId: LORA.id });
    const lines = answer.text.split('\n');
    expect(lines[0]).toMatch(/most relevant sentences from the stored papers:$/);
    expect(lines[1]).toMatch(/^> .*merge.* \[1\]$/i);
    expect(lines.length - 1).toBe(answer.citations.length);
  });

  it('refuses when nothing is retrieved', async () => {
    const answer = await (await answererOver()).askCorpus('quantum chromodynamics');
    expect(answer).toMatchObject({ citations: [], extractive: true });
    expect(answer.text).toMatch(/found no stored papers/);
    expect((await (await answererOver([])).askCorpus('anything')).citations).toEqual([]);
  });
});
