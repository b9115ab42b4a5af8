import { loadFixturePapers } from '../test/rank/fixture-papers.js';
import { analyzedPapers, analyzedPaper } from '../src/rank/paper-cache.js';
import { TermSpace } from '../src/rank/term-space.js';
const papers = loadFixturePapers();
const space = new TermSpace(analyzedPapers(papers).map((a) => a.text));
const ids = process.argv.slice(2);
for (const id of ids) {
  const v = space.vectorOf(analyzedPaper(papers.find((p) => p.id === id)!).text);
  const c = space.cosines([v])[0]!;
  const sorted = [...c].map((x, i) => [x, papers[i]!.title.slice(0, 50)] as const).sort((a, b) => b[0] - a[0]);
  console.log(id, sorted.slice(0, 8).map(([x, t]) => `${x.toFixed(3)} ${t}`).join('\n  '));
  const all = [...c].sort((a, b) => a - b);
  console.log('  median', all[Math.floor(all.length / 2)]!.toFixed(3), 'p90', all[Math.floor(all.length * 0.9)]!.toFixed(3));
}
