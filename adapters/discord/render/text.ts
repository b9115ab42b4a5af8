// Plain-text helpers for Discord content: neutral markup → Discord markdown without link
// previews, truncation with "…", and splitting long text into ≤2000-character messages.
import { escapeMarkdown } from 'discord.js';

// The last alternative is any `[` a `](` follows on the same line: a possible masked-link opener.
const URL_OR_BRACKET = /<(https?:\/\/[^\s>]+)>|(https?:\/\/[^\s<>]*[^\s<>.,;:!?)'"\]*_~])|(\[)(?=[^\n]*\]\s*\()/g;

/**
 * Untrusted text (titles, authors, TL;DRs, notes, model output) as inert Discord markdown: every
 * markdown character is escaped, including masked links `[..](..)`, headings and list markers.
 */
export function escapeDiscord(text: string): string {
  return escapeMarkdown(text, { maskedLink: true, heading: true, bulletedList: true });
}

/**
 * Converts the core's neutral markup (`**bold**`, `_italic_`) to Discord markdown, which shares
 * both. Text never becomes a masked link: every `[` that could open one is escaped, so a `[label](url)` quoted from
 * an abstract, a model or a user stays literal. Bare URLs get `<…>` so Discord shows no preview.
 * Code spans are left untouched.
 */
export function toDiscordMarkdown(text: string): string {
  return text
    .split(/(`[^`\n]*`)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(URL_OR_BRACKET, (_m, wrapped?: string, bare?: string, bracket?: string) =>
            bracket !== undefined ? `\\${bracket}` : `<${wrapped ?? bare}>`,
          ),
    )
    .join('');
}

/** `text` cut to at most `max` characters, ending in "…" when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  // Do not leave half of a surrogate pair before the ellipsis.
  let cut = max - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${text.slice(0, cut).trimEnd()}…`;
}

/** Text on one line (newlines and runs of spaces collapsed), e.g. for titles and thread names. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function hardSplit(line: string, max: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > max) {
    // Prefer the last space in the window; a word longer than the window is cut hard.
    const space = rest.lastIndexOf(' ', max);
    const at = space > max / 2 ? space : max;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^ /, '');
  }
  out.push(rest);
  return out;
}

/**
 * Splits text into chunks of at most `max` characters, breaking on line boundaries; a single
 * line longer than `max` is broken at a space (or hard). Empty input gives no chunks.
 */
export function splitMessage(text: string, max = 2000): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    for (const piece of line.length > max ? hardSplit(line, max) : [line]) {
      const next = current ? `${current}\n${piece}` : piece;
      if (next.length <= max) {
        current = next;
      } else {
        if (current.trim()) chunks.push(current);
        current = piece;
      }
    }
  }
  if (current.trim()) chunks.push(current);
  return chunks;
}
