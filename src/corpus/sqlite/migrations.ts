// Versioned schema of the SQLite corpus. Each step runs once, in order, inside a transaction;
// `PRAGMA user_version` records how far a file has come, so opening is idempotent.

/** One schema step. Never edit a released step: add a new one. */
export interface Migration {
  version: number;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE papers (
        n INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        listed_on TEXT,
        title TEXT NOT NULL,
        authors TEXT NOT NULL,
        abstract TEXT NOT NULL,
        data TEXT NOT NULL,
        changed_at TEXT NOT NULL
      );
      CREATE INDEX papers_by_listed_on ON papers (listed_on);
      CREATE INDEX papers_by_lower_id ON papers (lower(id));
      CREATE VIRTUAL TABLE papers_fts USING fts5(
        title, authors, abstract,
        content='papers', content_rowid='n',
        tokenize='porter unicode61 remove_diacritics 2', prefix='3'
      );
      CREATE TRIGGER papers_ai AFTER INSERT ON papers BEGIN
        INSERT INTO papers_fts (rowid, title, authors, abstract) VALUES (new.n, new.title, new.authors, new.abstract);
      END;
      CREATE TRIGGER papers_ad AFTER DELETE ON papers BEGIN
        INSERT INTO papers_fts (papers_fts, rowid, title, authors, abstract) VALUES ('delete', old.n, old.title, old.authors, old.abstract);
      END;
      CREATE TRIGGER papers_au AFTER UPDATE OF title, authors, abstract ON papers BEGIN
        INSERT INTO papers_fts (papers_fts, rowid, title, authors, abstract) VALUES ('delete', old.n, old.title, old.authors, old.abstract);
        INSERT INTO papers_fts (rowid, title, authors, abstract) VALUES (new.n, new.title, new.authors, new.abstract);
      END;

      CREATE TABLE full_texts (
        paper_id TEXT PRIMARY KEY,
        version INTEGER,
        origin TEXT NOT NULL,
        note TEXT,
        sections TEXT NOT NULL,
        fetched_at TEXT NOT NULL
      );
      CREATE TABLE chunks (
        n INTEGER PRIMARY KEY,
        paper_id TEXT NOT NULL,
        chunk INTEGER NOT NULL,
        section INTEGER NOT NULL,
        headings TEXT NOT NULL,
        anchor TEXT,
        pid TEXT NOT NULL,
        body TEXT NOT NULL,
        UNIQUE (paper_id, chunk)
      );
      CREATE VIRTUAL TABLE chunks_fts USING fts5(
        pid, headings, body,
        content='chunks', content_rowid='n',
        tokenize='porter unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER chunks_ai AFTER INSERT ON chunks BEGIN
        INSERT INTO chunks_fts (rowid, pid, headings, body) VALUES (new.n, new.pid, new.headings, new.body);
      END;
      CREATE TRIGGER chunks_ad AFTER DELETE ON chunks BEGIN
        INSERT INTO chunks_fts (chunks_fts, rowid, pid, headings, body) VALUES ('delete', old.n, old.pid, old.headings, old.body);
      END;
    `,
  },
];
