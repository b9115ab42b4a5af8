import { InputError } from '../errors.js';

/** The forms a source name may take, for error messages and help. */
export const SOURCE_FORMS = '`hf` (Hugging Face Daily Papers), `arxiv:<category>` such as `arxiv:cs.LG`, or `file:<path>`';

/** arXiv's archives (https://arxiv.org/category_taxonomy); a category is one of these, optionally `.<SUB>`. */
export const ARXIV_ARCHIVES: ReadonlySet<string> = new Set([
  'astro-ph', 'cond-mat', 'cs', 'econ', 'eess', 'gr-qc', 'hep-ex', 'hep-lat', 'hep-ph', 'hep-th', 'math',
  'math-ph', 'nlin', 'nucl-ex', 'nucl-th', 'physics', 'q-bio', 'q-fin', 'quant-ph', 'stat',
]);

// "cs.LG", "stat.ML", "q-bio.NC", "astro-ph", "astro-ph.CO", "hep-th": one dot at most, letters and dashes.
const ARXIV_CATEGORY = /^([a-z]+(?:-[a-z]+)*)(?:\.([a-z]{1,4}(?:-[a-z]{1,4})?))?$/i;

/**
 * Checks one source name syntactically and returns it normalized (`HF` → `hf`, `arXiv:cs.lg` →
 * `arxiv:cs.LG`). Throws InputError listing the valid forms for anything else.
 */
export function parseSourceName(text: string): string {
  const name = text.trim();
  if (/^hf$/i.test(name)) return 'hf';
  const arxiv = /^arxiv:(.+)$/i.exec(name);
  if (arxiv) {
    // Refused, never rewritten: "arxiv:evil.example.com" must not become "arxiv:evil.example".
    const m = ARXIV_CATEGORY.exec(arxiv[1]!);
    const archive = m?.[1]?.toLowerCase();
    if (!m || !archive || !ARXIV_ARCHIVES.has(archive)) {
      throw new InputError(`"${name}" is not an arXiv category; write it like arxiv:cs.LG or arxiv:astro-ph.CO.`);
    }
    const sub = m[2];
    // arXiv category suffixes are upper case in cs/stat/eess/econ/q-fin ("cs.LG") but e.g.
    // "astro-ph.CO", "math.AG" too; two-letter suffixes are always upper case.
    return `arxiv:${sub === undefined ? archive : `${archive}.${sub.length <= 2 ? sub.toUpperCase() : sub}`}`;
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
