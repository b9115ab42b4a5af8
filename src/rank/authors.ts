// Author-name matching that survives how names are written: case, accents, initials ("Y. LeCun"),
// particles ("Yann Le Cun"), "Last, First" order and hyphenated given names.
import { foldText } from '../text/analyze.js';

/** A name reduced to comparable parts. */
export interface NameKey {
  /** Given names, squashed ("zhao-heng" → "zhaoheng"). */
  given: string[];
  /** Family name with particles, squashed ("le cun" → "lecun"). */
  family: string;
}

const PARTICLES = new Set(['de', 'del', 'della', 'der', 'den', 'di', 'da', 'van', 'von', 'la', 'le', 'du', 'dos', 'das', 'st', 'bin', 'al']);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd']);

const squash = (s: string): string => s.replace(/[^\p{L}\p{N}]+/gu, '');

/** Parses a display name; undefined when nothing name-like is left. */
export function nameKey(name: string): NameKey | undefined {
  let text = foldText(name).trim();
  const comma = text.indexOf(',');
  if (comma > 0) {
    const after = text.slice(comma + 1).trim();
    // "LeCun, Yann" → "Yann LeCun"; but keep "King, Jr." as a suffix.
    if (after && !SUFFIXES.has(squash(after))) text = `${after} ${text.slice(0, comma)}`;
  }
  const tokens = text
    .split(/[\s.]+/)
    .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}-]+$/gu, ''))
    .filter((t) => t && !SUFFIXES.has(squash(t)));
  if (tokens.length === 0) return undefined;
  let start = tokens.length - 1;
  while (start > 0 && PARTICLES.has(tokens[start - 1]!) && start - 1 > 0) start--;
  const family = squash(tokens.slice(start).join(''));
  const given = tokens.slice(0, start).map(squash).filter(Boolean);
  return family ? { given, family } : undefined;
}

function givenCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 1) return b.startsWith(a);
  if (b.length === 1) return a.startsWith(b);
  return false;
}

/**
 * True when `author` is the person `followed` names. A bare family name ("lecun") matches any
 * given name; otherwise a given name must agree, an initial matching the full name
 * ("Y. LeCun" = "Yann LeCun"). "Kaiming He" also matches "He Kaiming".
 */
export function sameAuthor(followed: NameKey, author: NameKey): boolean {
  if (followed.family === author.family) {
    if (followed.given.length === 0 || author.given.length === 0) return true;
    // Middle names vary between sources ("C. Karen Liu" / "Karen Liu"): any given name may agree.
    for (const f of followed.given) for (const a of author.given) if (givenCompatible(f, a)) return true;
    return false;
  }
  // Given and family swapped (common for East Asian names in different sources).
  return (
    followed.given.length === 1 &&
    author.given.length === 1 &&
    followed.given[0] === author.family &&
    author.given[0] === followed.family
  );
}

/** A paper's author list prepared for repeated matching. */
export interface AuthorNames {
  names: string[];
  /** Each name folded and squashed ("Yann Le Cun" → "yannlecun"): a cheap containment filter. */
  flat: string[];
  /** Each name's folded last word, letters and digits only: a cheap key to rule out pairs. */
  last: string[];
  /** nameKey of each name (undefined when nothing name-like is left). */
  keys: Array<NameKey | undefined>;
}

/** The folded last word of a name, letters and digits only ("Y. LeCun" → "lecun"). */
export function lastWord(name: string): string {
  const folded = foldText(name).trim();
  return folded.slice(folded.lastIndexOf(' ') + 1).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Prepares an author list for findFollowed and repeated comparisons. */
export function authorNames(names: string[]): AuthorNames {
  return {
    names,
    flat: names.map((n) => squash(foldText(n))),
    last: names.map(lastWord),
    keys: names.map(nameKey),
  };
}

/** The first of `authors` that one of the followed names matches, with that followed name. */
export function findFollowed(
  followed: NameKey[],
  authors: string[] | AuthorNames,
): { author: string; index: number } | undefined {
  const a = Array.isArray(authors) ? authorNames(authors) : authors;
  for (let i = 0; i < a.names.length; i++) {
    // Cheap filter before parsing: the folded, squashed name must contain a followed family name.
    const flat = a.flat[i]!;
    if (!followed.some((f) => flat.includes(f.family))) continue;
    const key = a.keys[i];
    if (!key) continue;
    const index = followed.findIndex((f) => sameAuthor(f, key));
    if (index >= 0) return { author: a.names[i]!, index };
  }
  return undefined;
}
