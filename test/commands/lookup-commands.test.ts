import { describe, expect, it } from 'vitest';
import type { Outbound } from '../../src/types.js';
import { LORA, MEMORY, REMOTE, VIDEO } from '../bot/sample-papers.js';
import { makeBot, textOf } from '../bot/harness.js';

function papersOf(out: Outbound) {
  if (out.kind !== 'papers') throw new Error(`expected papers, got ${JSON.stringify(out)}`);
  return out;
}

describe('/papers paper', () => {
  it('shows a stored paper by id or URL without calling arXiv, TL;DR from HF', async () => {
    const h = await makeBot();
    for (const arg of ['2406.01234', 'https://arxiv.org/abs/2406.01234v2', '<https://arxiv.org/pdf/2406.01234.pdf|link>', 'arXiv:2406.01234']) {
      const out = papersOf(await h.chat.command(h.channel, 'paper', arg));
      expect(out.items).toHaveLength(1);
      expect(out.items[0]).toMatchObject({ paper: { id: LORA.id }, tldr: LORA.aiSummary, tldrSource: 'hf', why: '' });
    }
    expect(h.lookup.calls).toEqual([]);
  });

  it('uses the abstract lead when there is no HF summary', async () => {
    const h = await makeBot();
    const item = papersOf(await h.chat.command(h.channel, 'paper', MEMORY.id)).items[0]!;
    expect(item.tldrSource).toBe('abstract');
    expect(item.tldr.startsWith('Transformers struggle')).toBe(true);
  });

  it('looks unknown ids up on arXiv, then stores them in the corpus (searchable at once)', async () => {
    const h = await makeBot();
    const out = papersOf(await h.chat.command(h.channel, 'paper', REMOTE.id));
    expect(out.items[0]!.paper.id).toBe(REMOTE.id);
    expect(h.lookup.calls).toEqual([[REMOTE.id]]);
    expect((await h.corpus.getPaper(REMOTE.id))?.title).toBe(REMOTE.title);
    expect((await h.corpus.search(REMOTE.title)).map((hit) => hit.id)).toContain(REMOTE.id);
  });

  it('says clearly when the id is unknown, or arXiv is unreachable', async () => {
    const h = await makeBot();
    const missing = await h.chat.command(h.channel, 'paper', '2401.99999');
    expect(textOf(missing)).toMatch(/could not find a paper with id 2401\.99999 in my store or on arXiv/);
    h.lookup.fail = true;
    const down = await h.chat.command(h.channel, 'paper', '2401.88888');
    expect(textOf(down)).toMatch(/could not reach arXiv/);
    expect(textOf(down)).not.toContain('ECONNREFUSED');
  });

  it('answers malformed or missing ids with usage', async () => {
    const h = await makeBot();
    for (const arg of ['', 'not-an-id', 'https://example.com/abs/2406.01234', '9999.99999']) {
      const text = textOf(await h.chat.command(h.channel, 'paper', arg));
      expect(text).toContain('Usage: `/papers paper <arXiv id or URL>`');
    }
    expect(h.lookup.calls).toEqual([]);
  });

  it('without a lookup only the store is searched', async () => {
    const h = await makeBot({ lookup: false });
    expect(textOf(await h.chat.command(h.channel, 'paper', REMOTE.id))).toMatch(/in my store\./);
  });
});

