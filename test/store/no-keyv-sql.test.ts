// Guards issue 10's rule: no SQL or Lua of ours reads or writes keyv's own tables or relies on
// keyv's value encoding; keyv values go through keyv's public API only.
// One file is exempt by name: keyv-sqlite-adapter.ts IS keyv's storage for SQLite (it replaces
// @keyv/sqlite, which linked a second copy of SQLite into the process and so could corrupt the
// store file), so its SQL on the keyv table is keyv's own, not ours.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const storeDir = join(__dirname, '..', '..', 'src', 'store');
const KEYV_ADAPTER = 'keyv-sqlite-adapter.ts';
const sources = readdirSync(storeDir)
  .filter((f) => f.endsWith('.ts') && f !== KEYV_ADAPTER)
  .map((f) => ({ file: f, text: readFileSync(join(storeDir, f), 'utf8') }));

/** Every string or template literal of a source file (good enough for our own code). */
function literals(text: string): string[] {
  return [...text.matchAll(/`(?:[^`\\]|\\.)*`|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g)].map((m) => m[0]);
}

const SQL_OR_LUA = /\b(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|PRAGMA|redis\.call)\b/i;

describe('src/store and keyv internals', () => {
  it('finds the SQL it is meant to check (the guard itself works)', () => {
    const statements = sources.flatMap((s) => literals(s.text).filter((l) => SQL_OR_LUA.test(l)));
    expect(statements.some((l) => l.includes('paperbot_claim'))).toBe(true);
    expect(literals("const q = `DELETE FROM keyv WHERE key = ?`;").filter((l) => /\bkeyv\b/i.test(l))).toHaveLength(1);
  });

  it('exempts only the keyv adapter, which exists and is the only file writing the keyv table', () => {
    expect(readdirSync(storeDir)).toContain(KEYV_ADAPTER);
    expect(sources.map((s) => s.file)).not.toContain(KEYV_ADAPTER);
    expect(sources.map((s) => s.file)).toContain('records-sqlite.ts');
  });

  it("no SQL or Lua statement names keyv's table or parses keyv's value envelope", () => {
    const offending = sources.flatMap(({ file, text }) =>
      literals(text)
        .filter((l) => SQL_OR_LUA.test(l))
        .filter((l) => /\bkeyv\b|\$\{table\}|json_extract|'expires'|"expires"|::json/i.test(l))
        .map((l) => `${file}: ${l.slice(0, 120)}`),
    );
    expect(offending).toEqual([]);
  });

  it("nothing reads the adapters' table names or writes keyv's keys by hand", () => {
    const offending = sources
      .filter(({ text }) => /opts\.table|createKeyPrefix|EXPIRES_PREFIX|insertIfAbsent/.test(text))
      .map(({ file }) => file);
    expect(offending).toEqual([]);
  });
});
