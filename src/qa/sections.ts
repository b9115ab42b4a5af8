// How a section of a paper is named in an answer ("§4.2", "p. 3") and where it links to.
import type { Citation, Paper } from '../types.js';

/** Public arXiv HTML, where section anchors live. */
const ARXIV_HTML = 'https://arxiv.org/html';
const NUMBERED = /^((?:[A-Z]|\d+)(?:\.\d+)*)\.?\s/;

/** Where a quote came from: a paper and one of its sections. */
export interface SectionRef {
  headings: string[];
  anchor?: string;
}

/**
 * The short name of a section as cited: its printed number (`§4.2`, `§A.1`), else its title
 * (`§Abstract`, clipped), else the page of a PDF (`p. 3`).
 */
export function sectionLabel(section: SectionRef): string {
  const last = section.headings[section.headings.length - 1]?.trim() ?? '';
  if (/^p\. \d+$/.test(last)) return last;
  const number = NUMBERED.exec(last)?.[1];
  if (number) return `§${number}`;
  if (!last) return '§(front matter)';
  return `§${last.length > 40 ? `${last.slice(0, 39).trimEnd()}…` : last}`;
}

/** The section's full heading path for prompts and listings ("4 Experiments › 4.2 Training setup"). */
export function headingPath(section: SectionRef): string {
  return section.headings.join(' › ') || '(front matter)';
}

/** The link to a section of the paper's arXiv HTML, when the section has an anchor. */
export function sectionUrl(paper: Paper, section: SectionRef): string | undefined {
  if (!section.anchor) return undefined;
  const id = paper.version ? `${paper.id}v${paper.version}` : paper.id;
  return `${ARXIV_HTML}/${encodeURI(id)}#${encodeURIComponent(section.anchor)}`;
}

function paperLink(paper: Paper): string | undefined {
  return paper.links.abs ?? paper.links.pdf ?? paper.links.code ?? paper.links.project;
}

/**
 * Numbers the papers an answer cites [1], [2], … in the order first cited, and remembers which of
 * their sections were quoted. `cite` returns the marker to write after a claim: `[1 §4.2]`.
 */
export class CitationList {
  private readonly byId = new Map<string, Citation>();

  /** Numbers `paper` (once) and returns its number. */
  number(paper: Paper): number {
    let c = this.byId.get(paper.id);
    if (!c) {
      c = { index: this.byId.size + 1, paperId: paper.id, title: paper.title };
      const url = paperLink(paper);
      if (url) c.url = url;
      this.byId.set(paper.id, c);
    }
    return c.index;
  }

  /** The marker for a quote from `section` of `paper` (`[1 §4.2]`), or `[1]` without a section. */
  cite(paper: Paper, section?: SectionRef): string {
    const n = this.number(paper);
    if (!section) return `[${n}]`;
    const label = sectionLabel(section);
    const c = this.byId.get(paper.id)!;
    const sections = (c.sections ??= []);
    if (!sections.some((s) => s.label === label)) {
      const url = sectionUrl(paper, section);
      sections.push(url ? { label, url } : { label });
    }
    return `[${n} ${label}]`;
  }

  /** Every cited paper, by number. */
  get all(): Citation[] {
    return [...this.byId.values()];
  }
}
