// Interests typed as a sentence are one request: a paper matching only its last, generic clause
// must not rank above papers about the request itself. Made-up papers from volcanology, a field
// no other test or labeled set mentions.
import { describe, expect, it } from 'vitest';
import { rankLexical } from '../../src/rank/lexical.js';
import type { InterestProfile, Paper } from '../../src/types.js';

let seq = 0;
function paper(title: string, abstract: string): Paper {
  seq++;
  return {
    id: `2603.${String(20000 + seq)}`,
    title,
    abstract,
    authors: [`Volc Author ${seq}`],
    categories: [],
    links: {},
    signals: {},
    sources: ['test'],
    publishedAt: '2026-03-02T00:00:00Z',
  };
}

const profile = (interests: string): InterestProfile => ({ interests, include: [], exclude: [], follow: [], feedback: [] });

/** Volcano papers that never say "process data", one paper only about processing data, and 30 that process some data. */
function day() {
  const onTopic = [
    paper(
      'Forecasting Volcanic Eruptions from Seismic Swarms',
      'Seismic networks on three stratovolcanoes record precursory swarms; we forecast eruptions days ahead from tremor onset.',
    ),
    paper(
      'Ground Deformation Precedes Basaltic Eruptions',
      'Satellite radar shows inflation of the magma chamber months before basaltic eruptions, improving eruption forecasts.',
    ),
    paper('Volcanic Gas Ratios as Eruption Precursors', 'Rising sulfur dioxide to carbon dioxide ratios preceded each eruption at the volcano we monitored.'),
  ];
  const lastClauseOnly = paper(
    'How to Process Data: Processing Pipelines for Tabular Data',
    'We process data in streaming pipelines; data processing steps clean, join and aggregate raw data to process it faster.',
  );
  // Most papers of a day process some data: these words are common, a clause of them generic.
  const subjects = ['urban commuting', 'tree rings', 'reef fish', 'ship logbooks', 'soil moisture', 'lake sediments', 'bird song',
    'river discharge', 'hospital admissions', 'crop yields', 'wind turbines', 'bat calls', 'sea ice', 'traffic noise', 'pollen counts',
    'snow depth', 'cattle grazing', 'peat bogs', 'cave drips', 'dune migration', 'wildfire smoke', 'tide gauges', 'moth traps',
    'glass recycling', 'bridge strain', 'wetland birds', 'hail storms', 'coffee farms', 'salmon runs', 'lichen cover'];
  const filler = subjects.map((s, i) =>
    paper(`${s[0]!.toUpperCase()}${s.slice(1)}: a field study ${i + 1}`, `We process data on ${s} collected over ${i + 2} years and report trends in ${s}.`),
  );
  return { onTopic, lastClauseOnly, all: [lastClauseOnly, ...filler, ...onTopic] };
}

describe('sentence-like interests', () => {
  it('a sentence whose last clause is generic does not let a paper matching only that clause rank first', () => {
    const { onTopic, lastClauseOnly, all } = day();
    const ranked = rankLexical(all, profile('seismic networks that forecast volcanic eruptions and process data'));
    const position = ranked.findIndex((r) => r.paper.id === lastClauseOnly.id);
    const best = Math.max(...onTopic.map((p) => ranked.findIndex((r) => r.paper.id === p.id)));
    expect(ranked[0]!.paper.id).not.toBe(lastClauseOnly.id);
    // Every volcano paper outranks the paper that only processes data.
    expect(best).toBeLessThan(position);
  });

  it('a topic list joined by "and" still asks for either topic', () => {
    const { onTopic, lastClauseOnly, all } = day();
    const ranked = rankLexical(all, profile('volcanic eruptions and data processing'));
    const top = ranked.slice(0, onTopic.length + 1).map((r) => r.paper.id);
    expect(top).toContain(lastClauseOnly.id);
    expect(top).toContain(onTopic[0]!.id);
  });
});
