import { describe, expect, it } from 'vitest';
import { parseArxivId } from '../../src/sources/ids.js';

describe('parseArxivId', () => {
  it.each([
    ['2606.12730', { id: '2606.12730' }],
    ['2606.12730v2', { id: '2606.12730', version: 2 }],
    ['arXiv:2606.12730', { id: '2606.12730' }],
    ['  arxiv:2606.12730v4 ', { id: '2606.12730', version: 4 }],
    ['https://arxiv.org/abs/2606.12730v3', { id: '2606.12730', version: 3 }],
    ['https://arxiv.org/pdf/2606.12730v1.pdf', { id: '2606.12730', version: 1 }],
    ['https://arxiv.org/pdf/2606.12730', { id: '2606.12730' }],
    ['https://export.arxiv.org/abs/2606.12730?context=cs', { id: '2606.12730' }],
    ['http://arxiv.org/abs/astro-ph/0601001v1', { id: 'astro-ph/0601001', version: 1 }],
    ['astro-ph/0601001', { id: 'astro-ph/0601001' }],
    ['math.GT/0309136', { id: 'math/0309136' }],
    ['0704.0001', { id: '0704.0001' }],
    ['oai:arXiv.org:2604.21952v1', { id: '2604.21952', version: 1 }],
    ['http://arxiv.org/abs/1111.2011v2', { id: '1111.2011', version: 2 }],
  ])('parses %s', (input, expected) => {
    expect(parseArxivId(input)).toEqual(expected);
  });

  it.each(['', 'abc', '0000.0000', '2613.12345', '2606.123', '2606.1234567', 'file:some-paper', 'https://example.com/abs/2606.12730x', 'doi:10.1000/xyz'])(
    'rejects %j',
    (input) => {
      expect(parseArxivId(input)).toBeUndefined();
    },
  );

  it('never returns an undefined version key', () => {
    expect('version' in parseArxivId('2606.12730')!).toBe(false);
  });
});
