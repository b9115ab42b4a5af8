// Fetches a paper's full text from arXiv: the HTML rendering first, then the PDF, else the
// abstract. Every request goes through the process-wide arXiv pacer (one at a time, spaced), and
// bodies are read with a byte cap so a huge file is refused instead of held in memory.
import type { Logger, PaperSection, FullText } from '../ports.js';
import type { Paper } from '../types.js';
import type { Pacer } from '../sources/arxiv-pacer.js';
import { USER_AGENT } from '../sources/http.js';
import { UnreadablePdfError } from './unreadable-pdf.js';

/** Largest HTML page read; LaTeXML pages of long papers run to a few MB. */
const MAX_HTML_BYTES = 15 * 1024 * 1024;

/** Where and how full texts are fetched. */
export interface FullTextFetcherDeps {
  /** `PAPERBOT_ARXIV_HTML_URL`, e.g. https://arxiv.org/html (the paper is `<base>/<id>v<N>`). */
  htmlBase: string;
  /** `PAPERBOT_ARXIV_PDF_URL`, e.g. https://arxiv.org/pdf. */
  pdfBase: string;
  /** Largest PDF read, in bytes. */
  pdfMaxBytes: number;
  timeoutMs: number;
  pacer: Pacer;
  fetch?: typeof fetch;
  logger: Logger;
  now?: () => Date;
}

/** A fetched full text; `lasting` is false when it fell back for a passing reason (try again later). */
export interface FetchedFullText {
  text: FullText;
  lasting: boolean;
}

/** A body was larger than the cap. */
class TooLargeError extends Error {}
/** The server failed in a way that may pass (5xx, timeout, network). */
class PassingError extends Error {}

function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** The path arXiv serves a paper under: the id, with its version when known. */
function arxivPath(paper: Paper): string {
  return encodeURI(paper.version ? `${paper.id}v${paper.version}` : paper.id);
}

/**
 * Creates the fetcher. `fetchFullText(paper)` never throws: it returns the HTML sections when arXiv
 * has an HTML rendering, else the PDF's pages, else the abstract with a `note` saying why (no HTML
 * and the PDF unreadable, the PDF over the cap, arXiv unreachable). `lasting` is false when the
 * reason may pass, so the caller does not keep that fallback for good.
 */
export function createFullTextFetcher(deps: FullTextFetcherDeps): { fetchFullText(paper: Paper): Promise<FetchedFullText> } {
  const doFetch = deps.fetch ?? globalThis.fetch;
  const log = deps.logger.child({ component: 'fulltext' });
  const now = deps.now ?? (() => new Date());

  /** GETs `url` through the pacer; null on 404/410; the body as bytes, at most `cap`. */
  async function getBytes(url: string, cap: number): Promise<Uint8Array | null> {
    return deps.pacer.schedule(async () => {
      let res: Response;
      try {
        res = await doFetch(url, { headers: { 'user-agent': USER_AGENT }, signal: AbortSignal.timeout(deps.timeoutMs), redirect: 'follow' });
      } catch (err) {
        throw new PassingError(`arXiv could not be reached (${err instanceof Error ? err.message : String(err)})`);
      }
      if (res.status === 404 || res.status === 410) {
        await res.body?.cancel();
        return null;
      }
      if (!res.ok) {
        await res.body?.cancel();
        if (res.status >= 500 || res.status === 429) throw new PassingError(`arXiv answered HTTP ${res.status}`);
        return null;
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (Number.isFinite(declared) && declared > cap) {
        await res.body?.cancel();
        throw new TooLargeError(megabytes(declared));
      }
      const parts: Uint8Array[] = [];
      let size = 0;
      try {
        for await (const part of res.body ?? []) {
          size += part.byteLength;
          if (size > cap) throw new TooLargeError(`over ${megabytes(cap)}`);
          parts.push(part);
        }
      } catch (err) {
        if (err instanceof TooLargeError) throw err;
        throw new PassingError(`the download broke off (${err instanceof Error ? err.message : String(err)})`);
      }
      // pdf.js wants a plain Uint8Array, not a Buffer view.
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const part of parts) {
        bytes.set(part, at);
        at += part.byteLength;
      }
      return bytes;
    });
  }

  function result(paper: Paper, origin: FullText['origin'], sections: PaperSection[], note?: string): FullText {
    const text: FullText = { paperId: paper.id, origin, sections, fetchedAt: now().toISOString() };
    if (paper.version) text.version = paper.version;
    if (note) text.note = note;
    return text;
  }

  function abstractOnly(paper: Paper, note: string): FullText {
    return result(paper, 'abstract', [{ ordinal: 0, headings: ['Abstract'], text: paper.abstract }], note);
  }

  return {
    async fetchFullText(paper: Paper): Promise<FetchedFullText> {
      const path = arxivPath(paper);
      const reasons: string[] = [];
      let lasting = true;
      try {
        const html = await getBytes(`${deps.htmlBase.replace(/\/+$/, '')}/${path}`, MAX_HTML_BYTES);
        if (html) {
          // The parsers (cheerio, unpdf) load on the first full text, not with every command.
          const { parseArxivHtml } = await import('./parse-arxiv-html.js');
          const sections = parseArxivHtml(new TextDecoder('utf-8').decode(html));
          if (sections.length) return { text: result(paper, 'html', sections), lasting: true };
          reasons.push('arXiv has no readable HTML version');
        } else reasons.push('arXiv has no HTML version');
      } catch (err) {
        if (err instanceof PassingError) lasting = false;
        reasons.push(err instanceof TooLargeError ? `the HTML page is too large (${err.message})` : `the HTML version failed: ${(err as Error).message}`);
      }
      try {
        const pdf = await getBytes(`${deps.pdfBase.replace(/\/+$/, '')}/${path}`, deps.pdfMaxBytes);
        if (!pdf) reasons.push('no PDF was found');
        else return { text: result(paper, 'pdf', await (await import('./parse-pdf.js')).parsePdf(pdf)), lasting: true };
      } catch (err) {
        if (err instanceof PassingError) lasting = false;
        if (err instanceof TooLargeError) reasons.push(`the PDF is larger than the ${megabytes(deps.pdfMaxBytes)} limit, so it was not read`);
        else if (err instanceof UnreadablePdfError) reasons.push(err.message);
        else reasons.push(`the PDF failed: ${(err as Error).message}`);
      }
      log.info('full text not available; using the abstract', { paperId: paper.id, reasons });
      return { text: abstractOnly(paper, reasons.join('; ')), lasting };
    },
  };
}
