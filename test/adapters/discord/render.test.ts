// Pure rendering: markup without link previews, splitting, and embeds within Discord's limits.
import { describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { splitMessage, toDiscordMarkdown, truncate } from '../../../adapters/discord/render/text.js';
import { embedLength, fitEmbed, packEmbeds, paperEmbed } from '../../../adapters/discord/render/embed.js';
import { renderOutbound } from '../../../adapters/discord/render/outbound.js';
import { messageBodyErrors } from '../../fakes/fake-discord.js';
import { digest, item, paper } from './helpers.js';

describe('toDiscordMarkdown', () => {
  it('wraps bare links so Discord shows no preview and keeps masked links inert, leaving code and wrapped links alone', () => {
    expect(toDiscordMarkdown('see https://a.org/x, then (https://b.org/y).')).toBe('see <https://a.org/x>, then (<https://b.org/y>).');
    expect(toDiscordMarkdown('[paper](https://arxiv.org/abs/1) and <https://c.org>')).toBe('\\[paper](<https://arxiv.org/abs/1>) and <https://c.org>');
    expect(toDiscordMarkdown('**bold** _it_ `https://code.org`')).toBe('**bold** _it_ `https://code.org`');
    expect(toDiscordMarkdown('**https://bold.org**')).toBe('**<https://bold.org>**');
  });
});

describe('splitMessage', () => {
  it('breaks on line boundaries into chunks of at most the limit', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `${i} ${'x'.repeat(70)}`);
    const chunks = splitMessage(lines.join('\n'), 500);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(500);
    expect(chunks.join('\n')).toBe(lines.join('\n'));
    expect(chunks.every((c) => !c.startsWith('\n') && /^\d+ x/.test(c))).toBe(true);
  });

  it('breaks a single over-long line at spaces, and words longer than the limit hard', () => {
    const text = `${'word '.repeat(100)}${'z'.repeat(50)}`;
    const chunks = splitMessage(text, 40);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(40);
    expect(chunks.slice(0, -2).every((c) => /^(word ?)+$/.test(c))).toBe(true);
    expect(chunks.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    expect(splitMessage('', 40)).toEqual([]);
  });
});

describe('truncate', () => {
  it('ends cut text with … and never splits a surrogate pair', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
    const cut = truncate('ab😀cd', 4);
    expect(cut.length).toBeLessThanOrEqual(4);
    expect(cut).toBe('ab…');
  });
});

describe('embeds', () => {
  it('a paper embed without optional signals has no empty fields', () => {
    const p = paper({ links: { abs: 'https://arxiv.org/abs/2406.01234' }, signals: {} });
    const e = paperEmbed(item(p, { why: '' }));
    expect(e.fields).toBeUndefined();
    expect(e.thumbnail).toBeUndefined();
    expect(e.description).not.toContain('**Why**');
    expect(messageBodyErrors({ embeds: [e] })).toEqual({});
  });

  it('links papers without links to arXiv by id', () => {
    expect(paperEmbed(item(paper({ links: {} }))).url).toBe('https://arxiv.org/abs/2406.01234');
    expect(paperEmbed(item(paper({ id: 'file:abc', links: {} }))).url).toBeUndefined();
  });

  it('fitEmbed brings any embed within every limit', () => {
    const big: APIEmbed = {
      title: 't'.repeat(1000),
      description: 'd'.repeat(9000),
      fields: Array.from({ length: 40 }, (_, i) => ({ name: `n${i}`.repeat(100), value: 'v'.repeat(2000) })),
      footer: { text: 'f'.repeat(3000) },
      author: { name: 'a'.repeat(500) },
    };
    const e = fitEmbed(big);
    expect(messageBodyErrors({ embeds: [e] })).toEqual({});
    expect(embedLength(e)).toBeLessThanOrEqual(6000);
  });

  it('packEmbeds keeps ≤10 embeds and ≤6000 characters per message', () => {
    const embeds = Array.from({ length: 23 }, (_, i) => fitEmbed({ title: `e${i}`, description: 'x'.repeat(i % 2 ? 2500 : 100) }));
    const groups = packEmbeds(embeds);
    expect(groups.flat()).toHaveLength(23);
    for (const g of groups) expect(messageBodyErrors({ embeds: g })).toEqual({});
  });
});

describe('renderOutbound', () => {
  it('never renders an empty message and keeps every message valid', () => {
    expect(renderOutbound({ kind: 'text', text: '   ' })).toEqual([{ content: '…' }]);
    const many = Array.from({ length: 30 }, (_, i) => item(paper({ id: `2406.1${1000 + i}`, title: `T${i}` }), { tldr: 'q'.repeat(2000) }));
    const header = digest(many, { notes: Array.from({ length: 60 }, () => ({ kind: 'info' as const, text: 'n'.repeat(60) })) });
    for (const out of [
      { kind: 'digest' as const, digest: header },
      { kind: 'digest-header' as const, digest: header },
      { kind: 'papers' as const, title: 'Results', items: many },
      { kind: 'answer' as const, text: 'a\n'.repeat(3000), citations: [{ index: 1, paperId: 'x', title: 'X' }], extractive: false },
    ]) {
      for (const m of renderOutbound(out)) expect(messageBodyErrors(m)).toEqual({});
    }
  });
});

describe('answer citations with sections', () => {
  it('links each cited section to its anchor on arXiv, and never a foreign section link', () => {
    const [msg] = renderOutbound({
      kind: 'answer',
      text: 'They train on 64 GPUs [1 §4.2].',
      citations: [
        {
          index: 1,
          paperId: '2406.01234',
          title: 'Merging',
          url: 'https://arxiv.org/abs/2406.01234',
          sections: [
            { label: '§4.2', url: 'https://arxiv.org/html/2406.01234#S4.SS2' },
            { label: '§5', url: 'https://evil.example/x' },
          ],
        },
      ],
      extractive: false,
    });
    expect(msg!.content).toContain('[1] [Merging](<https://arxiv.org/abs/2406.01234>) · [§4.2](<https://arxiv.org/html/2406.01234#S4.SS2>), §5');
    expect(msg!.content).not.toContain('evil.example');
  });
});
