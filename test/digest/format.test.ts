import { describe, expect, it } from 'vitest';
import type { Digest } from '../../src/types.js';
import { formatDigest, formatItems } from '../../src/digest/format.js';

const hostile: Digest = {
  date: '2026-06-12',
  interests: 'video \u001b[31mgeneration',
  totalNew: 1,
  notes: [{ kind: 'info', text: 'note\u0007' }],
  items: [
    {
      paper: {
        id: '2606.00001',
        title: 'Clear screen\u001b[2J\u001b[H and \r overwrite',
        abstract: 'x',
        authors: ['Eve\u001b]0;pwned\u0007'],
        categories: [],
        links: { abs: 'https://arxiv.org/abs/2606.00001' },
        signals: {},
        sources: ['hf'],
      },
      tldr: 'TL;DR \u009b with a C1 control',
      tldrSource: 'abstract',
      why: 'matches: video generation',
      score: 0.9,
    },
  ],
};

describe('formatDigest on a terminal', () => {
  it('strips control characters from untrusted text in text and markdown, keeping its own colors', () => {
    for (const format of ['text', 'markdown'] as const) {
      const out = formatDigest(hostile, format, { color: false });
      expect(out, format).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(out).toMatch(/Clear screen.*2J.*H and  overwrite/);
    }
    const colored = formatDigest(hostile, 'text', { color: true });
    expect(colored).toContain('\u001b[1m'); // bold from picocolors survives
    expect(colored).not.toContain('\u001b[2J');
    expect(formatItems(hostile.items)).not.toContain('\u001b');
  });

  it('keeps JSON output exact (it is for programs, which escape it themselves)', () => {
    expect(JSON.parse(formatDigest(hostile, 'json')).items[0].paper.title).toBe(hostile.items[0]!.paper.title);
  });
});
