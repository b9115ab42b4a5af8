// A second process writing to one SQLite store file, for test/store/sqlite-one-library.test.ts.
// Run with `node bin/run-ts.mjs test/store/sqlite-writer.ts <store url> <tag> <count>`: writes
// `count` keyv values `<tag>:<i>` and as many members of the ordered set `<tag>`, interleaved.
import { KeyvStore } from '../../src/store/index.js';

const [url, tag, count] = process.argv.slice(2);
if (!url || !tag || !count) throw new Error('usage: sqlite-writer.ts <store url> <tag> <count>');
const store = await KeyvStore.open(url);
for (let i = 0; i < Number(count); i++) {
  await store.set(`${tag}:${i}`, { i, tag });
  await store.records.zAdd(tag, [{ member: String(i), score: i }]);
}
await store.close();
