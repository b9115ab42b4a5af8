import { InputError } from '../errors.js';

/** The forms a source name may take, for error messages and help. */
export const SOURCE_FORMS = '`hf` (Hugging Face Daily Papers), `arxiv:<category>` such as `arxiv:cs.LG`, or `file:<path>`';

// arXiv archives and categories: "cs.LG", "stat.ML", "q-bio.NC", "astro-ph", "astro-ph.CO", "hep-th".
const ARXIV_CATEGORY = /^[a-z][a-z-]*(\.[A-Za-z][A-Za-z-]*)?$/;

/**
 * Checks one source name syntactically and returns it normalized (`HF` → `hf`, `arXiv:cs.lg` →
 * `arxiv:cs.LG`). Throws InputError listing the valid forms for anything else.
 */
export function parseSourceName(text: string): string {
  const name = text.trim();
  if (/^hf$/i.test(name)) return 'hf';
  const arxiv = /^arxiv:(.+)$/i.exec(name);
  if (arxiv) {
    const [archive = '', sub] = arxiv[1]!.split('.');
    // arXiv category suffixes are upper case in cs/stat/eess/econ/q-fin ("cs.LG") but e.g.
    // "astro-ph.CO", "math.AG" too; two-letter suffixes are always upper case.
    const category = sub === undefined ? archive.toLowerCase() : `${archive.toLowerCase()}.${sub.length <= 2 ? sub.toUpperCase() : sub}`;
    if (ARXIV_CATEGORY.test(category)) return `arxiv:${category}`;
    throw new InputError(`"${name}" is not an arXiv category; write it like arxiv:cs.LG or arxiv:astro-ph.CO.`);
  }
  const file = /^file:(.+)$/i.exec(name);
  if (file && file[1]!.trim()) return `file:${file[1]!.trim()}`;
  throw new InputError(`"${name}" is not a source I know. Valid sources: ${SOURCE_FORMS}.`);
}

/** Most sources one channel may list: each is fetched on every digest. */
export const MAX_SOURCES = 10;

/** Parses a comma- or space-separated list of source names; distinct, in the order given. */
export function parseSourceList(text: string): string[] {
  const names = text.split(/[\s,]+/).filter(Boolean);
  if (names.length === 0) throw new InputError(`List at least one source: ${SOURCE_FORMS}.`);
  const list = [...new Set(names.slice(0, 100).map(parseSourceName))];
  if (list.length > MAX_SOURCES) throw new InputError(`At most ${MAX_SOURCES} sources per channel (you listed ${names.length}).`);
  return list;
}
