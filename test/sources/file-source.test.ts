import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSource } from '../../src/sources/registry.js';
import { SourceError } from '../../src/errors.js';
import type { SourceResult } from '../../src/types.js';
import { fixturePath, testDeps } from './helpers.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paperbot-file-source-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function write(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

const read = (path: string): Promise<SourceResult> => createSource(`file:${path}`, testDeps()).fetch({ date: '2026-07-31' });

describe('file: source, JSON paper lists', () => {
  it('canonicalises arXiv ids and URLs, slugs other titles, and accepts every author spelling', async () => {
    const path = await write(
      'papers.json',
      JSON.stringify([
        { id: 'arXiv:2606.12730v2', title: ' Rethinking\n  Psychometric Evaluation ', abstract: 'First para\nwrapped.\n\nSecond para.', authors: ['Ada Lovelace', 'Alan Turing'], categories: 'cs.CL, cs.AI', published: '2026-06-10' },
        { url: 'https://arxiv.org/pdf/astro-ph/0601001v1.pdf', title: 'Hot Jupiters', summary: 'We derive…', authors: 'Andrew Gould, Susan Dorsher, B. Scott Gaudi' },
        { title: 'A Local Note: Über Things!', abstract: 'x', authors: [{ name: 'Dirk Wübben' }], url: 'https://example.org/note', upvotes: 3 },
        { id: 'internal-42', title: 'Internal report', abstract: 'y' },
      ]),
    );
    const result = await read(path);
    expect(result).toMatchObject({ source: `file:${path}`, quiet: false });
    expect(result.partial).toBeUndefined();
    const [a, b, c, d] = result.papers;
    expect(a).toMatchObject({
      id: '2606.12730',
      version: 2,
      title: 'Rethinking Psychometric Evaluation',
      abstract: 'First para wrapped.\nSecond para.',
      authors: ['Ada Lovelace', 'Alan Turing'],
      categories: ['cs.CL', 'cs.AI'],
      primaryCategory: 'cs.CL',
      publishedAt: '2026-06-10T00:00:00.000Z',
      links: { abs: 'https://arxiv.org/abs/2606.12730', pdf: 'https://arxiv.org/pdf/2606.12730' },
      sources: [`file:${path}`],
    });
    expect(b).toMatchObject({ id: 'astro-ph/0601001', version: 1, abstract: 'We derive…', authors: ['Andrew Gould', 'Susan Dorsher', 'B. Scott Gaudi'] });
    expect(c).toMatchObject({
      id: 'file:a-local-note-uber-things',
      authors: ['Dirk Wübben'],
      links: { abs: 'https://example.org/note' },
      signals: { upvotes: 3 },
    });
    expect('version' in c!).toBe(false);
    expect(d!.id).toBe('file:internal-42');
    expect((await read(path)).papers.map((p) => p.id)).toEqual(result.papers.map((p) => p.id));
  });

  it('accepts an object with a papers array and merges duplicates to the latest version', async () => {
    const path = await write(
      'wrapped.json',
      JSON.stringify({ papers: [
        { id: '2606.12730v1', title: 'Old title', abstract: 'old' },
        { id: '2606.12730v2', title: 'New title', abstract: 'new' },
      ] }),
    );
    const result = await read(path);
    expect(result.papers).toHaveLength(1);
    expect(result.papers[0]).toMatchObject({ id: '2606.12730', version: 2, title: 'New title', abstract: 'new' });
  });

  it('skips entries without a title and reports them as partial', async () => {
    const path = await write('some-bad.json', JSON.stringify([{ title: 'Good', abstract: 'g' }, { abstract: 'no title' }, { title: '  ' }]));
    const result = await read(path);
    expect(result.papers.map((p) => p.title)).toEqual(['Good']);
    expect(result.partial).toMatch(/^skipped 2 invalid entries \(entry 1: title/);
  });

  it('gives a symbol-only title a stable hashed id', async () => {
    const path = await write('symbols.json', JSON.stringify([{ title: '???', abstract: '' }]));
    const [first] = (await read(path)).papers;
    expect(first!.id).toMatch(/^file:[0-9a-f]{12}$/);
    expect((await read(path)).papers[0]!.id).toBe(first!.id);
  });

  it('treats an empty list as a quiet day', async () => {
    expect(await read(await write('empty.json', '[]'))).toEqual({ source: `file:${join(dir, 'empty.json')}`, papers: [], quiet: true });
  });
});

describe('file: source, saved API responses', () => {
  it('reads a saved HF Daily Papers response', async () => {
    const result = await read(fixturePath('hf-daily-papers-2026-06-12.json'));
    expect(result.papers).toHaveLength(30);
    expect(result.papers.find((p) => p.id === '2606.13681')).toMatchObject({
      listedOn: '2026-06-12',
      signals: { upvotes: 118, githubStars: 9, comments: 3 },
      links: { project: 'https://aiden0526.github.io/EvoArena/' },
    });
  });

  it('dates a saved legacy HF response by the wrapper publishedAt day', async () => {
    const result = await read(fixturePath('hf-daily-papers-2024-10-25-legacy-trimmed.json'));
    expect(result.papers.map((p) => p.listedOn)).toEqual(['2024-10-25', '2024-10-25', '2024-10-25', '2024-10-25']);
    expect(result.papers[1]!.title).toBe('Can Knowledge Editing Really Correct Hallucinations?');
  });

  it('reads a saved arXiv API Atom feed', async () => {
    const result = await read(fixturePath('arxiv-api-query-transformer-cs.LG-2026-06-14.xml'));
    expect(result.papers.map((p) => p.id)).toEqual(['2606.13677', '2606.13591', '2606.13568', '2606.13515', '2606.13501']);
    expect(result.papers[0]!.sources).toEqual([`file:${fixturePath('arxiv-api-query-transformer-cs.LG-2026-06-14.xml')}`]);
  });

  it('reads saved RSS listings, the weekend one as quiet', async () => {
    const lg = await read(fixturePath('arxiv-rss-cs.LG-2026-04-27-trimmed.xml'));
    expect(lg.papers.map((p) => [p.id, p.listedOn])).toEqual([
      ['2604.21952', '2026-04-27'],
      ['2604.21953', '2026-04-27'],
      ['2604.21956', '2026-04-27'],
    ]);
    const weekend = await read(fixturePath('arxiv-rss-cs.CL-2026-08-01-weekend-empty.xml'));
    expect(weekend).toMatchObject({ papers: [], quiet: true });
  });

  it('refuses a saved arXiv error feed', async () => {
    await expect(read(fixturePath('arxiv-api-error-http400-incorrect-id-abc-2026-04-12.xml'))).rejects.toThrow(
      /the saved feed is an arXiv error: incorrect id format for abc/,
    );
  });
});

describe('file: source errors name the file', () => {
  const failure = async (path: string) => {
    const err = await read(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    return (err as Error).message;
  };

  it('missing file', async () => {
    const path = join(dir, 'nope.json');
    expect(await failure(path)).toBe(`file:${path}: no such file (looked for ${path})`);
  });

  it('malformed JSON', async () => {
    const path = await write('broken.json', '[{"title": "x",');
    expect(await failure(path)).toMatch(/^file:.*broken\.json: malformed JSON \(/);
  });

  it('unrecognised JSON shapes', async () => {
    expect(await failure(await write('object.json', '{"foo": 1}'))).toMatch(/object\.json: unrecognised JSON shape; expected a JSON array of papers/);
    expect(await failure(await write('numbers.json', '[1, 2]'))).toMatch(/numbers\.json: unrecognised JSON shape/);
  });

  it('XML that is neither Atom nor RSS, and broken XML', async () => {
    expect(await failure(await write('page.xml', '<html><body/></html>'))).toMatch(/page\.xml: unrecognised XML root <html>/);
    expect(await failure(await write('bad.xml', '<feed><entry></feed>'))).toMatch(/bad\.xml: malformed XML \(not well-formed XML/);
  });

  it('a directory or an empty file', async () => {
    expect(await failure(dir)).toMatch(/is a directory, not a file/);
    expect(await failure(await write('blank.json', '  \n'))).toMatch(/blank\.json: the file is empty/);
  });
});
