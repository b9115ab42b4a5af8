// Properties of the ranker that learns its words from the papers, the corpus and the channel
// (issue 11), asserted on made-up papers from fields no other test or labeled set mentions.
import { describe, expect, it } from 'vitest';
import { rankLexical } from '../../src/rank/lexical.js';
import type { InterestProfile, Paper } from '../../src/types.js';

let seq = 0;
function paper(title: string, abstract: string, extra: Partial<Paper> = {}): Paper {
  seq++;
  return {
    id: `2601.${String(10000 + seq)}`,
    title,
    abstract,
    authors: [`Author ${seq}`],
    categories: [],
    links: {},
    signals: {},
    sources: ['test'],
    publishedAt: '2026-01-10T00:00:00Z',
    ...extra,
  };
}

function profile(over: Partial<InterestProfile> = {}): InterestProfile {
  return { interests: '', include: [], exclude: [], follow: [], feedback: [], ...over };
}

const ids = (ranked: Array<{ paper: Paper }>) => ranked.map((r) => r.paper.id);

/** A day of papers in soil science, glaciology and marine biology, plus filler. */
function day() {
  const papers = {
    definer: paper(
      'Mapping Soil Organic Carbon at Field Scale',
      'We estimate soil organic carbon (SOC) stocks from hyperspectral imagery and legacy soil cores across three watersheds.',
    ),
    spelled: paper(
      'Tillage Effects on Soil Organic Carbon in Semi-Arid Croplands',
      'A decade of no-till trials shows soil organic carbon gains concentrated in the topsoil, with yield unchanged.',
    ),
    glacier: paper('Basal Sliding of Outlet Glaciers', 'Subglacial hydrology controls basal sliding; we model meltwater drainage beneath outlet glaciers in Greenland.'),
    glacierTwin: paper(
      'Meltwater Drainage and Basal Sliding Beneath Greenland Outlet Glaciers',
      'We model subglacial hydrology and meltwater drainage controlling basal sliding of outlet glaciers in Greenland.',
    ),
    kelp: paper('Kelp Forest Decline Under Marine Heatwaves', 'Urchin barrens expand as marine heatwaves weaken kelp forests along temperate coasts.'),
    kelpTwin: paper('Marine Heatwaves Drive Kelp Forest Loss', 'Temperate kelp forests decline and urchin barrens spread during repeated marine heatwaves.'),
    filler: [
      paper('Bird Song Dialects in Island Finches', 'Song dialects diverge among island populations of finches.'),
      paper('Lichen Growth Rates on Granite', 'Lichen colonization of granite surfaces proceeds slowly over centuries.'),
      paper('Groundwater Recharge in Karst Aquifers', 'Tracer tests quantify recharge pathways in karst aquifers.'),
      paper('Pollinator Visits to Alpine Meadow Flowers', 'Bumblebees dominate pollinator visits in alpine meadows.'),
    ],
  };
  return { ...papers, all: [papers.definer, papers.spelled, papers.glacier, papers.glacierTwin, papers.kelp, papers.kelpTwin, ...papers.filler] };
}

