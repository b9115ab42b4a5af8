import { rankLexical } from '../src/rank/lexical.js';
import { loadFixturePapers } from '../test/rank/fixture-papers.js';
import { EXAMPLE_PROFILES, LABELED_PROFILES } from '../test/rank/labeled-set.js';
import { BLIND_PROFILES, HOLDOUT_PROFILES } from '../test/rank/holdout-set.js';
const papers = loadFixturePapers();
const byId = new Map(papers.map((p) => [p.id, p]));
const name = process.argv[2]!;
const lp = [...LABELED_PROFILES, ...EXAMPLE_PROFILES, ...HOLDOUT_PROFILES, ...BLIND_PROFILES].find((p) => p.name === name)!;
const examples = (lp.likes ?? []).map((id) => byId.get(id)!);
const r = rankLexical(papers, { ...lp.profile, examples });
for (const x of r.slice(0, 14)) {
  const pp = x.parts!;
  console.log(lp.labels[x.paper.id] ?? '-', x.score.toFixed(3), `I=${pp.interests?.toFixed(2)} R=${pp.related?.toFixed(2)} E=${pp.example?.toFixed(2)} pop=${pp.popularity?.toFixed(2)}`, x.paper.title.slice(0, 60), '|', x.why);
}
