import { describe, expect, it } from 'vitest';
import * as keys from '../../src/store-keys.js';

describe('store keys', () => {
  it('namespaces every record kind', () => {
    expect(keys.paper('2606.00467')).toBe('paper:2606.00467');
    expect(keys.paper('astro-ph/0601001')).toBe('paper:astro-ph/0601001');
    expect(keys.papersCatalog()).toBe('papers:catalog');
    expect(keys.papersCatalogChunk('2026-06')).toBe('papers:catalog:2026-06');
    expect(keys.subscription('slack:C123')).toBe('sub:slack:C123');
    expect(keys.subscribedChannels()).toBe('subs:channels');
    expect(keys.seen('discord:42')).toBe('seen:discord:42');
    expect(keys.feedback('discord:42')).toBe('feedback:discord:42');
    expect(keys.post('slack:C1:1718000000.000100')).toBe('post:slack:C1:1718000000.000100');
    expect(keys.turns('discord:1:2')).toBe('turns:discord:1:2');
    expect(keys.digestRun('slack:C1', '2026-06-12')).toBe('digest-run:slack:C1:2026-06-12');
    expect(keys.digestLast('slack:C1')).toBe('digest-last:slack:C1');
    expect(keys.digestLock('slack:C1', '2026-06-12')).toBe('lock:digest:slack:C1:2026-06-12');
    expect(keys.tokens('2026-06-12')).toBe('tokens:2026-06-12');
    expect(keys.eventSeen('slack', 'Ev123')).toBe('event:slack:Ev123');
    expect(keys.legacyPapersMoved()).toBe('papers:moved-to-corpus');
    expect(keys.sourceStatus('arxiv:cs.LG')).toBe('source:arxiv:cs.LG');
  });

  it('builds cache keys whose parts cannot run into each other', () => {
    expect(keys.summary('2606.00467', '3', 'gpt-4o-mini')).toBe('cache:summary:2606.00467:3:gpt-4o-mini');
    expect(keys.embedding('2606.00467', 'text-embedding-3-small')).toBe('cache:embedding:2606.00467:text-embedding-3-small');
    expect(keys.cacheKey('judge', 'a:b', 'c')).not.toBe(keys.cacheKey('judge', 'a', 'b:c'));
    expect(keys.cacheKey('judge', 'llama3:8b')).toBe('cache:judge:llama3%3A8b');
    expect(keys.cacheKey('n', 1, 2)).toBe('cache:n:1:2');
  });

  it('encodes whitespace, control and non-ASCII characters, and % itself', () => {
    expect(keys.paper('file:my paper.pdf')).toBe('paper:file:my%20paper.pdf');
    expect(keys.paper('a\nb')).toBe('paper:a%0Ab');
    expect(keys.paper('é')).toBe('paper:%C3%A9');
    expect(keys.paper('100%')).toBe('paper:100%25');
    expect(keys.paper('a b')).not.toBe(keys.paper('a%20b'));
  });

  it('caps long keys with a stable hash', () => {
    const long = 'x'.repeat(500);
    const key = keys.paper(long);
    expect(key.length).toBeLessThanOrEqual(keys.MAX_KEY_LENGTH);
    expect(key).toBe(keys.paper(long));
    expect(key).not.toBe(keys.paper(`${long}y`));
    expect(key.startsWith('paper:xxx')).toBe(true);
  });

  it('chooses TTLs for expiring records', () => {
    const day = 86_400_000;
    expect(keys.TTL.eventSeen).toBe(day);
    expect(keys.TTL.turns).toBe(30 * day);
    expect(keys.TTL.post).toBeGreaterThanOrEqual(30 * day);
  });
});
