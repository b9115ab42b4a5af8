// Digest header text, a paper message's content line and thread names.
import type { Digest, DigestItem, DigestNote } from '../../../src/types.js';
import { DISCORD_LIMITS as L } from '../limits.js';
import { escapeDiscord, oneLine, truncate } from './text.js';

const NOTE_MARK: Record<DigestNote['kind'], string> = {
  'quiet-day': '💤',
  'source-failed': '⚠️',
  partial: '⚠️',
  'llm-degraded': '〰️',
  budget: '💸',
  backfill: '↻',
  info: 'ℹ️',
};

/** The header message: date, interests, counts, themes and every note (quiet day, failed source…). */
export function headerText(digest: Digest): string {
  const n = digest.totalNew;
  const lines = [
    `📚 **Paper digest · ${digest.date}**`,
    `Interests: ${escapeDiscord(oneLine(digest.interests)) || '_not set_'}`,
    `${n} new paper${n === 1 ? '' : 's'}, showing ${digest.items.length}.`,
  ];
  if (digest.themes) lines.push(`Themes of the day: ${escapeDiscord(oneLine(digest.themes))}`);
  for (const note of digest.notes) lines.push(`${NOTE_MARK[note.kind]} ${escapeDiscord(note.text)}`);
  if (digest.items.length) lines.push('Ask about a paper in its thread; 👍/👎 on a paper tunes tomorrow.');
  return lines.join('\n');
}

/** The content line above a paper's embed: its rank and title (what notifications show). */
export function paperContent(item: DigestItem, rank: number): string {
  return truncate(`**${rank}.** ${escapeDiscord(oneLine(item.paper.title) || item.paper.id)}`, L.content);
}

/** Name of the thread under a paper message. */
export function paperThreadName(item: DigestItem): string {
  return truncate(oneLine(item.paper.title) || item.paper.id, L.threadName);
}

/** Name of the thread under a digest header. */
export function headerThreadName(digest: Digest): string {
  return truncate(`Paper digest ${digest.date}`, L.threadName);
}
