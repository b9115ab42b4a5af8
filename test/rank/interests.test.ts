import { describe, expect, it } from 'vitest';
import { parseInterests, parseKeywords } from '../../src/rank/interests.js';
import { termSequence } from '../../src/search/text.js';

const labels = (text: string) => parseInterests(text).map((c) => c.facets.map((f) => f.label));
const expands = (text: string, facet: string, phrase: string) => {
  const f = parseInterests(text).flatMap((c) => c.facets).find((x) => x.label === facet);
  const terms = termSequence(phrase).sequence.join(' ');
  return f?.alternatives.some((a) => a.terms.join(' ') === terms) ?? false;
};

describe('parseInterests', () => {
  it('splits phrases at commas, semicolons, "and" and new lines, dropping filler', () => {
    expect(labels("I'm interested in diffusion models, video generation; robots and papers about SLAM")).toEqual([
      ['diffusion models'],
      ['video generation'],
      ['robots'],
      ['SLAM'],
    ]);
  });

  it('keeps names containing "and" whole', () => {
    expect(labels('simultaneous localization and mapping')).toEqual([['simultaneous localization and mapping']]);
  });

  it('expands acronyms and plain words into research vocabulary', () => {
    expect(expands('RL for LLM reasoning', 'RL', 'reinforcement learning')).toBe(true);
    expect(expands('LLM for chemistry', 'LLM', 'large language model')).toBe(true);
    expect(expands('RL for LLM reasoning', 'LLM reasoning', 'chain of thought')).toBe(true);
    expect(expands('RL for LLM reasoning', 'RL', 'on-policy')).toBe(false); // "on" dropped: only "onpolicy" counts
    expect(expands('making models smaller', 'making models smaller', 'quantization')).toBe(true);
    expect(expands('robots', 'robots', 'manipulation')).toBe(true);
  });

  it('reads an ambiguous acronym in the context of the other words', () => {
    expect(expands('RAG for question answering', 'RAG', 'retrieval-augmented generation')).toBe(true);
    expect(expands('RAG for superpixel image segmentation', 'RAG', 'region adjacency graph')).toBe(true);
    expect(expands('RAG for superpixel image segmentation', 'RAG', 'retrieval-augmented generation')).toBe(false);
    expect(expands('TTS for LLM reasoning', 'TTS', 'test-time scaling')).toBe(true);
    expect(expands('TTS voice cloning', 'TTS', 'speech synthesis')).toBe(true);
    expect(expands('SSM alternatives to attention', 'SSM', 'state space model')).toBe(true);
    // Marked so that a paper must show the chosen sense for the bare acronym to count fully.
    expect(parseInterests('RAG for question answering')[0]!.facets[0]!.senseTerms?.size).toBeGreaterThan(0);
  });

  it('marks generic words', () => {
    const facets = parseInterests('new models for protein folding')[0]!.facets;
    expect(facets.map((f) => [f.label, f.generic])).toContainEqual(['models', true]);
  });
});

describe('parseKeywords', () => {
  it('takes each word literally, without synonyms', () => {
    const [c] = parseKeywords(['Surveys']);
    expect(c!.facets[0]!.alternatives).toHaveLength(1);
    expect(c!.label).toBe('Surveys');
  });
});
