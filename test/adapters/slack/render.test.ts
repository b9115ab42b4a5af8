import { describe, expect, it } from 'vitest';
import { renderOutbound } from '../../../adapters/slack/render.js';
import { escapeMrkdwn, neutralToMrkdwn, truncateMrkdwn } from '../../../adapters/slack/mrkdwn.js';
import type { Outbound } from '../../../src/types.js';
import { checkSlackMessage } from '../../fakes/slack-block-kit-limits.js';
import { helpText } from '../../../src/commands/help.js';
import { COMMAND_LIST } from '../../../src/commands/registry.js';
import { digest, EVIL_TITLE, item, paper } from './helpers.js';

/** Every string value anywhere in the message. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Slack control sequences that would ping or disguise a link. */
const PING = /<[!@#]|<https?:\/\/evil/;

function expectAccepted(out: Outbound) {
  const msg = renderOutbound(out);
  expect(checkSlackMessage(msg), JSON.stringify(checkSlackMessage(msg))).toBeUndefined();
  return msg;
}

const evil = paper({
  title: EVIL_TITLE,
  authors: ['<@U999>', 'Eve & <!here>'],
  links: { abs: 'https://arxiv.org/abs/2406.01234', code: 'javascript:alert(1)', thumbnail: 'https://example.org/t.png' },
});
const evilItem = item(evil, { tldr: 'TL;DR <!everyone> <https://evil.example|click>', why: 'matched <#C42>' });

describe('Slack rendering: escaping', () => {
  const cases: Array<[string, Outbound]> = [
    ['digest-paper', { kind: 'digest-paper', digest: digest([evilItem]), item: evilItem, rank: 1 }],
    ['digest-header', { kind: 'digest-header', digest: digest([evilItem], { interests: '<!channel> stuff', themes: '<@U1> themes', notes: [{ kind: 'source-failed', text: 'hf <!here> failed' }] }) }],
    ['digest', { kind: 'digest', digest: digest([evilItem, evilItem]) }],
    ['papers', { kind: 'papers', title: 'Results for <!channel>', items: [evilItem], footer: 'see <@U1>' }],
    ['answer', { kind: 'answer', text: 'They use <!channel> & <@U2>.', citations: [{ index: 1, paperId: evil.id, title: EVIL_TITLE, url: evil.links.abs }], extractive: true }],
    ['text', { kind: 'text', text: '**Hi** <!channel> [x](https://a.example) & <@U1>' }],
  ];

  it.each(cases)('%s: no control sequence survives in text or blocks', (_name, out) => {
    const msg = expectAccepted(out);
    for (const s of strings(msg)) expect(s).not.toMatch(PING);
  });

  it('renders the evil title literally, escaped, inside a link', () => {
    const msg = renderOutbound({ kind: 'digest-paper', digest: digest([evilItem]), item: evilItem, rank: 2 });
    const json = JSON.stringify(msg.blocks);
    expect(json).toContain('<https://arxiv.org/abs/2406.01234|Attention &lt;!channel&gt; &lt;@U123&gt; &amp; more>');
    expect(msg.text).toContain('&lt;!channel&gt;');
    expect(json).not.toContain('javascript:');
  });

  it('converts neutral markup after escaping; a [label](url) in text never becomes <url|label>', () => {
    expect(neutralToMrkdwn('**bold** and [a <b>](https://x.example/?q=1&r=2) & _it_')).toBe(
      '*bold* and [a &lt;b&gt;](https://x.example/?q=1&amp;r=2) &amp; _it_',
    );
    expect(neutralToMrkdwn('[bad](javascript:alert(1))')).not.toContain('<javascript');
    expect(escapeMrkdwn('<!here> & >')).toBe('&lt;!here&gt; &amp; &gt;');
  });

  it('never truncates inside a link or an entity', () => {
    const s = `abc <https://a.example|label> &amp; end`;
    for (let max = 2; max < s.length; max++) {
      const t = truncateMrkdwn(s, max);
      expect(t.length).toBeLessThanOrEqual(max);
      expect(t.lastIndexOf('<')).toBeLessThanOrEqual(t.lastIndexOf('>'));
      expect(t).not.toMatch(/&[a-z]{0,3}…$/);
    }
  });
});

describe('Slack rendering: limits', () => {
  const huge = 'x'.repeat(20_000);
  const hugeAmp = '&'.repeat(20_000);
  const bigPaper = paper({ title: hugeAmp, authors: Array.from({ length: 500 }, (_, i) => `Author ${i}`), abstract: huge });
  const bigItem = item(bigPaper, { tldr: hugeAmp, why: huge });

  it('keeps a paper card within every limit, with buttons ≤75 chars', () => {
    const msg = expectAccepted({ kind: 'digest-paper', digest: digest([bigItem]), item: bigItem, rank: 1 });
    expect(JSON.stringify(msg.blocks).length).toBeLessThan(11_500);
    const actions = msg.blocks.find((b) => b.type === 'actions');
    expect(actions).toBeDefined();
  });

  it('fits 200 papers in one message by shortening, then dropping with a note', () => {
    const items = Array.from({ length: 200 }, (_, i) => item(paper({ id: `2406.${10000 + i}`, title: `Paper ${i} ${'long '.repeat(50)}` }), { tldr: huge }));
    const msg = expectAccepted({ kind: 'digest', digest: digest(items) });
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(msg.blocks)).toMatch(/more not shown/);
  });

  it('keeps huge text and answers within limits', () => {
    const long = Array.from({ length: 3000 }, (_, i) => `Line ${i} with <stuff> & [link](https://a.example/${i})`).join('\n');
    expectAccepted({ kind: 'text', text: long });
    expectAccepted({ kind: 'text', text: huge });
    expectAccepted({ kind: 'answer', text: long, citations: Array.from({ length: 30 }, (_, i) => ({ index: i + 1, paperId: `p${i}`, title: hugeAmp })), extractive: false });
    expectAccepted({ kind: 'papers', title: huge, items: [], footer: huge });
  });

  it('renders a quiet-day header with its note and counts', () => {
    const msg = expectAccepted({
      kind: 'digest-header',
      digest: digest([], { totalNew: 0, notes: [{ kind: 'quiet-day', text: 'arXiv does not announce on weekends.' }] }),
    });
    const json = JSON.stringify(msg.blocks);
    expect(json).toContain('0 new papers, showing 0');
    expect(json).toContain('arXiv does not announce on weekends.');
    expect(msg.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: '📚 Papers for 2026-06-12' } });
  });

  it('shows signals, code link and thumbnail on a paper card', () => {
    const p = paper({ links: { abs: 'https://arxiv.org/abs/2406.01234', code: 'https://github.com/x/y', thumbnail: 'https://cdn.example/t.png' } });
    const msg = expectAccepted({ kind: 'digest-paper', digest: digest(), item: item(p), rank: 3 });
    const json = JSON.stringify(msg.blocks);
    expect(json).toContain('▲ 42');
    expect(json).toContain('<https://github.com/x/y|code> ★ 1.2k');
    expect(json).toContain('Ada Lovelace, Alan Turing, Grace Hopper et al.');
    expect(msg.blocks[0]).toMatchObject({ type: 'section', accessory: { type: 'image', image_url: 'https://cdn.example/t.png' } });
  });

  it('renders the core\'s real help text as mrkdwn', () => {
    const msg = expectAccepted({ kind: 'text', text: helpText(COMMAND_LIST, { llmConfigured: false }), ephemeral: true });
    const json = JSON.stringify(msg.blocks);
    expect(json).toContain('*paperbot*');
    expect(json).toContain('`/papers paper &lt;arXiv id or URL&gt;`');
    expect(json).not.toContain('**');
  });
});

describe('answer citations with sections', () => {
  it('links each cited section to its anchor on arXiv, and never a foreign section link', () => {
    const msg = renderOutbound({
      kind: 'answer',
      text: 'They train on 64 GPUs [1 §4.2].',
      citations: [
        {
          index: 1,
          paperId: '2406.01234',
          title: 'Merging <b>',
          url: 'https://arxiv.org/abs/2406.01234',
          sections: [
            { label: '§4.2', url: 'https://arxiv.org/html/2406.01234#S4.SS2' },
            { label: '§5 <!here>', url: 'https://evil.example/x' },
          ],
        },
      ],
      extractive: false,
    });
    const json = JSON.stringify(msg.blocks);
    expect(json).toContain('<https://arxiv.org/html/2406.01234#S4.SS2|§4.2>');
    expect(json).toContain('§5 &lt;!here&gt;');
    expect(json).not.toContain('evil.example');
  });
});
