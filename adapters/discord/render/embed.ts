// A paper as a Discord embed, kept within every embed limit, and packing of embeds into messages
// (≤10 embeds and ≤6000 embed characters per message).
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { DigestItem, Paper } from '../../../src/types.js';
import { DISCORD_LIMITS as L } from '../limits.js';
import { escapeDiscord, oneLine, truncate } from './text.js';
import { imageUrl, paperPageUrl, paperPdfUrl, trustedCodeUrl } from '../../../src/links.js';

/** Accent color of paper embeds. */
const COLOR = 0xb31b1b;
/** Where a paper's title links: arXiv by id, else a trusted abs or PDF link, else nothing. */
export const paperLink: (paper: Paper) => string | undefined = paperPageUrl;

/** "A, B, C et al." */
function authorsLine(authors: string[], max = 4): string {
  if (authors.length === 0) return 'unknown authors';
  const shown = authors.slice(0, max).join(', ');
  return authors.length > max ? `${shown} et al.` : shown;
}

function compact(n: number): string {
  return n >= 1000 ? `${(n / 1000).toFixed(n >= 10_000 ? 0 : 1)}k` : String(n);
}

/** A URL for the `(…)` of a masked link: parentheses and angle brackets percent-encoded, no preview. */
function maskedLinkUrl(url: string): string {
  return `<${url.replace(/[()<>]/g, (c) => encodeURIComponent(c))}>`;
}

function codeRepoLabel(url: string): string {
  const m = /github\.com\/([^/\s]+\/[^/\s#?]+)/i.exec(url);
  return m?.[1] ?? 'code';
}

/** Characters Discord counts toward the 6000 total of one embed. */
export function embedLength(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/**
 * The embed cut to Discord's limits: every part truncated with "…", at most 25 fields, and the
 * description shortened (then fields dropped) until the total is within `total` characters.
 */
export function fitEmbed(embed: APIEmbed, total: number = L.embedTotal): APIEmbed {
  const e: APIEmbed = { ...embed };
  if (e.title !== undefined) e.title = truncate(e.title, L.embedTitle);
  if (e.description !== undefined) e.description = truncate(e.description, L.embedDescription);
  if (e.footer) e.footer = { ...e.footer, text: truncate(e.footer.text, L.footer) };
  if (e.author) e.author = { ...e.author, name: truncate(e.author.name, L.author) };
  if (e.fields) {
    e.fields = e.fields
      .slice(0, L.embedFields)
      .map((f): APIEmbedField => ({ ...f, name: truncate(f.name, L.fieldName) || '\u200b', value: truncate(f.value, L.fieldValue) || '\u200b' }));
  }
  let over = embedLength(e) - total;
  if (over > 0 && e.description) {
    e.description = truncate(e.description, Math.max(1, e.description.length - over));
    over = embedLength(e) - total;
  }
  while (over > 0 && e.fields?.length) {
    e.fields = e.fields.slice(0, -1);
    over = embedLength(e) - total;
  }
  if (over > 0 && e.footer) e.footer = { ...e.footer, text: truncate(e.footer.text, Math.max(1, e.footer.text.length - over)) };
  return e;
}

/** Options for a paper embed. */
export interface PaperEmbedOptions {
  /** Position in a digest or result list (shown in the footer). */
  rank?: number;
  /** Add the feedback and thread hint to the footer (digest papers). */
  digestHint?: boolean;
}

/**
 * A paper card: title linked to its abs page, authors, TL;DR, why it matched, ▲ upvotes, code
 * link with ★ stars, and the paper's thumbnail when the source has one.
 */
export function paperEmbed(item: DigestItem, options: PaperEmbedOptions = {}): APIEmbed {
  const p = item.paper;
  const lines = [`_${escapeDiscord(authorsLine(p.authors))}_`];
  if (item.tldr) lines.push('', `**TL;DR** ${escapeDiscord(item.tldr)}`);
  if (item.why) lines.push('', `**Why** ${escapeDiscord(item.why)}`);
  const fields: APIEmbedField[] = [];
  if (p.signals.upvotes !== undefined) fields.push({ name: '▲ Upvotes', value: String(p.signals.upvotes), inline: true });
  const code = trustedCodeUrl(p.links.code);
  if (code) {
    const stars = p.signals.githubStars !== undefined ? ` ★ ${compact(p.signals.githubStars)}` : '';
    fields.push({ name: 'Code', value: `[${escapeDiscord(codeRepoLabel(code))}](${maskedLinkUrl(code)})${stars}`, inline: true });
  } else if (p.signals.githubStars !== undefined) {
    fields.push({ name: '★ Stars', value: compact(p.signals.githubStars), inline: true });
  }
  const pdf = p.links.pdf ? paperPdfUrl(p) : undefined;
  if (pdf) fields.push({ name: 'PDF', value: `[${escapeDiscord(p.id)}](${maskedLinkUrl(pdf)})`, inline: true });
  const footer = [
    options.rank !== undefined ? `#${options.rank}` : undefined,
    oneLine(p.id),
    options.digestHint ? '👍/👎 tunes this channel · ask about it in the thread' : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  const url = paperLink(p);
  return fitEmbed({
    title: escapeDiscord(oneLine(p.title) || p.id),
    ...(url ? { url } : {}),
    description: lines.join('\n'),
    color: COLOR,
    ...(fields.length ? { fields } : {}),
    ...(imageUrl(p.links.thumbnail) ? { thumbnail: { url: imageUrl(p.links.thumbnail)! } } : {}),
    footer: { text: footer },
  });
}

/** Groups embeds into messages of at most 10 embeds and 6000 embed characters each. */
export function packEmbeds(embeds: APIEmbed[]): APIEmbed[][] {
  const groups: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const e of embeds) {
    const n = embedLength(e);
    if (current.length && (current.length >= L.embedsPerMessage || size + n > L.embedTotal)) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(e);
    size += n;
  }
  if (current.length) groups.push(current);
  return groups;
}