describe('relevance learned from the papers and the channel', () => {
  it('an acronym typed by a channel finds papers that only spell it out, the pair mined from the papers', () => {
    const d = day();
    const ranked = rankLexical(d.all, profile({ interests: 'SOC' }));
    expect(ids(ranked).slice(0, 2).sort()).toEqual([d.definer.id, d.spelled.id].sort());
    const spelled = ranked.find((r) => r.paper.id === d.spelled.id)!;
    expect(spelled.why).toMatch(/soil organic carbon/i);
    // Without a paper defining the acronym, nothing links "SOC" to the spelled-out paper.
    const withoutDefinition = rankLexical(d.all.filter((p) => p !== d.definer), profile({ interests: 'SOC' }));
    expect(withoutDefinition.find((r) => r.paper.id === d.spelled.id)!.parts?.interests).toBe(0);
  });

  it('the long form typed by a channel finds papers that only use the acronym', () => {
    const d = day();
    const acronymOnly = paper('SOC Turnover Under Warming', 'Incubations show SOC losses accelerate with warming in peat.');
    const ranked = rankLexical([...d.all, acronymOnly], profile({ interests: 'soil organic carbon' }));
    expect(ids(ranked).slice(0, 3)).toContain(acronymOnly.id);
  });

  it('the near-duplicate of an example paper ranks first, and examples are never ranked', () => {
    const d = day();
    const ranked = rankLexical(d.all, profile({ examples: [d.glacier] }));
    expect(ids(ranked)[0]).toBe(d.glacierTwin.id);
    expect(ids(ranked)).not.toContain(d.glacier.id);
    expect(ranked[0]!.why).toContain(`like ${d.glacier.id} you 👍'd`);
  });

  it('with two examples, papers like either come before unrelated ones', () => {
    const d = day();
    const ranked = rankLexical(d.all, profile({ examples: [d.glacier, d.kelp] }));
    expect(ids(ranked).slice(0, 2).sort()).toEqual([d.glacierTwin.id, d.kelpTwin.id].sort());
  });

  it('with example papers alone, upvotes only break ties: a closer unvoted paper outranks a famous less close one', () => {
    const d = day();
    const closer = paper(
      'Spring Runoff on Prairie Farms',
      'Meltwater drainage from snow on prairie farms in spring.',
    );
    const famous = paper('Meltwater Ponds on Arctic Sea Ice', 'Meltwater ponds darken Arctic sea ice each summer.', {
      signals: { upvotes: 300 },
    });
    const ranked = rankLexical([...d.all, closer, famous], profile({ examples: [d.glacier] }));
    const score = (id: string) => ranked.find((r) => r.paper.id === id)!;
    expect(score(closer.id).parts!.example!).toBeGreaterThan(score(famous.id).parts!.example!);
    expect(ids(ranked).indexOf(closer.id)).toBeLessThan(ids(ranked).indexOf(famous.id));
  });

  it("with one example, a paper on its topic outranks one that only repeats its title's words, even where both share many of its words", () => {
    const d = day();
    const example = paper(
      'Towards Robust Mapping at Scale',
      'Urchin barrens expand as marine heatwaves weaken kelp forests along temperate coasts; drone surveys map canopy loss.',
    );
    const titleWords = paper('Towards Robust Mapping at Scale for Road Networks', 'Satellite imagery maps road networks in growing cities.');
    const onTopic = paper('Kelp Canopy Loss', 'Marine heatwaves weaken kelp forests and urchin barrens expand along temperate coasts.');
    // A small pool, where both candidates stand far above the typical one.
    const pool = [example, titleWords, onTopic, d.glacier, ...d.filler];
    const ranked = rankLexical(pool, profile({ examples: [example] }));
    expect(ids(ranked)[0]).toBe(onTopic.id);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
  });

  it("a 👎 sinks the disliked paper's near-duplicates", () => {
    const d = day();
    const interests = 'kelp forests under marine heatwaves, glaciers';
    // The voted paper was in an earlier digest; today's candidates hold its near-duplicate.
    const today = d.all.filter((p) => p !== d.kelp);
    const before = rankLexical(today, profile({ interests }));
    const after = rankLexical(today, profile({ interests, feedback: [{ paper: d.kelp, value: -1 }] }));
    const rank = (r: typeof before, id: string) => ids(r).indexOf(id);
    const score = (r: typeof before, id: string) => r.find((x) => x.paper.id === id)!.score;
    expect(score(before, d.kelpTwin.id)).toBeGreaterThanOrEqual(score(before, d.glacierTwin.id));
    expect(rank(after, d.kelpTwin.id)).toBeGreaterThan(rank(after, d.glacierTwin.id));
    expect(after.find((r) => r.paper.id === d.kelpTwin.id)!.why).toContain(`close to ${d.kelp.id} you 👎'd`);
    expect(score(after, d.kelpTwin.id)).toBeLessThan(score(before, d.kelpTwin.id));
  });

  it('a plain-language profile in a field no test mentions works', () => {
    const d = day();
    const ranked = rankLexical(d.all, profile({ interests: 'how ice sheets slide on meltwater' }));
    expect(ids(ranked).slice(0, 2).sort()).toEqual([d.glacier.id, d.glacierTwin.id].sort());
  });
});
