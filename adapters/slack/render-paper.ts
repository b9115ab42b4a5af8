// One paper as Slack blocks: the full card of a digest message (with 👍/👎 buttons) and the
// compact section used when several papers share one message (lookups, search, previews).
import type { types as SlackTypes } from '@slack/bolt';
import type { DigestItem, Paper } from '../../src/types.js';
import { context, LIMITS, section, type Block } from './limits.js';
import { escapeTruncated, mrkdwnLink, safeHttpUrl, truncate } from './mrkdwn.js';
import { paperPageUrl, paperPdfUrl, trustedCodeUrl, trustedUrl } from '../../src/links.js';

/** action_ids of the feedback buttons on paper messages. */
export const FEEDBACK_ACTIONS = { up: 'paper_feedback_up', down: 'paper_feedback_down' } as const;

/** The page a paper's title links to (arXiv by id, else a trusted abs or PDF link). */
export const paperUrl: (paper: Paper) => string | undefined = paperPageUrl;

/** "A, B, C et al." (raw text, not escaped). */
export function authorsText(authors: string[]): string {
  if (authors.length === 0) return 'unknown authors';
  const shown = authors.slice(0, 3).map((a) => truncate(a, 80)).join(', ');
  return authors.length > 3 ? `${shown} et al.` : shown;
}

function compact(n: number): string {
  return n >= 1000 ? `${(n / 1000).toFixed(n >= 10_000 ? 0 : 1)}k` : String(n);
}

/** "▲ 42 · <code|code> ★ 1.2k · <abs|arXiv> · <pdf|PDF>" as escaped mrkdwn ('' when empty). */
export function signalsLine(paper: Paper): string {
  const parts: string[] = [];
  const s = paper.signals;
  if (s.upvotes !== undefined) parts.push(`▲ ${compact(s.upvotes)}`);
  const codeUrl = trustedCodeUrl(paper.links.code);
  const code = codeUrl ? mrkdwnLink(codeUrl, 'code') : undefined;
  if (code || s.githubStars !== undefined) {
    parts.push([code, s.githubStars !== undefined ? `★ ${compact(s.githubStars)}` : undefined].filter(Boolean).join(' '));
  }
  const abs = paper.links.abs ? paperPageUrl(paper) : undefined;
  const pdf = paper.links.pdf ? paperPdfUrl(paper) : undefined;
  const project = trustedUrl(paper.links.project);
  if (abs) parts.push(mrkdwnLink(abs, 'arXiv'));
  if (pdf) parts.push(mrkdwnLink(pdf, 'PDF'));
  if (project) parts.push(mrkdwnLink(project, 'project'));
  return parts.join(' · ');
}

/** "*1. <url|Title>*": the linked, escaped, bold title, optionally numbered. */
export function titleLine(paper: Paper, rank?: number): string {
  const n = rank !== undefined ? `${rank}. ` : '';
  const url = paperUrl(paper);
  const title = paper.title.trim() || paper.id;
  return `*${n}${url ? mrkdwnLink(url, title, 300) : escapeTruncated(title, 300)}*`;
}

/** The paper's thumbnail as an image accessory, when it has an http(s) one. */
export function thumbnail(paper: Paper): SlackTypes.ImageElement | undefined {
  const url = safeHttpUrl(paper.links.thumbnail, 3000);
  // alt_text is not mrkdwn, but escaping costs nothing and keeps every string we send inert.
  return url ? { type: 'image', image_url: url, alt_text: escapeTruncated(paper.title.trim() || 'paper thumbnail', 200) } : undefined;
}

/** The plain fallback line of a paper (escaped: notifications parse it too). */
export function paperFallback(item: DigestItem, rank?: number): string {
  const n = rank !== undefined ? `${rank}. ` : '';
  const tldr = item.tldr ? ` — ${item.tldr}` : '';
  return escapeTruncated(`${n}${item.paper.title}${tldr}`, 600);
}

/** The 👍/👎 buttons; `value` carries the paper id (the message ts identifies the post). */
export function feedbackButtons(paperId: string): SlackTypes.ActionsBlock {
  const button = (actionId: string, text: string): SlackTypes.Button => ({
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: truncate(text, LIMITS.buttonText), emoji: true },
    value: truncate(paperId, 2000),
  });
  return {
    type: 'actions',
    block_id: 'paper_feedback',
    elements: [button(FEEDBACK_ACTIONS.up, '👍 More like this'), button(FEEDBACK_ACTIONS.down, '👎 Less like this')],
  };
}

/** Blocks of a digest paper message: title, authors, TL;DR (+ thumbnail), why, signals, buttons. */
export function paperCardBlocks(item: DigestItem, rank: number | undefined, tldrMax: number): Block[] {
  const p = item.paper;
  const lines = [titleLine(p, rank), `_${escapeTruncated(authorsText(p.authors), 300)}_`];
  if (item.tldr && tldrMax > 0) lines.push(`*TL;DR* ${escapeTruncated(item.tldr, tldrMax)}`);
  const blocks: Block[] = [section(lines.join('\n'), thumbnail(p))];
  if (item.why) blocks.push(context([`*Why it matched:* ${escapeTruncated(item.why, 600)}`]));
  const signals = signalsLine(p);
  if (signals) blocks.push(context([signals]));
  blocks.push(feedbackButtons(p.id));
  return blocks;
}

/** One paper in a single section (several papers per message); `tldrMax` 0 drops TL;DR and why. */
export function paperCompactSection(item: DigestItem, index: number, tldrMax: number, withImage: boolean): Block {
  const p = item.paper;
  const lines = [titleLine(p, index), `_${escapeTruncated(authorsText(p.authors), 200)}_`];
  if (item.tldr && tldrMax > 0) lines.push(escapeTruncated(item.tldr, tldrMax));
  if (item.why && tldrMax > 0) lines.push(`_Why:_ ${escapeTruncated(item.why, Math.min(300, tldrMax))}`);
  const signals = signalsLine(p);
  if (signals) lines.push(signals);
  return section(lines.join('\n'), withImage ? thumbnail(p) : undefined);
}
