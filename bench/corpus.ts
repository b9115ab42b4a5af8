// A deterministic synthetic corpus for benchmarks: real titles, abstract sentences, author names,
// categories and keywords from test/fixtures, recombined with a seeded PRNG (no Math.random).
// A few hundred recombined sentences would give every topical word a document frequency of
// ~10% (arXiv: well under 1%), making search and ranking look far slower than they are. So each
// paper gets one of 64 topics and most of its topical words carry that topic's tag
// ("diffusion" → "diffusionkalo"); the ~80 most common words stay.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Paper } from '../src/types.js';
import { seededRandom } from '../src/seeded-random.js';

const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures');

/** Material the corpus is recombined from. */
export interface CorpusPools {
  titles: string[];
  sentences: string[];
  authors: string[];
  categories: string[];
  keywords: string[];
}

/** A seeded PRNG (mulberry32): the same seed gives the same sequence on every machine. */
export const prng = seededRandom;

const unescapeXml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const clean = (s: string) => unescapeXml(s).replace(/\s+/g, ' ').trim();
const sentencesOf = (text: string) =>
  clean(text)
    .split(/(?<=[.!?])\s+(?=[A-Z(])/)
    .filter((s) => s.length >= 40 && s.length <= 400);

/** Reads the fixture files once and extracts the pools (light regex/JSON extraction on purpose). */
export function loadPools(dir = FIXTURES): CorpusPools {
  const pools = { titles: new Set<string>(), sentences: new Set<string>(), authors: new Set<string>(), categories: new Set<string>(), keywords: new Set<string>() };
  // Files only: fixtures may hold folders (test/fixtures/fulltext/).
  for (const file of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name)) {
    const text = readFileSync(join(dir, file), 'utf8');
    if (file.startsWith('hf-daily-papers') && file.endsWith('.json')) {
      for (const item of JSON.parse(text) as Array<{ paper?: Record<string, unknown> }>) {
        const p = item.paper ?? {};
        if (typeof p.title === 'string') pools.titles.add(clean(p.title));
        if (typeof p.summary === 'string') sentencesOf(p.summary).forEach((s) => pools.sentences.add(s));
        for (const a of (p.authors as Array<{ name?: string }> | undefined) ?? []) if (a.name) pools.authors.add(a.name);
        for (const k of (p.ai_keywords as string[] | undefined) ?? []) pools.keywords.add(k);
      }
    } else if (file.startsWith('arxiv-api') && file.endsWith('.xml')) {
      for (const entry of text.split('<entry>').slice(1)) {
        const title = /<title>([\s\S]*?)<\/title>/.exec(entry)?.[1];
        const summary = /<summary>([\s\S]*?)<\/summary>/.exec(entry)?.[1];
        if (title) pools.titles.add(clean(title));
        if (summary) sentencesOf(summary).forEach((s) => pools.sentences.add(s));
        for (const m of entry.matchAll(/<name>([^<]+)<\/name>/g)) pools.authors.add(clean(m[1]!));
        for (const m of entry.matchAll(/<category term="([^"]+)"/g)) pools.categories.add(m[1]!);
      }
    } else if (file.startsWith('arxiv-rss') && file.endsWith('.xml')) {
      for (const item of text.split('<item>').slice(1)) {
        const title = /<title>([\s\S]*?)<\/title>/.exec(item)?.[1];
        const abstract = /Abstract:([\s\S]*?)<\/description>/.exec(item)?.[1];
        if (title) pools.titles.add(clean(title));
        if (abstract) sentencesOf(abstract).forEach((s) => pools.sentences.add(s));
        for (const m of item.matchAll(/<category>([^<]+)<\/category>/g)) pools.categories.add(m[1]!);
        const creators = /<dc:creator>([^<]+)<\/dc:creator>/.exec(item)?.[1];
        creators?.split(',').forEach((a) => a.trim() && pools.authors.add(clean(a)));
      }
    }
  }
  return {
    titles: [...pools.titles].sort(),
    sentences: [...pools.sentences].sort(),
    authors: [...pools.authors].sort(),
    categories: [...pools.categories].filter((c) => /^[a-z-]+(\.[A-Za-z-]+)?$/.test(c)).sort(),
    keywords: [...pools.keywords].sort(),
  };
}

/** Last listing day of the corpus; papers spread over the two years before it. */
export const CORPUS_END = '2026-07-31';
const SPAN_DAYS = 730;
const TOPICS = 64;
/** Share of a paper's topical words that carry its topic tag. */
const TAG_RATE = 0.85;
const GENERIC_WORDS = 80;
const SYLLABLES = ['ka', 'lo', 'ri', 'men', 'tor', 'vex', 'sa', 'qui', 'dra', 'pel', 'nox', 'zu', 'fi', 'gan', 'tro'];

