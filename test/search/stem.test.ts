import { describe, expect, it } from 'vitest';
import { stem } from '../../src/search/stem.js';

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
