// Outbound → one Slack message (Block Kit + escaped fallback text), within Block Kit limits and
// our size budget. Every piece of untrusted text is escaped here or in the helpers it calls.
import type { Outbound } from '../../src/types.js';
import { context, fitBlocks, LIMITS, section, type SlackMessage } from './limits.js';
import { escapeTruncated, neutralToMrkdwn, truncateMrkdwn } from './mrkdwn.js';
import { digestFallback, digestHeaderBlocks, itemsMessageBlocks } from './render-digest.js';
import { paperCardBlocks, paperFallback } from './render-paper.js';
import { citationsSection, extractiveNote, textFallback, textSections } from './render-text.js';

export type { SlackMessage } from './limits.js';

/** True when the core asked for this outbound to be shown only to the user who asked. */
export function isEphemeral(out: Outbound): boolean {
  return 'ephemeral' in out && out.ephemeral === true;
}

/**
 * Renders any Outbound as Slack blocks plus a fallback `text`. The result always respects the
 * 50-block, 3000-per-section, 150-per-header and 75-per-button limits and stays under ~11k.
 */
export function renderOutbound(out: Outbound): SlackMessage {
  switch (out.kind) {
    case 'text':
      return { text: textFallback(out.text), blocks: textSections(out.text) };
    case 'digest-header':
      return {
        text: digestFallback(out.digest),
        blocks: fitBlocks([true, false], (tip) => digestHeaderBlocks(out.digest, tip)),
      };
    case 'digest-paper':
      return {
        text: paperFallback(out.item, out.rank),
        blocks: fitBlocks([1500, 800, 400, 0], (tldr) => paperCardBlocks(out.item, out.rank, tldr)),
      };
    case 'digest':
      return { text: digestFallback(out.digest), blocks: itemsMessageBlocks(digestHeaderBlocks(out.digest, false), out.digest.items) };
    case 'papers': {
      const title = escapeTruncated(out.title, 500);
      const bottom = out.footer ? [context([truncateMrkdwn(neutralToMrkdwn(out.footer), 1000)])] : [];
      const top = [section(`*${title}*${out.items.length === 0 ? '\nNo papers to show.' : ''}`)];
      const titles = out.items.slice(0, 10).map((it, i) => `${i + 1}. ${escapeTruncated(it.paper.title, 200)}`);
      return {
        text: truncateMrkdwn([title, ...titles].join('\n'), LIMITS.fallbackText),
        blocks: itemsMessageBlocks(top, out.items, bottom),
      };
    }
    case 'answer': {
      const cites = citationsSection(out.citations);
      const tail = [...(cites ? [cites] : []), ...(out.extractive ? [extractiveNote()] : [])];
      return { text: textFallback(out.text), blocks: [...textSections(out.text, tail), ...tail] };
    }
  }
}