/** The most frequent words of the pool sentences: they keep a high document frequency. */
function genericWords(pools: CorpusPools): Set<string> {
  const df = new Map<string, number>();
  for (const s of pools.sentences) for (const w of new Set(s.toLowerCase().match(/[a-z]+/g) ?? [])) df.set(w, (df.get(w) ?? 0) + 1);
  return new Set([...df.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, GENERIC_WORDS).map(([w]) => w));
}

function titleFrom(pools: CorpusPools, rnd: () => number): string {
  const pick = () => pools.titles[Math.floor(rnd() * pools.titles.length)]!;
  const a = pick();
  const b = pick();
  const head = a.includes(':') ? a.slice(0, a.indexOf(':')) : a.split(' ').slice(0, 3).join(' ');
  const tail = b.includes(':') ? b.slice(b.indexOf(':') + 1).trim() : b;
  return `${head}: ${tail}`;
}

function sample<T>(pool: T[], n: number, rnd: () => number): T[] {
  const out = new Set<T>();
  while (out.size < Math.min(n, pool.length)) out.add(pool[Math.floor(rnd() * pool.length)]!);
  return [...out];
}

/** `n` synthetic papers, oldest first, identical for the same `n` and `seed`. */
export function makeCorpus(n: number, seed = 2026, pools: CorpusPools = loadPools()): Paper[] {
  const rnd = prng(seed);
  const generic = genericWords(pools);
  const tags = Array.from({ length: TOPICS }, (_, i) => SYLLABLES[i % SYLLABLES.length]! + SYLLABLES[Math.floor(i / SYLLABLES.length)]!);
  const tagWords = (text: string, tag: string) =>
    text.replace(/[A-Za-z]{4,}/g, (w) => (generic.has(w.toLowerCase()) || rnd() > TAG_RATE ? w : w + tag));
  const end = Date.parse(`${CORPUS_END}T00:00:00Z`);
  const perMonth = new Map<string, number>();
  const papers: Paper[] = [];
  for (let i = 0; i < n; i++) {
    const day = new Date(end - Math.floor(((n - 1 - i) / Math.max(1, n - 1)) * SPAN_DAYS) * 86_400_000);
    const listedOn = day.toISOString().slice(0, 10);
    const yymm = listedOn.slice(2, 4) + listedOn.slice(5, 7);
    const seq = (perMonth.get(yymm) ?? 0) + 1;
    perMonth.set(yymm, seq);
    const id = `${yymm}.${String(seq).padStart(5, '0')}`;
    const tag = tags[Math.floor(rnd() * TOPICS)]!;
    const categories = sample(pools.categories, 1 + Math.floor(rnd() * 3), rnd);
    const hf = rnd() < 0.25;
    const version = 1 + Math.floor(rnd() * rnd() * 3);
    papers.push({
      id,
      version,
      title: tagWords(titleFrom(pools, rnd), tag),
      abstract: tagWords(sample(pools.sentences, 4 + Math.floor(rnd() * 4), rnd).join(' '), tag),
      authors: sample(pools.authors, 1 + Math.floor(rnd() * 8), rnd),
      categories,
      primaryCategory: categories[0],
      publishedAt: new Date(day.getTime() - Math.floor(rnd() * 3) * 86_400_000 + Math.floor(rnd() * 86_400_000)).toISOString(),
      listedOn,
      links: { abs: `https://arxiv.org/abs/${id}`, pdf: `https://arxiv.org/pdf/${id}v${version}` },
      signals: hf ? { upvotes: Math.floor(rnd() * rnd() * 200), comments: Math.floor(rnd() * 5) } : {},
      aiKeywords: hf ? sample(pools.keywords, 3 + Math.floor(rnd() * 6), rnd).map((k) => tagWords(k, tag)) : undefined,
      aiSummary: hf ? tagWords(pools.sentences[Math.floor(rnd() * pools.sentences.length)]!, tag) : undefined,
      sources: hf ? ['hf', `arxiv:${categories[0]}`] : [`arxiv:${categories[0]}`],
    });
  }
  return papers;
}

/**
 * `n` search queries over `papers`, deterministic for the seed whatever the papers' order: a
 * third are broad fixture keywords ("language models"), the rest 1–3 words of one paper's
 * title or abstract, as someone looking for a specific topic would type.
 */
export function makeQueries(papers: Paper[], n: number, seed = 7, pools: CorpusPools = loadPools()): string[] {
  const rnd = prng(seed);
  const byId = [...papers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return Array.from({ length: n }, (_, i) => {
    if (i % 3 === 0 || byId.length === 0) return pools.keywords[Math.floor(rnd() * pools.keywords.length)] ?? 'language models';
    const p = byId[Math.floor(rnd() * byId.length)]!;
    const words = `${p.title} ${p.abstract}`.match(/[A-Za-z]{5,}/g) ?? ['model'];
    return sample(words, 1 + Math.floor(rnd() * 3), rnd).join(' ').toLowerCase();
  });
}
