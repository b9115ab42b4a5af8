import { describe, expect, it } from 'vitest';
import { parseConsoleLine } from '../../../adapters/console/parse-line.js';
import { renderInline, renderOutbound } from '../../../adapters/console/render.js';
import { paperCard } from '../../../src/commands/paper-card.js';
import { LORA } from '../../bot/sample-papers.js';

describe('console line syntax', () => {
  it('parses commands, thread questions, votes and quit', () => {
    expect(parseConsoleLine('/papers search lora merging')).toEqual({ type: 'command', name: 'search', text: 'lora merging' });
    expect(parseConsoleLine('search  lora')).toEqual({ type: 'command', name: 'search', text: 'lora' });
    expect(parseConsoleLine('/settings')).toEqual({ type: 'command', name: 'settings', text: '' });
    expect(parseConsoleLine('/papers')).toEqual({ type: 'command', name: '', text: '' });
    expect(parseConsoleLine('/paperspaper x')).toEqual({ type: 'command', name: 'paperspaper', text: 'x' });
    expect(parseConsoleLine('#2 what dataset?')).toEqual({ type: 'thread', target: 2, text: 'what dataset?' });
    expect(parseConsoleLine('#2 +1')).toEqual({ type: 'vote', target: 2, value: 1, removed: false });
    expect(parseConsoleLine('#3 -1')).toEqual({ type: 'vote', target: 3, value: -1, removed: false });
    expect(parseConsoleLine('#3 undo -1')).toEqual({ type: 'vote', target: 3, value: -1, removed: true });
    expect(parseConsoleLine('  ')).toEqual({ type: 'empty' });
    expect(parseConsoleLine('quit')).toEqual({ type: 'quit' });
    expect(parseConsoleLine('exit')).toEqual({ type: 'quit' });
  });
});

describe('console rendering', () => {
  it('turns neutral markup into plain text; a [label](url) in text stays literal', () => {
    expect(renderInline('**Interests:** _robots_ see [the paper](https://arxiv.org/abs/1) snake_case_name')).toBe(
      'Interests: robots see [the paper](https://arxiv.org/abs/1) snake_case_name',
    );
  });

  it('renders answers with their sources and paper lists with a footer', () => {
    const answer = renderOutbound({
      kind: 'answer',
      text: 'Quote [1]',
      citations: [{ index: 1, paperId: LORA.id, title: LORA.title, url: LORA.links.abs }],
      extractive: true,
    });
    expect(answer).toBe(`Quote [1]\n\nSources:\n[1] ${LORA.title} — ${LORA.links.abs}`);
    const list = renderOutbound({ kind: 'papers', title: 'Search: lora', items: [paperCard(LORA)], footer: '1 match, showing 1' });
    expect(list.split('\n')[0]).toBe('Search: lora');
    expect(list).toContain('   Akshara Prabhakar, Yuanzhi Li, Karthik Narasimhan');
    expect(list).toContain('https://arxiv.org/abs/2406.01234  code: https://github.com/example/lora-soups');
    expect(list.endsWith('1 match, showing 1')).toBe(true);
  });
});
