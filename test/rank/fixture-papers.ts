// A minimal, local loader of the recorded fixtures into Paper objects, for the labeled ranking
// set and the ranker tests. Deliberately independent of src/sources/ so the labeled set does not
// move when the source parsers change.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import type { Paper } from '../../src/types.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

const HF_FILES = [
  'hf-daily-papers-2026-06-12.json',
  'hf-daily-papers-2026-07-13-limit25-trimmed.json',
  'hf-daily-papers-2026-07-31-trimmed.json',
  'hf-daily-papers-2024-10-25-legacy-trimmed.json',
];
const ATOM_FILES = [
  'arxiv-api-query-cat-cs.LG-OR-cs.AI-2026-04-30.xml',
  'arxiv-api-query-transformer-cs.LG-2026-06-14.xml',
  'arxiv-api-idlist-astro-ph-0601001-2026-05-11.xml',
  'arxiv-api-idlist-one-missing-one-found-2026-04-12.xml',
  'arxiv-api-legacy-format-idlist-1111.2011v2-2016-10-09.xml',
];
const RSS_FILES = ['arxiv-rss-cs.LG-2026-04-27-trimmed.xml'];

const oneLine = (s: unknown): string => String(s ?? '').replace(/\s+/g, ' ').trim();
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const text = (v: unknown): string =>
  typeof v === 'object' && v !== null && '#text' in v ? String((v as { '#text': unknown })['#text']) : String(v ?? '');

function fromHf(file: string): Paper[] {
  const entries = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Array<Record<string, any>>;
  return entries.map((e) => {
    const p = e.paper as Record<string, any>;
    return {
      id: String(p.id),
      title: oneLine(e.title ?? p.title),
      abstract: oneLine(p.summary ?? e.summary),
      authors: asArray<Record<string, any>>(p.authors).map((a) => oneLine(a.name)),
      categories: [],
      publishedAt: p.publishedAt,
      listedOn: String(p.submittedOnDailyAt ?? e.publishedAt ?? '').slice(0, 10) || undefined,
      links: { abs: `https://arxiv.org/abs/${p.id}` },
      signals: { upvotes: p.upvotes, githubStars: p.githubStars },
      aiSummary: p.ai_summary,
      aiKeywords: p.ai_keywords,
      sources: ['hf'],
    } satisfies Paper;
  });
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' });

function bareId(url: string): string {
  return url.replace(/^.*\/abs\//, '').replace(/v\d+$/, '');
}

function fromAtom(file: string): Paper[] {
  const doc = xml.parse(readFileSync(join(FIXTURES, file), 'utf8'));
  return asArray<Record<string, any>>(doc.feed?.entry)
    .filter((e) => oneLine(text(e.title)) !== 'Error')
    .map((e) => ({
      id: bareId(text(e.id)),
      title: oneLine(text(e.title)),
      abstract: oneLine(text(e.summary)),
      authors: asArray<Record<string, any>>(e.author).map((a) => oneLine(text(a.name))),
      categories: asArray<Record<string, any>>(e.category).map((c) => String(c['@_term'])),
      publishedAt: text(e.published),
      updatedAt: text(e.updated),
      links: { abs: `https://arxiv.org/abs/${bareId(text(e.id))}` },
      signals: {},
      sources: ['arxiv-api'],
    }));
}

function fromRss(file: string): Paper[] {
  const doc = xml.parse(readFileSync(join(FIXTURES, file), 'utf8'));
  return asArray<Record<string, any>>(doc.rss?.channel?.item).map((item) => {
    const description = text(item.description);
    return {
      id: bareId(text(item.link)),
      title: oneLine(text(item.title)),
      abstract: oneLine(description.replace(/^[\s\S]*?Abstract:\s*/, '')),
      authors: text(item['dc:creator']).split(/\s*,\s*/).map(oneLine).filter(Boolean),
      categories: asArray(item.category).map((c) => text(c)),
      listedOn: '2026-04-27',
      links: { abs: text(item.link) },
      signals: {},
      sources: ['arxiv:cs.LG'],
    };
  });
}

let cache: Paper[] | undefined;

/** Every paper in the recorded fixtures, one per id (first file wins), in a stable order. */
export function loadFixturePapers(): Paper[] {
  if (cache) return cache;
  const all = [
    ...HF_FILES.flatMap(fromHf),
    ...ATOM_FILES.flatMap(fromAtom),
    ...RSS_FILES.flatMap(fromRss),
  ];
  const byId = new Map<string, Paper>();
  for (const p of all) if (p.id && !byId.has(p.id)) byId.set(p.id, p);
  cache = [...byId.values()];
  return cache;
}
