import { describe, expect, it } from 'vitest';
import { stem } from '../../src/text/stem.js';

describe('stem', () => {
  it('gives inflections of a word the same stem', () => {
    for (const group of [
      ['merge', 'merges', 'merged', 'merging'],
      ['model', 'models', 'modeling', 'modelling'],
      ['embed', 'embeds', 'embedded', 'embedding', 'embeddings'],
      ['study', 'studies', 'studied'],
      ['policy', 'policies'],
      ['quantize', 'quantized', 'quantizing', 'quantization', 'quantisation'],
      ['generate', 'generated', 'generating', 'generation', 'generative'],
      ['distill', 'distilled', 'distillation'],
      ['diffusion', 'diffuse'],
      ['align', 'aligned', 'alignment'],
      ['optimize', 'optimise', 'optimization', 'optimisation'],
      ['supervised', 'supervision', 'supervise'],
    ]) {
      expect(new Set(group.map(stem)), group.join(' ')).toHaveProperty('size', 1);
    }
  });

  it('keeps apart words that only look alike', () => {
    expect(stem('general')).not.toBe(stem('generation'));
    expect(stem('generalization')).not.toBe(stem('generation'));
    expect(stem('demonstrations')).not.toBe(stem('demonstrate'));
    expect(stem('observations')).not.toBe(stem('observe'));
  });

  it('leaves short words, words with digits and non-plurals alone', () => {
    expect(stem('rl')).toBe('rl');
    expect(stem('gpt4')).toBe('gpt4');
    expect(stem('bias')).toBe('bias');
    expect(stem('analysis')).toBe('analysis');
    expect(stem('class')).toBe('class');
    expect(stem('speed')).toBe('speed');
    expect(stem('string')).toBe('string');
  });
});

describe('stem (agrees with the regex reference)', () => {
  it('gives the reference stem for every fixture word and for suffix combinations', async () => {
    const { referenceStem } = await import('./stem-reference.js');
    const { loadFixturePapers } = await import('../rank/fixture-papers.js');
    const words = new Set<string>();
    for (const p of loadFixturePapers()) {
      for (const w of `${p.title} ${p.abstract} ${(p.aiKeywords ?? []).join(' ')}`.toLowerCase().split(/[^a-z0-9]+/)) words.add(w);
    }
    const roots = ['optim', 'real', 'organ', 'general', 'stand', 'critic', 'util', 'norm', 'symbol', 'vocal', 'summar', 'prior', 'mobil', 'recogn', 'design', 'align', 'superv', 'merg', 'embedd', 'model', 'quant', 'distil', 'diffus', 'demonstr', 'evalu', 'st', 'cre', 'activ'];
    const ends = ['', 'e', 's', 'es', 'ed', 'ing', 'ise', 'ised', 'ises', 'ising', 'isation', 'isations', 'iser', 'isers', 'ize', 'ization', 'ation', 'ations', 'ative', 'ate', 'ated', 'ates', 'ating', 'tion', 'sion', 'ive', 'ment', 'ies', 'ied', 'ss', 'us', 'is', 'll', 'eed', 'ion'];
    for (const r of roots) for (const mid of ['', 'a', 'al', 'an', 'it', 'on']) for (const e of ends) words.add(r + mid + e);
    // The reference returned Object.prototype.constructor for "constructor" (a plain-object lookup): fixed.
    words.delete('constructor');
    const differing = [...words].filter((w) => stem(w) !== referenceStem(w));
    expect(differing).toEqual([]);
    expect(words.size).toBeGreaterThan(5000);
    expect(stem('constructor')).toBe('constructor');
  });
});
