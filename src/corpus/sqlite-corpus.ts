// The embedded corpus: one SQLite file in WAL mode (the CLI and serve on one host share it live),
// FTS5 with bm25 column weights for papers and for full-text chunks. better-sqlite3 is
// synchronous; each call is short and bounded by a LIMIT, so the async port just wraps it.
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ChunkHit, FullText, PaperCorpus, SearchHit } from '../ports.js';
import type { Paper } from '../types.js';
import { canonicalPaper, catalogDate, mergePaper } from './merge.js';
import { chunkSections } from './chunk.js';
import { queryWords } from './fts-words.js';
import { HitList, MIN_PREFIX, searchLimit } from './search-hits.js';
import { words as wordsOf } from '../text/analyze.js';
import { allWords, anyWord, paperToken } from './sqlite/fts-query.js';
import { MIGRATIONS } from './sqlite/migrations.js';
import { sqliteFailure } from './sqlite/sqlite-failure.js';
import { CorpusError } from './corpus-error.js';

/** Column weights of bm25(): a title word says most, then an author name, then the abstract. */
const WEIGHTS = { title: 8, authors: 3, abstract: 1 };
/** Default cap of papersListedBetween: a week of every configured source, with room. */
const DEFAULT_LISTED_LIMIT = 5_000;
/** Ids per IN-list read. */
const ID_BATCH = 500;
/** A word found in more papers than this share counts as this common (cheap upper bound). */
const DF_CAP_SHARE = 0.2;
/** Matches a query's ranking scores at most: the newest this many (see searchMatch). */
const RANK_WINDOW = 300;

type Row = { data: string };

