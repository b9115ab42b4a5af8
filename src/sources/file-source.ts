// The `file:<path>` source: papers from a local file, re-read on every fetch. Accepts a JSON paper
// list, a saved HF Daily Papers response, or a saved arXiv Atom (API) or RSS feed, by content.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { PaperSource } from '../ports.js';
import type { Paper, SourceQuery, SourceResult } from '../types.js';
import { SourceError, errorMessage } from '../errors.js';
import type { SourceDeps } from './deps.js';
import { looksLikeHfDaily, parseHfDaily } from './hf-parse.js';
import { looksLikePaperList, parsePaperList } from './file-papers.js';
import { mergePapers } from './merge.js';

const SHAPES =
  'expected a JSON array of papers ({title, abstract, …}), a saved HF Daily Papers response, or a saved arXiv Atom/RSS feed';

interface Parsed {
  papers: Paper[];
  invalid: string[];
}

/**
 * Creates a source reading `path` (relative to the working directory). `query.date` is not used:
 * the file is what it is. Missing files, malformed JSON/XML and unrecognised shapes reject with
 * SourceError naming the file; invalid entries among valid ones are skipped and reported as
 * `partial`. An empty list or feed resolves `quiet: true`.
 */
export function createFileSource(name: string, path: string, deps: SourceDeps): PaperSource {
  const fullPath = resolve(path);
  const log = deps.logger.child({ source: name });
  // The source name is "file:<path>", so every message already names the file.
  const fail = (message: string, cause?: unknown) => new SourceError(name, message, { cause });

  const read = async (): Promise<string> => {
    try {
      return new TextDecoder('utf-8').decode(await readFile(fullPath));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw fail(`no such file (looked for ${fullPath})`, err);
      if (code === 'EISDIR') throw fail('is a directory, not a file', err);
      throw fail(`cannot read file: ${errorMessage(err)}`, err);
    }
  };

  const parseJson = (text: string): Parsed => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw fail(`malformed JSON (${errorMessage(err)})`, err);
    }
    if (json && typeof json === 'object' && !Array.isArray(json) && Array.isArray((json as { papers?: unknown }).papers)) {
      json = (json as { papers: unknown[] }).papers;
    }
    if (Array.isArray(json) && json.length === 0) return { papers: [], invalid: [] };
    if (looksLikeHfDaily(json)) return parseHfDaily(json, name);
    if (looksLikePaperList(json)) return parsePaperList(json, name);
    throw fail(`unrecognised JSON shape; ${SHAPES}`);
  };

  const parseXmlFile = async (text: string): Promise<Parsed> => {
    // The XML parser loads only for XML files, not at start-up.
    const [{ parseXml }, { parseArxivAtom }, { parseArxivRss }] = await Promise.all([
      import('./xml.js'),
      import('./arxiv-atom.js'),
      import('./arxiv-rss.js'),
    ]);
    let root;
    try {
      root = parseXml(text);
    } catch (err) {
      throw fail(`malformed XML (${errorMessage(err)})`, err);
    }
    if (root.name === 'feed') {
      const feed = parseArxivAtom(root, name);
      if (feed.error) throw fail(`the saved feed is an arXiv error: ${feed.error}`);
      return { papers: feed.papers, invalid: [] };
    }
    if (root.name === 'rss' || root.name === 'RDF') return { papers: parseArxivRss(root, name).papers, invalid: [] };
    throw fail(`unrecognised XML root <${root.name}>; ${SHAPES}`);
  };

  return {
    name,
    async fetch(query: SourceQuery): Promise<SourceResult> {
      const text = (await read()).trim();
      if (!text) throw fail(`the file is empty; ${SHAPES}`);
      const parsed = text.startsWith('<') ? await parseXmlFile(text) : parseJson(text);
      if (parsed.invalid.length > 0 && parsed.papers.length === 0) {
        throw fail(`no usable papers: ${parsed.invalid.slice(0, 3).join('; ')}`);
      }
      const unique = mergePapers(parsed.papers);
      const papers = query.maxResults ? unique.slice(0, query.maxResults) : unique;
      log.debug('file source read', { path: fullPath, papers: papers.length, invalid: parsed.invalid.length });
      const result: SourceResult = { source: name, papers, quiet: papers.length === 0 };
      if (parsed.invalid.length) {
        result.partial = `skipped ${parsed.invalid.length} invalid entries (${parsed.invalid.slice(0, 3).join('; ')})`;
      }
      return result;
    },
  };
}
