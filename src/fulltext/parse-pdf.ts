// PDF text through unpdf (a maintained serverless build of Mozilla's pdf.js). A PDF has no
// reliable section structure, so each page becomes one section headed by its page number.
import { extractText, getDocumentProxy } from 'unpdf';
import { UnreadablePdfError } from './unreadable-pdf.js';
import type { PaperSection } from '../ports.js';

/** The PDF could not be read as a PDF (corrupt, encrypted, or not a PDF at all). */
export { UnreadablePdfError } from './unreadable-pdf.js';

/**
 * The text of a PDF, one section per page that has text, headed "p. N" (no anchor). Throws
 * UnreadablePdfError when pdf.js cannot parse it or it holds no text at all (a scanned paper).
 */
export async function parsePdf(bytes: Uint8Array): Promise<PaperSection[]> {
  let pages: string[];
  try {
    const doc = await getDocumentProxy(bytes, { verbosity: 0 });
    pages = (await extractText(doc, { mergePages: false })).text;
  } catch (err) {
    throw new UnreadablePdfError(err instanceof Error ? err.message.replace(/\s+/g, ' ').slice(0, 120) : 'unknown error');
  }
  const sections: PaperSection[] = [];
  pages.forEach((raw, i) => {
    const text = raw.replace(/-\n(?=\p{Ll})/gu, '').replace(/\s+/g, ' ').trim();
    if (text) sections.push({ ordinal: sections.length, headings: [`p. ${i + 1}`], text });
  });
  if (sections.length === 0) throw new UnreadablePdfError('it holds no text');
  return sections;
}
