// The SQL the Postgres corpus runs. Kept together so EXPLAIN-ing a slow one starts here.

/** Advisory lock key held while merging papers, so two writers never merge against a stale row. */
export const UPSERT_LOCK = 0x5042_7570;

/** The paper tsquery: `$1` is built by the corpus from queryWords (letters and digits only, quoted). */
const PAPER_TSQUERY = `to_tsquery('english', $1)`;

/** How many matching papers, newest first, are ranked when a query matches more (as in the SQLite corpus). */
export const RANK_WINDOW = 300;

/**
 * Ranked paper search for the tsquery text `$1` (`'a' & 'b'`, `'a' & 'b':*` or `'a' | 'b'`),
 * `$2` ids (or null for all), `$3` since day (or null), `$4` limit.
 * Ranks with ts_rank_cd over the A/B/C weights (title 1.0, authors 0.4, abstract 0.2); ties go to
 * the newer announcement. `terms` are the query lexemes each hit contains.
 *
 * Why it is shaped like this (EXPLAIN at 100k papers):
 * - ts_rank_cd reads each candidate's tsvector, a few µs per row: a word in most papers
 *   ("model") cost hundreds of ms. So only the newest RANK_WINDOW matches are ranked (all
 *   matches among given ids, as in the SQLite corpus); the
 *   planner walks corpus_papers_newest with the @@ filter for common words and uses the GIN
 *   index for rare ones, so either way at most RANK_WINDOW rows are ranked.
 * - Candidates are picked by (day, id) alone and only they are ranked, after the cut.
 * - The tsquery is spelled out rather than computed once in a CTE: with parameters it folds to
 *   a constant the planner can estimate (tsvector statistics) and match to the GIN index.
 */
export const SEARCH_PAPERS = `
WITH candidates AS (
  SELECT p.id, p.listed_on
  FROM corpus_papers p
  WHERE p.search @@ ${PAPER_TSQUERY}
    AND ($2::text[] IS NULL OR p.id = ANY($2::text[]))
    AND ($3::date IS NULL OR p.listed_on >= $3::date)
  ORDER BY p.listed_on DESC NULLS LAST, p.id DESC
  LIMIT CASE WHEN $2::text[] IS NULL THEN ${RANK_WINDOW} END
),
hits AS (
  SELECT c.id, c.listed_on, p.search, ts_rank_cd(p.search, ${PAPER_TSQUERY}) AS score
  FROM candidates c JOIN corpus_papers p ON p.id = c.id
  ORDER BY score DESC, c.listed_on DESC NULLS LAST, c.id DESC
  LIMIT $4
),
lexemes AS (
  SELECT replace(m[1], '''''', '''') AS lexeme, coalesce(m[2], '') AS suffix
  FROM regexp_matches(${PAPER_TSQUERY}::text, '''((?:[^'']|'''')+)''(:\\*)?', 'g') AS m
)
SELECT h.id, h.score,
       ARRAY(SELECT DISTINCT l.lexeme FROM lexemes l WHERE h.search @@ (quote_literal(l.lexeme) || l.suffix)::tsquery) AS terms
FROM hits h
ORDER BY h.score DESC, h.listed_on DESC NULLS LAST, h.id DESC`;

/** Multi-row merge-write of papers whose merged JSON was computed by the caller. */
export const UPSERT_PAPERS = `
INSERT INTO corpus_papers (id, listed_on, title, authors, abstract, paper)
SELECT r.id, r.listed_on, r.title, r.authors, r.abstract, r.paper::jsonb
FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::text[], $6::text[])
     AS r(id, listed_on, title, authors, abstract, paper)
ON CONFLICT (id) DO UPDATE SET
  listed_on = EXCLUDED.listed_on, title = EXCLUDED.title, authors = EXCLUDED.authors,
  abstract = EXCLUDED.abstract, paper = EXCLUDED.paper, written_at = now()`;

/** Moves queued GIN entries of the paper search index into the index proper. */
export const MERGE_PENDING_SEARCH_ENTRIES = `SELECT gin_clean_pending_list('corpus_papers_search'::regclass)`;

/** `$1` since, `$2` until (or null), `$3` limit. */
export const PAPERS_LISTED_BETWEEN = `
SELECT paper FROM corpus_papers
WHERE listed_on >= $1::date AND ($2::date IS NULL OR listed_on <= $2::date)
ORDER BY listed_on DESC, id DESC
LIMIT $3`;

/** `$1` LIKE pattern on lower(id), `$2` limit. */
export const IDS_WITH_PREFIX = `
SELECT id FROM corpus_papers WHERE lower(id) LIKE $1
ORDER BY listed_on DESC NULLS LAST, id DESC
LIMIT $2`;

/**
 * How many papers contain each of `count` phrases (`$1`…), counting at most `$count+1` per phrase:
 * a word in a fifth of the corpus is "common" whatever the exact figure, and counting all of
 * a word in most papers costs a scan. One branch per word so each tsquery folds to a constant.
 */
export function documentFrequencySql(count: number): string {
  const cap = `$${count + 1}`;
  return Array.from(
    { length: count },
    (_, i) => `SELECT ${i} AS i, (SELECT count(*) FROM (SELECT 1 FROM corpus_papers WHERE search @@ phraseto_tsquery('english', $${i + 1}) LIMIT ${cap}) s)::int AS df`,
  ).join('\nUNION ALL\n');
}

export const UPSERT_FULL_TEXT = `
INSERT INTO corpus_full_texts (paper_id, version, origin, note, fetched_at, sections)
VALUES ($1, $2, $3, $4, $5, $6::jsonb)
ON CONFLICT (paper_id) DO UPDATE SET
  version = EXCLUDED.version, origin = EXCLUDED.origin, note = EXCLUDED.note,
  fetched_at = EXCLUDED.fetched_at, sections = EXCLUDED.sections`;

export const INSERT_CHUNKS = `
INSERT INTO corpus_chunks (paper_id, chunk, section, headings, anchor, text, heading_text)
SELECT $1, r.chunk, r.section, r.headings::jsonb, r.anchor, r.text, r.heading_text
FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[])
     AS r(chunk, section, headings, anchor, text, heading_text)`;

/**
 * Chunk search among `$1` papers for `$2`, a `'a' | 'b'` tsquery of the question's words: any
 * word may match (a question rarely has all its words in one passage); ts_rank_cd rewards
 * passages holding more of them close together, headings (weight B) above body text (D).
 */
export const SEARCH_CHUNKS = `
SELECT c.paper_id, c.chunk, c.section, c.headings, c.anchor, c.text, ts_rank_cd(c.search, to_tsquery('english', $2)) AS score
FROM corpus_chunks c
WHERE c.paper_id = ANY($1::text[]) AND c.search @@ to_tsquery('english', $2)
ORDER BY score DESC, c.paper_id, c.chunk
LIMIT $3`;
