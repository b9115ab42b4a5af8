// The Postgres corpus schema, as numbered migrations. Append new ones; never edit an applied one.
// Every tsvector and tsquery uses the 'english' configuration, so "models" meets "model".

/** One schema step, applied once per database (and schema) in version order. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'papers, full texts and chunks with weighted tsvectors',
    sql: `
      CREATE TABLE corpus_papers (
        id           text PRIMARY KEY,
        -- The announcement day (listedOn, else the published date): "new on day D" is a range on it.
        listed_on    date,
        title        text NOT NULL DEFAULT '',
        authors      text NOT NULL DEFAULT '',
        abstract     text NOT NULL DEFAULT '',
        paper        jsonb NOT NULL,
        written_at   timestamptz NOT NULL DEFAULT now(),
        search       tsvector GENERATED ALWAYS AS (
                       setweight(to_tsvector('english', title), 'A') ||
                       setweight(to_tsvector('english', authors), 'B') ||
                       setweight(to_tsvector('english', abstract), 'C')) STORED
      );
      -- Ranking reads every candidate's tsvector: keep it in the row and move the wide columns
      -- search never reads (the JSON, the abstract) out of line first. A toasted tsvector made
      -- ts_rank_cd several times slower (EXPLAIN: one TOAST fetch per hit).
      ALTER TABLE corpus_papers ALTER COLUMN search SET STORAGE MAIN;
      -- With the default 100 most common lexemes the planner guessed a prefix like 'attent':* at
      -- a fifth of its real count and ranked all 18,000 matches instead of walking the newest.
      ALTER TABLE corpus_papers ALTER COLUMN search SET STATISTICS 1000;
      ALTER TABLE corpus_papers ALTER COLUMN paper SET STORAGE EXTERNAL;
      ALTER TABLE corpus_papers ALTER COLUMN abstract SET STORAGE EXTERNAL;
      -- A 1,000-paper ingest adds ~4 MB of GIN entries: with the default 4 MB pending list every
      -- ingest paid the list's merge inline (~1.5 s). The corpus merges it right after each write.
      CREATE INDEX corpus_papers_search ON corpus_papers USING gin (search) WITH (gin_pending_list_limit = 16384);
      CREATE INDEX corpus_papers_newest ON corpus_papers (listed_on DESC NULLS LAST, id DESC);
      CREATE INDEX corpus_papers_lower_id ON corpus_papers (lower(id) text_pattern_ops);

      CREATE TABLE corpus_full_texts (
        paper_id     text PRIMARY KEY,
        version      integer,
        origin       text NOT NULL,
        note         text,
        fetched_at   text NOT NULL,
        sections     jsonb NOT NULL
      );

      CREATE TABLE corpus_chunks (
        paper_id     text NOT NULL REFERENCES corpus_full_texts (paper_id) ON DELETE CASCADE,
        chunk        integer NOT NULL,
        section      integer NOT NULL,
        headings     jsonb NOT NULL,
        anchor       text,
        text         text NOT NULL,
        heading_text text NOT NULL DEFAULT '',
        search       tsvector GENERATED ALWAYS AS (
                       setweight(to_tsvector('english', heading_text), 'B') ||
                       setweight(to_tsvector('english', text), 'D')) STORED,
        PRIMARY KEY (paper_id, chunk)
      );
      CREATE INDEX corpus_chunks_search ON corpus_chunks USING gin (search);
    `,
  },
  {
    version: 2,
    name: 'default statistics target for the paper tsvector',
    // Version 1's target of 1,000 was for prefix queries of common stems, which search no longer
    // runs (a last word is a prefix only when no paper has it whole). Its 10,000 tracked lexemes
    // cost ~0.5 ms of planning on every search statement; 100 (1,000 lexemes) plans in ~0.07 ms
    // and picks the same plans. ANALYZE so the smaller statistics apply at once.
    sql: `
      ALTER TABLE corpus_papers ALTER COLUMN search SET STATISTICS 100;
      ANALYZE corpus_papers;
    `,
  },
];
