// arXiv's HTML papers are LaTeXML output. We read its structure with a real HTML parser (cheerio):
// sections and subsections with their titles, paragraphs, and math as its alt text. Scripts,
// styles and markup never survive: only element text is kept.
import * as cheerio from 'cheerio';
import type { PaperSection } from '../ports.js';

const SECTION_SELECTOR = 'section.ltx_section, section.ltx_subsection, section.ltx_subsubsection, section.ltx_appendix';
/** Elements whose content is never paper text. */
const DROP_SELECTOR = 'script, style, noscript, template, iframe, object, svg, nav, header, footer, .ltx_page_footer, .ltx_page_header';

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Sections of a LaTeXML (arXiv HTML) paper in reading order: the abstract (when present) and every
 * `section.ltx_section` / `ltx_subsection` / `ltx_subsubsection` / `ltx_appendix` that has its own
 * paragraphs. Each carries its heading path as printed ("4 Experiments" › "4.2 Training setup"),
 * its anchor (the section's id, e.g. "S4.SS2") and its paragraphs (`div.ltx_para > p.ltx_p`)
 * joined by blank lines, with math replaced by its `alttext`. Returns [] when the page has no
 * LaTeXML sections (not a paper rendering).
 */
export function parseArxivHtml(html: string): PaperSection[] {
  const $ = cheerio.load(html);
  $(DROP_SELECTOR).remove();
  // Math: LaTeXML keeps the TeX source in `alttext`; its MathML rendering would read as noise.
  $('math').each((_, el) => {
    const alt = $(el).attr('alttext');
    $(el).replaceWith(alt ? ` ${alt} ` : ' ');
  });

  const sections: PaperSection[] = [];
  const abstract = $('div.ltx_abstract').first();
  if (abstract.length) {
    const paras = abstract.find('p.ltx_p').map((_, p) => clean($(p).text())).get().filter(Boolean);
    if (paras.length) sections.push({ ordinal: 0, headings: ['Abstract'], text: paras.join('\n\n') });
  }

  $(SECTION_SELECTOR).each((_, el) => {
    const section = $(el);
    // Only this section's own paragraphs: its subsections are entries of their own.
    const paras = section
      .find('div.ltx_para > p.ltx_p')
      .filter((_, p) => $(p).closest(SECTION_SELECTOR).get(0) === el)
      .map((_, p) => clean($(p).text()))
      .get()
      .filter((t) => t.length > 0);
    if (paras.length === 0) return;
    const headings = section
      .parents(SECTION_SELECTOR)
      .get()
      .reverse()
      .concat(el)
      .map((s) => clean($(s).children('h1, h2, h3, h4, h5, h6').filter('.ltx_title').first().text()))
      .filter(Boolean);
    const id = section.attr('id');
    const entry: PaperSection = { ordinal: sections.length, headings, text: paras.join('\n\n') };
    if (id) entry.anchor = id;
    sections.push(entry);
  });
  return sections.length > (abstract.length ? 1 : 0) ? sections : [];
}