/** A PaperCorpus over one SQLite file (or `:memory:`). Open it with `openSqliteCorpus`. */
export class SqliteCorpus implements PaperCorpus {
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    readonly location: string,
  ) {}

  /**
   * Opens (creating if needed) the corpus at `path` and brings its schema up to date. Rejects
   * with CorpusError naming the file and the fix when it is corrupt, locked or unreadable.
   */
  static open(path: string): SqliteCorpus {
    let db: Database.Database | undefined;
    try {
      if (path !== ':memory:') {
        if (path.startsWith('/proc/') || path.startsWith('/sys/') || path.startsWith('/dev/')) {
          throw new CorpusError(`corpus file ${path} is not a regular file: point PAPERBOT_CORPUS_URL at a file such as sqlite://./data/papers.sqlite`);
        }
        mkdirSync(dirname(path), { recursive: true });
      }
      db = new Database(path, { timeout: 5_000 });
      if (path !== ':memory:') db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      migrate(db);
      return new SqliteCorpus(db, path);
    } catch (err) {
      db?.close();
      throw sqliteFailure(path, err);
    }
  }

  private run<T>(work: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new CorpusError(`corpus ${this.location} is closed`));
    try {
      return Promise.resolve(work());
    } catch (err) {
      return Promise.reject(sqliteFailure(this.location, err));
    }
  }

  upsertPapers(papers: Paper[]): Promise<{ added: number; updated: number; changedIds: string[] }> {
    return this.run(() => {
      const find = this.db.prepare<[string], Row>('SELECT data FROM papers WHERE id = ?');
      const insert = this.db.prepare(
        'INSERT INTO papers (id, listed_on, title, authors, abstract, data, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      const updateText = this.db.prepare(
        'UPDATE papers SET listed_on = ?, title = ?, authors = ?, abstract = ?, data = ?, changed_at = ? WHERE id = ?',
      );
      const updateData = this.db.prepare('UPDATE papers SET listed_on = ?, data = ?, changed_at = ? WHERE id = ?');
      let added = 0;
      let updated = 0;
      const changed = new Set<string>();
      const now = new Date().toISOString();
      this.db.transaction(() => {
        for (const incoming of papers) {
          if (!incoming?.id) continue;
          const row = find.get(incoming.id);
          if (!row) {
            const p = canonicalPaper(incoming);
            insert.run(p.id, catalogDate(p) ?? null, p.title, p.authors.join(', '), p.abstract, JSON.stringify(p), now);
            added++;
            changed.add(p.id);
            continue;
          }
          const before = JSON.parse(row.data) as Paper;
          const after = mergePaper(before, incoming);
          const json = JSON.stringify(after);
          if (json === row.data) continue;
          const textChanged =
            after.title !== before.title || after.abstract !== before.abstract || after.authors.join(', ') !== before.authors.join(', ');
          if (textChanged) {
            updateText.run(catalogDate(after) ?? null, after.title, after.authors.join(', '), after.abstract, json, now, after.id);
          } else {
            updateData.run(catalogDate(after) ?? null, json, now, after.id);
          }
          if (!changed.has(after.id)) updated++;
          changed.add(after.id);
        }
      }).immediate();
      return { added, updated, changedIds: [...changed] };
    });
  }

  getPaper(id: string): Promise<Paper | undefined> {
    return this.run(() => {
      const row = this.db.prepare<[string], Row>('SELECT data FROM papers WHERE id = ?').get(id);
      return row ? (JSON.parse(row.data) as Paper) : undefined;
    });
  }

  getPapers(ids: string[]): Promise<Paper[]> {
    return this.run(() => {
      const found = new Map<string, Paper>();
      const read = this.db.prepare<[string], Row & { id: string }>(
        'SELECT id, data FROM papers WHERE id IN (SELECT value FROM json_each(?))',
      );
      const unique = [...new Set(ids)];
      for (let i = 0; i < unique.length; i += ID_BATCH) {
        for (const row of read.all(JSON.stringify(unique.slice(i, i + ID_BATCH)))) found.set(row.id, JSON.parse(row.data) as Paper);
      }
      return ids.flatMap((id) => {
        const p = found.get(id);
        return p ? [p] : [];
      });
    });
  }

  papersListedBetween(since: string, until?: string, limit: number = DEFAULT_LISTED_LIMIT): Promise<Paper[]> {
    return this.run(() =>
      this.db
        .prepare<[string, string, number], Row>(
          'SELECT data FROM papers WHERE listed_on >= ? AND listed_on <= ? ORDER BY listed_on DESC, id DESC LIMIT ?',
        )
        .all(since, until ?? '9999-12-31', limit)
        .map((r) => JSON.parse(r.data) as Paper),
    );
  }

  search(query: string, options: { limit?: number; ids?: string[]; since?: string } = {}): Promise<SearchHit[]> {
    return this.run(() => {
      const words = queryWords(query);
      const limit = searchLimit(options.limit);
      if (words.length === 0 || options.ids?.length === 0) return [];
      const list = new HitList(limit);
      // How many papers each word has, counted only up to RANK_WINDOW (cheap): a query whose
      // rarest word is below it can be ranked in full; otherwise only the newest matches are.
      const counted = this.db.prepare<[string, number], { n: number }>(
        'SELECT count(*) AS n FROM (SELECT 1 FROM papers_fts WHERE papers_fts MATCH ? LIMIT ?)',
      );
      const df = words.map((w) => counted.get(anyWord([w]), RANK_WINDOW)?.n ?? 0);
      const rare = words.filter((_, i) => df[i]! < RANK_WINDOW);
      // Whole words first; the last word as a prefix only when no paper has it as a word (someone
      // is still typing it): the porter stemmer turns "generation*" into "gener*", which is broad
      // and slow, while a whole word already matches its other forms ("merg" finds "merging").
      if (Math.min(...df) > 0) list.add(this.searchMatch(allWords(words, false), words, limit, options, rare.length === 0));
      if (!list.full && df.at(-1) === 0 && words.at(-1)!.length >= MIN_PREFIX) {
        list.add(this.searchMatch(allWords(words, true), words, limit + list.hits.length, options, true));
      }
      // Papers with only some of the words: the rare ones only, since a paper that merely has
      // "model" is no match for "model distillation".
      if (!list.full && words.length > 1 && rare.length > 0) {
        list.add(this.searchMatch(anyWord(rare), undefined, limit + list.hits.length, options, false));
      }
      return list.hits;
    });
  }

  private searchMatch(
    match: string,
    allMatched: string[] | undefined,
    limit: number,
    options: { ids?: string[]; since?: string },
    broad: boolean,
  ): SearchHit[] {
    const params: unknown[] = [match];
    let window = '';
    if (options.ids) {
      window = 'AND rowid IN (SELECT n FROM papers WHERE id IN (SELECT value FROM json_each(?)))';
      params.push(JSON.stringify(options.ids));
    } else if (broad) {
      // Scoring every match of a word half the corpus has costs tens of ms; such a query is not
      // selective, so it ranks the newest RANK_WINDOW matches (FTS5 walks rowids newest first cheaply).
      const floor = this.db
        .prepare<[string, number], { rowid: number }>(
          'SELECT rowid FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?',
        )
        .get(match, RANK_WINDOW - 1);
      if (floor) {
        window = 'AND rowid >= ?';
        params.push(floor.rowid);
      }
    }
    // With a date filter, rank a wider set and filter after: the filter lives in the papers table.
    params.push(options.since ? limit * 20 : limit);
    const ranked = this.db
      .prepare<unknown[], { rowid: number; score: number }>(
        `SELECT rowid, bm25(papers_fts, ${WEIGHTS.title}, ${WEIGHTS.authors}, ${WEIGHTS.abstract}) AS score
           FROM papers_fts WHERE papers_fts MATCH ? ${window}
          ORDER BY score, rowid DESC LIMIT ?`,
      )
      .all(...params);
    if (ranked.length === 0) return [];
    const rows = this.db
      .prepare<[string], { n: number; id: string; listed_on: string | null; title: string; authors: string; abstract: string }>(
        'SELECT n, id, listed_on, title, authors, abstract FROM papers WHERE n IN (SELECT value FROM json_each(?))',
      )
      .all(JSON.stringify(ranked.map((r) => r.rowid)));
    const byRow = new Map(rows.map((r) => [r.n, r]));
    return ranked
      .flatMap((r) => {
        const row = byRow.get(r.rowid);
        if (!row || (options.since && (row.listed_on ?? '') < options.since)) return [];
        const text = `${row.title} ${row.authors} ${row.abstract}`.toLowerCase();
        return [{ id: row.id, score: -r.score, listedOn: row.listed_on ?? '', terms: allMatched ?? queryWordsIn(text, match) }];
      })
      .sort((a, b) => b.score - a.score || b.listedOn.localeCompare(a.listedOn) || b.id.localeCompare(a.id))
      .slice(0, limit)
      .map(({ id, score, terms }) => ({ id, score, terms }));
  }

  idsWithPrefix(prefix: string, limit: number): Promise<string[]> {
    return this.run(() => {
      const low = prefix.trim().toLowerCase();
      return this.db
        .prepare<[string, string, number], { id: string }>(
          'SELECT id FROM papers WHERE lower(id) >= ? AND lower(id) < ? ORDER BY listed_on DESC, id DESC LIMIT ?',
        )
        .all(low, `${low}\u{10ffff}`, limit)
        .map((r) => r.id);
    });
  }

  count(): Promise<number> {
    return this.run(() => this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM papers').get()?.n ?? 0);
  }

  documentFrequencies(words: string[]): Promise<{ papers: number; df: Map<string, number> }> {
    return this.run(() => {
      const papers = this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM papers').get()?.n ?? 0;
      const cap = Math.max(1_000, Math.ceil(papers * DF_CAP_SHARE));
      const count = this.db.prepare<[string, number], { n: number }>(
        'SELECT count(*) AS n FROM (SELECT 1 FROM papers_fts WHERE papers_fts MATCH ? LIMIT ?)',
      );
      const df = new Map<string, number>();
      for (const word of new Set(words)) {
        const tokens = wordsOf(word, { keepAccents: true });
        if (tokens.length === 0) continue;
        df.set(word, count.get(`"${tokens.join(' ')}"`, cap)?.n ?? 0);
      }
      return { papers, df };
    });
  }

  getFullText(paperId: string): Promise<FullText | undefined> {
    return this.run(() => {
      const row = this.db
        .prepare<[string], { version: number | null; origin: FullText['origin']; note: string | null; sections: string; fetched_at: string }>(
          'SELECT version, origin, note, sections, fetched_at FROM full_texts WHERE paper_id = ?',
        )
        .get(paperId);
      if (!row) return undefined;
      return {
        paperId,
        ...(row.version !== null ? { version: row.version } : {}),
        origin: row.origin,
        ...(row.note !== null ? { note: row.note } : {}),
        sections: JSON.parse(row.sections) as FullText['sections'],
        fetchedAt: row.fetched_at,
      };
    });
  }

  saveFullText(text: FullText): Promise<void> {
    return this.run(() => {
      const chunks = chunkSections(text.sections);
      const pid = paperToken(text.paperId);
      this.db.transaction(() => {
        this.db.prepare('DELETE FROM chunks WHERE paper_id = ?').run(text.paperId);
        this.db
          .prepare(
            `INSERT INTO full_texts (paper_id, version, origin, note, sections, fetched_at) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (paper_id) DO UPDATE SET version = excluded.version, origin = excluded.origin,
               note = excluded.note, sections = excluded.sections, fetched_at = excluded.fetched_at`,
          )
          .run(text.paperId, text.version ?? null, text.origin, text.note ?? null, JSON.stringify(text.sections), text.fetchedAt);
        const insert = this.db.prepare(
          'INSERT INTO chunks (paper_id, chunk, section, headings, anchor, pid, body) VALUES (?, ?, ?, ?, ?, ?, ?)',
        );
        for (const c of chunks) insert.run(text.paperId, c.chunk, c.section, JSON.stringify(c.headings), c.anchor ?? null, pid, c.text);
      }).immediate();
    });
  }

  searchChunks(paperIds: string[], query: string, limit: number): Promise<ChunkHit[]> {
    return this.run(() => {
      const words = queryWords(query);
      if (words.length === 0 || paperIds.length === 0) return [];
      const pids = [...new Set(paperIds.map(paperToken))].map((t) => `"${t}"`).join(' OR ');
      const match = `pid : (${pids}) AND (${anyWord(words)})`;
      return this.db
        .prepare<[string, string, number], { paper_id: string; chunk: number; section: number; headings: string; anchor: string | null; body: string; score: number }>(
          `SELECT c.paper_id, c.chunk, c.section, c.headings, c.anchor, c.body, bm25(chunks_fts, 0, 2, 1) AS score
             FROM chunks_fts JOIN chunks c ON c.n = chunks_fts.rowid
            WHERE chunks_fts MATCH ? AND c.paper_id IN (SELECT value FROM json_each(?))
            ORDER BY score, c.paper_id, c.chunk
            LIMIT ?`,
        )
        .all(match, JSON.stringify(paperIds), Math.max(1, limit))
        .map((r) => ({
          paperId: r.paper_id,
          section: r.section,
          chunk: r.chunk,
          headings: JSON.parse(r.headings) as string[],
          ...(r.anchor !== null ? { anchor: r.anchor } : {}),
          text: r.body,
          score: -r.score,
        }));
    });
  }

  ping(): Promise<void> {
    return this.run(() => {
      if (this.location !== ':memory:') {
        if (!existsSync(this.location)) throw new CorpusError(`corpus file ${this.location} was deleted while in use: restart paperbot to create it again`);
        accessSync(this.location, constants.R_OK | constants.W_OK);
      }
      this.db.prepare('SELECT 1 FROM papers LIMIT 1').get();
    });
  }

  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.db.close();
    }
    return Promise.resolve();
  }
}

/** Which query words occur in `text` (lowercase), for OR matches where not every word did. */
function queryWordsIn(text: string, match: string): string[] {
  const words = [...match.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"'));
  return words.filter((w) => text.includes(w));
}

/** Applies every migration newer than the file's user_version, in one immediate transaction. */
function migrate(db: Database.Database): void {
  const latest = MIGRATIONS[MIGRATIONS.length - 1]!.version;
  if ((db.pragma('user_version', { simple: true }) as number) >= latest) return;
  db.transaction(() => {
    // Re-read inside the write lock: another process may have migrated meanwhile.
    const current = db.pragma('user_version', { simple: true }) as number;
    for (const step of MIGRATIONS) {
      if (step.version <= current) continue;
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    }
  }).immediate();
}