describe('/papers search', () => {
  it('returns the top matches with a count footer', async () => {
    const h = await makeBot();
    const out = papersOf(await h.chat.command(h.channel, 'search', 'merging LoRA adapters'));
    expect(out.items[0]!.paper.id).toBe(LORA.id);
    expect(out.items.length).toBeLessThanOrEqual(5);
    expect(out.footer).toMatch(/^\d+ match(es)?, showing \d+$/);
    expect(out.title).toContain('merging LoRA adapters');
  });

  it('finds by author', async () => {
    const h = await makeBot();
    const out = papersOf(await h.chat.command(h.channel, 'search', 'Grace Hopper'));
    expect(out.items[0]!.paper.id).toBe(VIDEO.id);
  });

  it('caps at 5 results, shows the newest first on ties', async () => {
    const many = Array.from({ length: 8 }, (_, i) => ({
      ...MEMORY,
      id: `2406.1000${i}`,
      title: `Identical title ${i}`.replace(/ \d$/, ''),
      listedOn: `2026-06-0${i + 1}`,
      publishedAt: `2026-06-0${i + 1}T10:00:00Z`,
    }));
    const h = await makeBot({ papers: many });
    const out = papersOf(await h.chat.command(h.channel, 'search', 'recurrent memory'));
    expect(out.items).toHaveLength(5);
    expect(out.footer).toMatch(/^8 matches, showing 5$/);
    expect(out.items.map((i) => i.paper.id)).toEqual(['2406.10007', '2406.10006', '2406.10005', '2406.10004', '2406.10003']);
  });

  it('says so when nothing matches, and answers an empty query with usage', async () => {
    const h = await makeBot();
    expect(textOf(await h.chat.command(h.channel, 'search', 'quantum chromodynamics lattice'))).toMatch(/No stored paper matches/);
    expect(textOf(await h.chat.command(h.channel, 'search', '   '))).toContain('Usage: `/papers search <query>`');
  });

  it('asks arXiv too when the corpus has few matches, marks those results and stores them', async () => {
    const h = await makeBot();
    h.lookup.queryResults = [REMOTE];
    const out = papersOf(await h.chat.command(h.channel, 'search', 'quantum chromodynamics lattice'));
    expect(h.lookup.queries).toEqual(['quantum chromodynamics lattice']);
    expect(out.items.map((i) => i.paper.id)).toEqual([REMOTE.id]);
    expect(out.items[0]!.why).toMatch(/from arXiv/);
    expect(out.footer).toMatch(/0 matches, showing 1 · 1 from arXiv/);
    expect((await h.corpus.getPaper(REMOTE.id))?.title).toBe(REMOTE.title);
  });

  it('does not ask arXiv when the corpus has enough matches, and survives arXiv being down', async () => {
    const many = Array.from({ length: 4 }, (_, i) => ({ ...MEMORY, id: `2406.2000${i}` }));
    const h = await makeBot({ papers: many });
    h.lookup.queryResults = [REMOTE];
    const out = papersOf(await h.chat.command(h.channel, 'search', 'recurrent memory'));
    expect(h.lookup.queries).toEqual([]);
    expect(out.items.every((i) => i.why === '')).toBe(true);
    h.lookup.fail = true;
    const down = await h.chat.command(h.channel, 'search', 'quantum chromodynamics lattice');
    expect(textOf(down)).toMatch(/No stored paper matches .*arXiv could not be searched/);
  });

  it('shortens a huge query politely', async () => {
    const h = await makeBot();
    const huge = `merging lora adapters ${'filler '.repeat(2000)}`;
    const out = papersOf(await h.chat.command(h.channel, 'search', huge));
    expect(out.footer).toMatch(/shortened to its first 300 characters/);
    expect(out.title.length).toBeLessThan(120);
  });
});

describe('/papers ask', () => {
  it('answers across stored papers with [n] citations', async () => {
    const h = await makeBot();
    const out = await h.chat.command(h.channel, 'ask', 'How do recurrent memories help long context retrieval?');
    expect(out.kind).toBe('answer');
    if (out.kind !== 'answer') return;
    expect(out.extractive).toBe(true);
    expect(out.citations[0]?.paperId).toBe(MEMORY.id);
    expect(out.text).toContain('[1]');
  });

  it('refuses when nothing is retrieved and answers an empty question with usage', async () => {
    const h = await makeBot();
    const out = await h.chat.command(h.channel, 'ask', 'what about quantum chromodynamics?');
    expect(out).toMatchObject({ kind: 'answer', citations: [] });
    if (out.kind === 'answer') expect(out.text).toMatch(/found no stored papers/);
    expect(textOf(await h.chat.command(h.channel, 'ask', ''))).toContain('Usage: `/papers ask <question>`');
  });
});

describe('/papers today', () => {
  it('previews the digest ephemerally with the channel subscription, or defaults', async () => {
    const h = await makeBot();
    const out = await h.chat.command(h.channel, 'today');
    expect(out).toMatchObject({ kind: 'digest', ephemeral: true, digest: { date: '2026-06-15' } });
    expect(h.previews[0]).toMatchObject({ channel: h.channel, interests: 'language models', sources: [] });

    await h.chat.command(h.channel, 'subscribe', 'video diffusion', { id: 'boss', isAdmin: true });
    await h.chat.command(h.channel, 'today');
    expect(h.previews[1]).toMatchObject({ interests: 'video diffusion' });
  });

  it('reports a failing preview briefly', async () => {
    const h = await makeBot();
    h.deps.digests.preview = async () => {
      throw new Error('boom');
    };
    const out = await h.chat.command(h.channel, 'today');
    expect(textOf(out)).toMatch(/could not run `\/papers today`/);
  });
});
