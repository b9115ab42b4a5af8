// Text-like outbounds (plain replies and answers) as mrkdwn sections within Block Kit limits.
import type { Citation } from '../../src/types.js';
import { context, fits, LIMITS, section, type Block } from './limits.js';
import { escapeTruncated, mrkdwnLink, neutralToMrkdwn, truncateMrkdwn } from './mrkdwn.js';
import { trustedUrl } from '../../src/links.js';

/**
 * Splits mrkdwn into chunks of at most `max` characters at line breaks (a single overlong line
 * is truncated), so no link or entity is ever split across two sections.
 */
export function splitMrkdwn(mrkdwn: string, max = LIMITS.sectionText): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of mrkdwn.split('\n')) {
    const line = truncateMrkdwn(raw, max);
    const joined = current ? `${current}\n${line}` : line;
    if (joined.length <= max) {
      current = joined;
    } else {
      if (current) chunks.push(current);
      current = line;
    }
  }
  if (current.trim()) chunks.push(current);
  return chunks;
}

/** Sections of neutral-markup text, cut with "…" where the message budget ends. */
export function textSections(text: string, reserved: Block[] = []): Block[] {
  const blocks: Block[] = [];
  for (const chunk of splitMrkdwn(neutralToMrkdwn(text))) {
    const next = section(chunk);
    if (!fits([...blocks, next, ...reserved])) {
      // Give the last chunk whatever room is left, then stop.
      const room = LIMITS.blocksJson - JSON.stringify([...blocks, ...reserved]).length - 200;
      if (room > 200 && blocks.length + reserved.length < LIMITS.blocks) {
        blocks.push(section(truncateMrkdwn(chunk, Math.min(room, LIMITS.sectionText))));
      }
      break;
    }
    blocks.push(next);
  }
  return blocks.length > 0 ? blocks : [section(' ')];
}

/** The fallback text of neutral-markup text: escaped mrkdwn, cut for notifications. */
export function textFallback(text: string): string {
  return truncateMrkdwn(neutralToMrkdwn(text), LIMITS.fallbackText) || ' ';
}

/** The "Sources" section of an answer: `[n] <url|title>` lines. */
export function citationsSection(citations: Citation[]): Block | undefined {
  if (citations.length === 0) return undefined;
  const lines = citations.slice(0, 20).map((c) => {
    const url = trustedUrl(c.url);
    const sections = (c.sections ?? []).slice(0, 6).map((s) => {
      const link = trustedUrl(s.url);
      return link ? mrkdwnLink(link, s.label, 40) : escapeTruncated(s.label, 40);
    });
    const title = url ? mrkdwnLink(url, c.title, 200) : escapeTruncated(c.title, 200);
    return `[${c.index}] ${title}${sections.length ? ` · ${sections.join(', ')}` : ''}`;
  });
  return section(`*Sources*\n${lines.join('\n')}`);
}

/** The small print under an extractive answer. */
export function extractiveNote(): Block {
  return context([escapeTruncated('Quoted sentences from the papers, not a model\'s summary.', 200)]);
}
