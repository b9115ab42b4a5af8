import { describe, expect, it } from 'vitest';
import { rankLexical } from '../../src/rank/lexical.js';
import type { Paper } from '../../src/types.js';
import { goldenCases, goldenText } from './ranking-golden.js';

// Recorded from the ranker before its speed work; a difference here is a change of ranking, not
// of speed. Regenerate deliberately with `npx vitest run test/rank/ranking-golden -u`.
const cases = goldenCases();
const copies = (papers: Paper[]) => papers.map((p) => ({ ...p }));

describe('lexical ranking output is pinned', () => {
  it('matches the recorded scores, order and why for every case', async () => {
    const text = cases.map((c) => goldenText(c, rankLexical(c.papers, c.profile, { now: c.now }))).join('\n\n');
    await expect(`${text}\n`).toMatchFileSnapshot('./golden/ranking.txt');
  });

  it('gives the same output for fresh copies of already-ranked papers (cached analyses)', () => {
    for (const c of cases.filter((k) => !k.full)) {
      const a = goldenText(c, rankLexical(c.papers, c.profile, { now: c.now }));
      const b = goldenText(c, rankLexical(copies(c.papers), c.profile, { now: c.now }));
      expect(b, c.name).toBe(a);
    }
  });
});
