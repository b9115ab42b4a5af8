// Text normalisation shared by every source: titles on one line, abstracts with real paragraphs.
import { FIELD_LIMITS, truncationNote } from './field-limits.js';

/** Longest input oneLine reads: far past any field limit, so a huge field is cut before the regex runs. */
const ONE_LINE_INPUT_MAX = 100_000;

/**
 * Collapses every run of whitespace (newlines included) to one space and trims. Reads at most the
 * first 100,000 characters: normalising a 54 MB field took gigabytes, and no field keeps that much.
 */
export function oneLine(text: string): string {
  return (text.length > ONE_LINE_INPUT_MAX ? text.slice(0, ONE_LINE_INPUT_MAX) : text).replace(/\s+/g, ' ').trim();
}

/**
 * Normalises an abstract. arXiv marks an author's paragraph break as a newline followed by
 * indentation ("\n  "); hard wraps of old records are bare newlines. So a blank line or an
 * indented line starts a paragraph, every other whitespace run becomes one space.
 * Paragraphs are joined with a single "\n". LaTeX and punctuation are left untouched.
 */
export function normalizeAbstract(text: string): string {
  // Cut before normalising (the regexes over a 54 MB abstract took gigabytes); say so at the end.
  if (text.length > FIELD_LIMITS.abstract) {
    return normalizeAbstract(text.slice(0, FIELD_LIMITS.abstract)) + truncationNote(text.length);
  }
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n[ \t]*\n\s*|\n[ \t]+/)
    .map(oneLine)
    .filter((p) => p.length > 0)
    .join('\n');
}

// Name suffixes that follow a comma inside one author's name ("Martin Luther King, Jr.").
const NAME_SUFFIX = /^(jr|sr|ii|iii|iv|v|phd|md)\.?$/i;

/**
 * Splits a comma-separated author string ("A, B and C", arXiv RSS `dc:creator`) into names,
 * keeping suffixes such as ", Jr." attached to the preceding name.
 */
export function splitAuthors(text: string): string[] {
  const names: string[] = [];
  for (const part of oneLine(text).split(/\s*,\s*(?:and\s+)?|\s+and\s+/)) {
    if (!part) continue;
    const prev = names.length - 1;
    if (prev >= 0 && NAME_SUFFIX.test(part)) names[prev] = `${names[prev]}, ${part}`;
    else names.push(part);
  }
  return names;
}

/** A stable, readable slug (Unicode letters and digits kept, everything else "-"), at most 80 chars. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .slice(0, 80)
    .replace(/^-+|-+$/g, '');
}

/** Normalises a date/time string to an ISO timestamp (`…T…Z`); undefined when unparseable. */
export function toIsoTimestamp(text: string | undefined | null): string | undefined {
  if (!text) return undefined;
  const t = Date.parse(text.trim());
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** The YYYY-MM-DD written at the start of an ISO string ("2026-06-12T00:00:00.000Z" → "2026-06-12"). */
export function isoDay(text: string | undefined | null): string | undefined {
  const m = text ? /^(\d{4}-\d{2}-\d{2})/.exec(text.trim()) : null;
  return m ? m[1] : undefined;
}

/** A short, single-line excerpt of a body for error messages (HTML tags stripped). */
export function excerpt(body: string, max = 160): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(body)?.[1];
  const plain = oneLine((title ?? body).replace(/<[^>]*>/g, ' '));
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}
