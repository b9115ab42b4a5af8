import { rankLexical } from '../src/rank/lexical.js';
import { loadFixturePapers } from '../test/rank/fixture-papers.js';
import { BLIND_PROFILES } from '../test/rank/holdout-set.js';
const papers = loadFixturePapers();
const lp = BLIND_PROFILES.find((p) => p.name.startsWith(process.argv[2] ?? 'assistants'))!;
for (const r of rankLexical(papers, lp.profile).slice(0, 12)) console.log(lp.labels[r.paper.id] ?? 0, r.score.toFixed(3), (r.parts as any).interests.toFixed(3), (r.parts as any).related.toFixed(3), r.paper.title.slice(0, 70), '|', r.why);
