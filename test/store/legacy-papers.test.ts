// Papers an older paperbot kept in the state store move into the corpus once, at first start.
import { describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyvStore, storeKeys } from '../../src/store/index.js';
import { moveLegacyPapers } from '../../src/store/legacy-papers.js';
import { readConfig } from '../../src/config.js';
import { createApp } from '../../src/main.js';
import { ManualClock } from '../../src/clock.js';
import { silentLogger } from '../../src/logger.js';
import { makePaper } from './helpers.js';
import { tempCorpus } from '../support/corpus.js';

const clock = new ManualClock('2026-06-15T07:00:00Z');

/** Writes papers the way the retired paper repository did: `paper:<id>` plus monthly catalog chunks. */
async function writeLegacyPapers(kv: KeyvStore): Promise<void> {
  await kv.set(storeKeys.paper('2605.00001'), makePaper('2605.00001', { listedOn: '2026-05-04', title: 'Old May paper' }));
  await kv.set(storeKeys.paper('2606.00002'), makePaper('2606.00002', { listedOn: '2026-06-12', title: 'Old June paper' }));
  await kv.set(storeKeys.papersCatalogChunk('2026-05'), { '2605.00001': '2026-05-04' });
  // A catalog entry whose record is gone is skipped, not an error.
  await kv.set(storeKeys.papersCatalogChunk('2026-06'), { '2606.00002': '2026-06-12', '2606.00404': '2026-06-12' });
  await kv.set(storeKeys.papersCatalog(), ['2026-05', '2026-06']);
}

describe('moving old papers into the corpus', () => {
  it('moves every catalogued paper once and marks it done (idempotent, merged)', async () => {
    const kv = KeyvStore.memory();
    await writeLegacyPapers(kv);
    const corpus = await tempCorpus([makePaper('2606.00002', { listedOn: '2026-06-12', title: 'Old June paper', signals: { upvotes: 9 } })]);
    expect(await moveLegacyPapers(kv, corpus, clock)).toBe(2);
    expect(await corpus.count()).toBe(2);
    expect((await corpus.getPaper('2605.00001'))?.title).toBe('Old May paper');
    // Merged with what the corpus already had, not replaced.
    expect((await corpus.getPaper('2606.00002'))?.signals.upvotes).toBe(9);
    expect(await kv.get(storeKeys.legacyPapersMoved())).toMatchObject({ papers: 2 });

    await kv.set(storeKeys.paper('2606.00003'), makePaper('2606.00003'));
    expect(await moveLegacyPapers(kv, corpus, clock)).toBe(0);
    expect(await corpus.count()).toBe(2);
  });

  it('happens at the first start of an app over an old SQLite store: search finds the old papers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'paperbot-legacy-'));
    const storeUrl = `sqlite://${join(dir, 'paperbot.sqlite')}`;
    const old = await KeyvStore.open(storeUrl, silentLogger);
    await writeLegacyPapers(old);
    await old.close();

    const app = await createApp(readConfig({ PAPERBOT_STORE_URL: storeUrl }), { logger: silentLogger, clock });
    try {
      expect(app.corpus.location).toContain(join(dir, 'papers.sqlite'));
      expect((await app.corpus.search('Old May paper')).map((h) => h.id)).toContain('2605.00001');
    } finally {
      await app.close();
    }
  });
});
