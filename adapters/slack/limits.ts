// Block Kit limits (docs.slack.dev/reference/block-kit) and the budget we keep under Slack's
// undocumented ~13.2k total (bolt-js issue #2509), plus the helpers that enforce them.
import type { types as SlackTypes } from '@slack/bolt';
import { truncate, truncateMrkdwn } from './mrkdwn.js';

/** Block Kit and message limits paperbot renders within. */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  contextElements: 10,
  altText: 2000,
  /** Our cap on JSON.stringify(blocks).length, which over-counts Slack's ~13.2k text total. */
  blocksJson: 11_000,
  /** Fallback `text` for notifications; Slack truncates at 40k, we stay far below. */
  fallbackText: 3000,
} as const;

/** A Block Kit block, as the Web API accepts it. */
export type Block = SlackTypes.KnownBlock;

/** What one Slack message is made of: blocks plus the plain fallback shown in notifications. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** A mrkdwn section, its text cut to the 3000-character limit without breaking a link. */
export function section(text: string, accessory?: SlackTypes.ImageElement): SlackTypes.SectionBlock {
  const block: SlackTypes.SectionBlock = { type: 'section', text: { type: 'mrkdwn', text: truncateMrkdwn(text, LIMITS.sectionText) || ' ' } };
  if (accessory) block.accessory = accessory;
  return block;
}

/** A context block of mrkdwn elements (at most 10, each within the section limit). */
export function context(texts: string[]): SlackTypes.ContextBlock {
  const kept = texts.filter((t) => t.trim() !== '');
  const head = kept.slice(0, LIMITS.contextElements - 1);
  const rest = kept.slice(LIMITS.contextElements - 1);
  if (rest.length > 0) head.push(rest.join('\n'));
  return {
    type: 'context',
    elements: head.map((t) => ({ type: 'mrkdwn' as const, text: truncateMrkdwn(t, LIMITS.sectionText) })),
  };
}

/** A header block; plain text, cut to 150 characters. Only code-made text goes here. */
export function header(text: string): SlackTypes.HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, LIMITS.headerText), emoji: true } };
}

/** True when the blocks fit the block count and our size budget. */
export function fits(blocks: Block[]): boolean {
  return blocks.length <= LIMITS.blocks && JSON.stringify(blocks).length <= LIMITS.blocksJson;
}

/**
 * Tries `build(level)` for each level, most detailed first, and returns the first result that
 * fits; when none does, the last one cut to the block count and budget.
 */
export function fitBlocks<L>(levels: readonly L[], build: (level: L) => Block[]): Block[] {
  let blocks: Block[] = [];
  for (const level of levels) {
    blocks = build(level);
    if (fits(blocks)) return blocks;
  }
  const kept: Block[] = [];
  for (const b of blocks) {
    if (!fits([...kept, b])) break;
    kept.push(b);
  }
  return kept;
}

/** Removes image accessories and image blocks (used when Slack cannot fetch a thumbnail). */
export function withoutImages(blocks: Block[]): Block[] {
  return blocks
    .filter((b) => b.type !== 'image')
    .map((b) => {
      if (b.type === 'section' && b.accessory?.type === 'image') {
        const { accessory: _drop, ...rest } = b;
        return rest;
      }
      return b;
    });
}

/** True when any block shows an image. */
export function hasImages(blocks: Block[]): boolean {
  return blocks.some((b) => b.type === 'image' || (b.type === 'section' && b.accessory?.type === 'image'));
}
