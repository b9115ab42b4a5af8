// A digest as Slack blocks: the header message of a posted digest, and a whole digest in one
// message (previews). Counts and notes come from the core; this file only lays them out.
import type { Digest, DigestNote } from '../../src/types.js';
import { context, fitBlocks, fits, header, LIMITS, section, type Block } from './limits.js';
import { escapeMrkdwn, escapeTruncated, truncateMrkdwn } from './mrkdwn.js';
import { paperCompactSection } from './render-paper.js';

const NOTE_ICON: Record<DigestNote['kind'], string> = {
  'quiet-day': ':zzz:',
  'source-failed': ':warning:',
  partial: ':warning:',
  'llm-degraded': ':information_source:',
  budget: ':moneybag:',
  backfill: ':leftwards_arrow_with_hook:',
  info: ':information_source:',
};

/** TL;DR lengths tried, most detailed first, when a message would exceed the budget. */
const TLDR_LEVELS = [900, 500, 250, 120, 0] as const;

/** "N new papers, showing K" — computed by the core, worded here. */
export function countsLine(digest: Digest): string {
  const n = digest.totalNew;
  return `${n} new paper${n === 1 ? '' : 's'}, showing ${digest.items.length}`;
}

/** Header blocks: title, interests, counts, themes, notes; `tip` adds how to use the threads. */
export function digestHeaderBlocks(digest: Digest, tip: boolean): Block[] {
  const blocks: Block[] = [header(`📚 Papers for ${digest.date}`)];
  blocks.push(section(`*Interests:* ${escapeTruncated(digest.interests || '—', 1000)}\n*${escapeMrkdwn(countsLine(digest))}*`));
  if (digest.themes) blocks.push(section(`*Themes of the day:* ${escapeTruncated(digest.themes, 1500)}`));
  if (digest.notes.length > 0) {
    blocks.push(context(digest.notes.map((n) => `${NOTE_ICON[n.kind]} ${escapeTruncated(n.text, 500)}`)));
  }
  if (tip && digest.items.length > 0) {
    blocks.push(context(["Reply in a paper's thread to ask about it · 👍/👎 tune tomorrow's ranking"]));
  }
  return blocks;
}

/** Plain fallback of a digest header. */
export function digestFallback(digest: Digest): string {
  const notes = digest.notes.map((n) => escapeTruncated(n.text, 300));
  return truncateMrkdwn(
    [`Papers for ${escapeMrkdwn(digest.date)}: ${countsLine(digest)}`, ...notes].join('\n'),
    LIMITS.fallbackText,
  );
}

/**
 * Several papers in one message under `top` blocks, degrading TL;DRs and then dropping papers
 * (with a "…and N more" line) until the message fits Slack's limits.
 */
export function itemsMessageBlocks(top: Block[], items: Digest['items'], bottom: Block[] = []): Block[] {
  const build = (tldrMax: number, count: number): Block[] => {
    const blocks: Block[] = [...top];
    if (items.length > 0 && top.length > 0) blocks.push({ type: 'divider' });
    items.slice(0, count).forEach((item, i) => blocks.push(paperCompactSection(item, i + 1, tldrMax, tldrMax > 0)));
    if (count < items.length) blocks.push(context([`…and ${items.length - count} more not shown here.`]));
    return [...blocks, ...bottom];
  };
  const most = Math.min(items.length, Math.max(0, LIMITS.blocks - top.length - bottom.length - 2));
  for (let count = most; count >= 0; count--) {
    for (const tldr of TLDR_LEVELS) {
      const blocks = build(tldr, count);
      if (fits(blocks)) return blocks;
    }
  }
  return fitBlocks([0], () => build(0, 0));
}
