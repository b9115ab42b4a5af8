import { describe, expect, it } from 'vitest';
import { createSource, createSources } from '../../src/sources/registry.js';
import { InputError } from '../../src/errors.js';
import { testDeps } from './helpers.js';

describe('createSource', () => {
  it('creates each valid form, keeping the name as written', () => {
    const deps = testDeps();
    expect(createSource('hf', deps).name).toBe('hf');
    expect(createSource('arxiv:cs.LG', deps).name).toBe('arxiv:cs.LG');
    expect(createSource('arxiv:cs.AI+cs.LG', deps).name).toBe('arxiv:cs.AI+cs.LG');
    expect(createSource('arxiv:astro-ph', deps).name).toBe('arxiv:astro-ph');
    expect(createSource(' file:./papers.json ', deps).name).toBe('file:./papers.json');
  });

  it.each(['semantic-scholar', 'HF', 'arxiv:', 'arxiv:cs LG', 'arxiv:cs.LG+', 'file:', ''])('rejects %j with the valid forms', (name) => {
    let err: unknown;
    try {
      createSource(name, testDeps());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toContain('Valid forms: hf, arxiv:<category> (e.g. arxiv:cs.LG, or arxiv:cs.AI+cs.LG), file:<path>');
  });

  it('createSources reports every bad name at once', () => {
    expect(() => createSources(['hf', 'rss', 'arxiv:cs.LG', 'nope'], testDeps())).toThrow(/Unknown source "rss"[\s\S]*Unknown source "nope"/);
    expect(createSources(['hf', 'arxiv:cs.CL'], testDeps()).map((s) => s.name)).toEqual(['hf', 'arxiv:cs.CL']);
  });
});
