// arXiv identifiers: recognise every spelling sources use and reduce it to the canonical bare id.

/** A parsed arXiv identifier: the canonical version-less id plus the version when one was given. */
export interface ArxivId {
  id: string;
  version?: number;
}

// New style YYMM.NNNN (0704–1412) or YYMM.NNNNN (1501 on); month must be 01–12.
const NEW_STYLE = /^(\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})(?:v(\d+))?$/i;
// Old style archive[.SUBJ]/YYMMNNN, e.g. astro-ph/0601001, math.GT/0309136, cond-mat.str-el/0101001.
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)*)(?:\.[a-z]+(?:-[a-z]+)*)?\/(\d{2}(?:0[1-9]|1[0-2])\d{3})(?:v(\d+))?$/i;
const PREFIXES = [
  /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html|format)\//i,
  /^oai:arxiv\.org:/i,
  /^arxiv:\s*/i,
];

/**
 * Parses an arXiv id in any common spelling: bare ("2606.12730", "astro-ph/0601001"), versioned
 * ("2606.12730v2"), prefixed ("arXiv:…", "oai:arXiv.org:…") or an abs/pdf/html URL (".pdf" and query
 * strings allowed). Old-style ids drop the subject class ("math.GT/0309136" → "math/0309136"),
 * because that is the id arXiv itself returns. Returns undefined for anything else.
 */
export function parseArxivId(text: string): ArxivId | undefined {
  let s = text.trim();
  for (const prefix of PREFIXES) s = s.replace(prefix, '');
  s = s.replace(/[?#].*$/, '').replace(/\/+$/, '').replace(/\.pdf$/i, '');
  const modern = NEW_STYLE.exec(s);
  if (modern) return withVersion(modern[1]!, modern[2]);
  const old = OLD_STYLE.exec(s);
  if (old) return withVersion(`${old[1]!.toLowerCase()}/${old[2]!}`, old[3]);
  return undefined;
}

function withVersion(id: string, version: string | undefined): ArxivId {
  const v = version === undefined ? undefined : Number(version);
  return v !== undefined && v > 0 ? { id, version: v } : { id };
}

/** True when `id` is already a canonical bare arXiv id (no version, no prefix). */
export function isCanonicalArxivId(id: string): boolean {
  const parsed = parseArxivId(id);
  return parsed !== undefined && parsed.id === id && parsed.version === undefined;
}

/** The version-less abstract page, which always shows the latest version. */
export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

/** The version-less PDF link (latest version). */
export function arxivPdfUrl(id: string): string {
  return `https://arxiv.org/pdf/${id}`;
}
