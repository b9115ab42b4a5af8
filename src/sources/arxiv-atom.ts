// arXiv Atom feeds → Papers. Shared by the API lookup and the file: source. Handles the current
// and the 2016 serialisation alike, because lookups go by namespace and local name only.
import type { Paper } from '../types.js';
import { SourceError } from '../errors.js';
import { makePaper } from './build-paper.js';
import { arxivAbsUrl, arxivPdfUrl, parseArxivId } from './ids.js';
import { excerpt, isoDay, normalizeAbstract, oneLine, toIsoTimestamp } from './text.js';
import { childOf, childrenOf, childText, NS, parseXml, XmlSyntaxError, type XmlElement } from './xml.js';
import { isNewAnnouncement, splitAnnounceText, toAnnounceType } from './arxiv-announce.js';

/** What one Atom feed held. `error` is set when the feed is arXiv's error entry, never a paper. */
export interface AtomFeed {
  papers: Paper[];
  /** `opensearch:totalResults`, when present. */
  totalResults?: number;
  /** The server's message from an `/api/errors#…` entry (e.g. "incorrect id format for abc"). */
  error?: string;
  /** Entries that were dropped: no arXiv id, or a listing entry announcing a replacement. */
  skipped: number;
}

/** Parses Atom XML text; throws SourceError naming `source` when it is not an Atom feed. */
export function parseArxivAtomText(xml: string, source: string): AtomFeed {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (err) {
    if (err instanceof XmlSyntaxError) {
      throw new SourceError(source, `expected an Atom feed but the body is ${err.message}: ${excerpt(xml)}`);
    }
    throw err;
  }
  return parseArxivAtom(root, source);
}

/** Reads a parsed `<feed>`; throws SourceError when the root is something else. */
export function parseArxivAtom(root: XmlElement, source: string): AtomFeed {
  if (root.ns !== NS.atom || root.name !== 'feed') {
    throw new SourceError(source, `expected an Atom <feed> but found <${root.name}>`);
  }
  const total = childText(root, NS.opensearch, 'totalResults');
  const feed: AtomFeed = { papers: [], skipped: 0 };
  if (total !== undefined && /^\d+$/.test(total)) feed.totalResults = Number(total);
  for (const entry of childrenOf(root, NS.atom, 'entry')) {
    const rawId = childText(entry, NS.atom, 'id') ?? '';
    if (rawId.includes('/api/errors#')) {
      feed.error = oneLine(childText(entry, NS.atom, 'summary') ?? childText(entry, NS.atom, 'title') ?? rawId);
      continue;
    }
    const paper = entryToPaper(entry, source);
    if (paper) feed.papers.push(paper);
    else feed.skipped += 1;
  }
  return feed;
}

function entryToPaper(entry: XmlElement, source: string): Paper | undefined {
  const parsedId = parseArxivId(childText(entry, NS.atom, 'id') ?? '');
  if (!parsedId) return undefined;
  // Listing feeds (rss.arxiv.org/atom/…) wrap the abstract in an announce header.
  const announce = splitAnnounceText(childOf(entry, NS.atom, 'summary')?.text ?? '');
  const announceType = toAnnounceType(childText(entry, NS.arxiv, 'announce_type')) ?? announce.announceType;
  if (!isNewAnnouncement(announceType)) return undefined;
  const primary = childOf(entry, NS.arxiv, 'primary_category')?.attrs.term;
  const categories = childrenOf(entry, NS.atom, 'category')
    .map((c) => c.attrs.term?.trim())
    .filter((t): t is string => Boolean(t));
  const doi = childText(entry, NS.arxiv, 'doi') ?? childText(entry, NS.arxiv, 'DOI');
  // In a listing feed <published> is the announcement day, not the v1 date.
  const isListing = announceType !== undefined;
  const published = childText(entry, NS.atom, 'published');
  return makePaper({
    id: parsedId.id,
    version: parsedId.version,
    title: oneLine(childOf(entry, NS.atom, 'title')?.text ?? ''),
    abstract: normalizeAbstract(announce.abstract),
    authors: childrenOf(entry, NS.atom, 'author')
      .map((a) => oneLine(childOf(a, NS.atom, 'name')?.text ?? ''))
      .filter(Boolean),
    categories: primary ? [primary, ...categories] : categories,
    primaryCategory: primary ?? categories[0],
    publishedAt: isListing ? undefined : toIsoTimestamp(published),
    updatedAt: isListing ? undefined : toIsoTimestamp(childText(entry, NS.atom, 'updated')),
    listedOn: isListing ? isoDay(published) : undefined,
    links: { abs: arxivAbsUrl(parsedId.id), pdf: arxivPdfUrl(parsedId.id) },
    signals: {},
    comment: oneLine(childText(entry, NS.arxiv, 'comment') ?? ''),
    journalRef: oneLine(childText(entry, NS.arxiv, 'journal_ref') ?? childText(entry, NS.arxiv, 'journal_reference') ?? ''),
    doi,
    announceType,
    sources: [source],
  });
}
