// arXiv RSS 2.0 listing feeds (rss.arxiv.org/rss/<cat>, format since January 2024) → Papers.
// Only first announcements are kept: `new` and `cross`; `replace*` are new versions of old papers.
import { DateTime } from 'luxon';
import type { Paper } from '../types.js';
import { SourceError } from '../errors.js';
import { makePaper } from './build-paper.js';
import { arxivAbsUrl, arxivPdfUrl, parseArxivId } from './ids.js';
import { excerpt, normalizeAbstract, oneLine, splitAuthors } from './text.js';
import { childOf, childrenOf, childText, NS, parseXml, XmlSyntaxError, type XmlElement } from './xml.js';
import { isNewAnnouncement, splitAnnounceText, toAnnounceType } from './arxiv-announce.js';

/** One day's listing. An empty channel (weekend, holiday) has `itemCount` 0. */
export interface RssListing {
  papers: Paper[];
  /** The announcement day (YYYY-MM-DD, US Eastern) from the channel's pubDate. */
  listedOn?: string;
  /** Items in the channel, kept or not. */
  itemCount: number;
  /** Items dropped: replacements, or items without an arXiv id. */
  skipped: number;
}

/** Parses RSS XML text; throws SourceError naming `source` when it is not an arXiv RSS 2.0 feed. */
export function parseArxivRssText(xml: string, source: string): RssListing {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (err) {
    if (err instanceof XmlSyntaxError) {
      throw new SourceError(source, `expected an RSS feed but the body is ${err.message}: ${excerpt(xml)}`);
    }
    throw err;
  }
  return parseArxivRss(root, source);
}

/** Reads a parsed `<rss>` document; throws SourceError for any other root (including RSS 1.0/RDF). */
export function parseArxivRss(root: XmlElement, source: string): RssListing {
  if (root.name === 'RDF') {
    throw new SourceError(source, 'this is the pre-2024 RSS 1.0/RDF listing format, which arXiv no longer serves');
  }
  const channel = root.name === 'rss' && root.ns === NS.none ? childOf(root, NS.none, 'channel') : undefined;
  if (!channel) throw new SourceError(source, `expected an RSS 2.0 <rss><channel> feed but found <${root.name}>`);
  const channelDay = announcementDay(childText(channel, NS.none, 'pubDate'));
  const items = childrenOf(channel, NS.none, 'item');
  const listing: RssListing = { papers: [], itemCount: items.length, skipped: 0 };
  if (channelDay) listing.listedOn = channelDay;
  for (const item of items) {
    const paper = itemToPaper(item, source, channelDay);
    if (paper) listing.papers.push(paper);
    else listing.skipped += 1;
  }
  return listing;
}

/** "Mon, 27 Apr 2026 00:00:00 -0400" → "2026-04-27": the day as written in its own (Eastern) offset. */
export function announcementDay(pubDate: string | undefined): string | undefined {
  if (!pubDate) return undefined;
  const dt = DateTime.fromRFC2822(pubDate.trim(), { setZone: true });
  return dt.isValid ? (dt.toISODate() ?? undefined) : undefined;
}

function itemToPaper(item: XmlElement, source: string, channelDay: string | undefined): Paper | undefined {
  const announce = splitAnnounceText(childOf(item, NS.none, 'description')?.text ?? '');
  const announceType = toAnnounceType(childText(item, NS.arxiv, 'announce_type')) ?? announce.announceType;
  if (!isNewAnnouncement(announceType)) return undefined;
  const parsedId =
    parseArxivId(childText(item, NS.none, 'guid') ?? '') ??
    parseArxivId(announce.versionedId ?? '') ??
    parseArxivId(childText(item, NS.none, 'link') ?? '');
  if (!parsedId) return undefined;
  const categories = childrenOf(item, NS.none, 'category')
    .map((c) => c.text.trim())
    .filter(Boolean);
  return makePaper({
    id: parsedId.id,
    version: parsedId.version,
    title: oneLine(childOf(item, NS.none, 'title')?.text ?? ''),
    abstract: normalizeAbstract(announce.abstract),
    authors: splitAuthors(childOf(item, NS.dc, 'creator')?.text ?? ''),
    categories,
    primaryCategory: categories[0],
    listedOn: announcementDay(childText(item, NS.none, 'pubDate')) ?? channelDay,
    links: { abs: arxivAbsUrl(parsedId.id), pdf: arxivPdfUrl(parsedId.id) },
    signals: {},
    journalRef: oneLine(childText(item, NS.arxiv, 'journal_reference') ?? ''),
    doi: childText(item, NS.arxiv, 'DOI') ?? childText(item, NS.arxiv, 'doi'),
    announceType,
    sources: [source],
  });
}
