// Reads `paperbot rank --input FILE`: every entry becomes one paper, paired with its id as given.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Paper } from '../types.js';
import { InputError, errorMessage } from '../errors.js';
import { looksLikeHfDaily, parseHfDaily } from '../sources/hf-parse.js';
import { parsePaperList } from '../sources/file-papers.js';
import { createFileSource } from '../sources/file-source.js';
import { silentLogger } from '../logger.js';
import type { Config } from '../types.js';

/** One input paper and the id the caller gave it (echoed back unchanged: a JSON number stays a number). */
export interface RankInput {
  inputId: string | number;
  paper: Paper;
}

function givenId(entry: unknown): string | number | undefined {
  if (!entry || typeof entry !== 'object') return undefined;
  const e = entry as { id?: unknown; paper?: { id?: unknown } };
  const id = e.id ?? e.paper?.id;
  return typeof id === 'string' || typeof id === 'number' ? id : undefined;
}

/**
 * Parses a JSON paper list, a saved HF Daily Papers response, or a saved arXiv Atom/RSS feed.
 * Unlike a source, nothing is merged or dropped silently: each JSON entry is ranked on its own
 * (duplicates included) and keeps its input id verbatim; an invalid entry is an InputError.
 */
export async function readRankInput(path: string, config: Readonly<Config>): Promise<RankInput[]> {
  let text: string;
  try {
    text = await readFile(resolve(path), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `--input: no such file ${path}` : `--input: cannot read ${path} (${errorMessage(err)})`);
  }
  if (/^\s*</.test(text)) {
    const source = createFileSource(`file:${path}`, path, { config: config as Config, logger: silentLogger });
    try {
      const result = await source.fetch({ date: new Date().toISOString().slice(0, 10) });
      return result.papers.map((paper) => ({ inputId: paper.id, paper }));
    } catch (err) {
      throw new InputError(`--input: ${errorMessage(err)}`);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError(`--input: ${path} is not valid JSON (${errorMessage(err)})`);
  }
  if (json && typeof json === 'object' && !Array.isArray(json) && Array.isArray((json as { papers?: unknown }).papers)) {
    json = (json as { papers: unknown[] }).papers;
  }
  if (!Array.isArray(json)) {
    throw new InputError(`--input: ${path} must hold a JSON array of papers ({id, title, abstract, …}), a saved HF Daily Papers response or an arXiv feed`);
  }
  const hf = looksLikeHfDaily(json);
  return json.map((entry, index) => {
    const parsed = hf ? parseHfDaily([entry], 'file') : parsePaperList([entry], 'file');
    const paper = parsed.papers[0];
    if (!paper) throw new InputError(`--input: ${path} ${(parsed.invalid[0] ?? `entry ${index}: invalid`).replace(/^entry 0/, `entry ${index}`)}`);
    return { inputId: givenId(entry) ?? paper.id, paper };
  });
}
