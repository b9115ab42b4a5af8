// Renders a digest for the terminal (text), for files (markdown) and for programs (json).
import pc from 'picocolors';
import type { Digest, DigestItem, DigestNote, Paper } from '../types.js';
import { sanitizeStrings } from './terminal-safe.js';
import { paperPageUrl, trustedCodeUrl, trustedUrl } from '../links.js';

/** Output formats of `paperbot digest`. */
export type DigestFormat = 'text' | 'markdown' | 'json';

/** One-character mark per note kind, shared by every terminal rendering. */
export const NOTE_MARK: Readonly<Record<DigestNote['kind'], string>> = {
  'quiet-day': '○',
  'source-failed': '!',
  partial: '!',
  'llm-degraded': '~',
  budget: '$',
  backfill: '↻',
  info: 'i',
};

/** "A, B, C et al." — the first three authors. */
export function firstAuthors(authors: string[], max = 3): string {
  if (authors.length === 0) return 'unknown authors';
  const shown = authors.slice(0, max).join(', ');
  return authors.length > max ? `${shown} et al.` : shown;
}

/** Compact count: 1234 → "1.2k". */
export function compactCount(n: number): string {
  return n >= 1000 ? `${(n / 1000).toFixed(n >= 10_000 ? 0 : 1)}k` : String(n);
}

/** Popularity and code signals as one line, e.g. "▲ 118 · ★ 2.3k · 4 comments"; empty when none. */
export function signalsLine(paper: Paper): string {
  const parts: string[] = [];
  const s = paper.signals;
  if (s.upvotes !== undefined) parts.push(`▲ ${s.upvotes}`);
  if (s.githubStars !== undefined) parts.push(`★ ${compactCount(s.githubStars)}`);
  if (s.comments) parts.push(`${s.comments} comment${s.comments === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

/** The best link to a paper among the trusted ones: its page (arXiv, HF), else its code, else its project. */
export function paperUrl(paper: Paper): string | undefined {
  return paperPageUrl(paper) ?? trustedCodeUrl(paper.links.code) ?? trustedUrl(paper.links.project);
}

/** "30 new papers, showing 5" (with singulars right). */
export function countsLine(digest: Digest): string {
  const n = digest.totalNew;
  return `${n} new paper${n === 1 ? '' : 's'}, showing ${digest.items.length}`;
}

function textItem(item: DigestItem, rank: number, c: ReturnType<typeof pc.createColors>): string {
  const p = item.paper;
  const lines = [`${c.bold(`${rank}. ${p.title}`)}`, `   ${c.dim(firstAuthors(p.authors))}`];
  lines.push(`   TL;DR: ${item.tldr}`);
  if (item.why) lines.push(`   ${c.cyan('Why:')} ${item.why}`);
  const sig = signalsLine(p);
  if (sig) lines.push(`   ${c.yellow(sig)}`);
  const code = trustedCodeUrl(p.links.code);
  const links = [paperUrl(p), code && code !== paperUrl(p) ? `code: ${code}` : undefined]
    .filter(Boolean)
    .join('  ');
  if (links) lines.push(`   ${c.blue(links)}`);
  return lines.join('\n');
}

function renderText(digest: Digest, color: boolean): string {
  const c = pc.createColors(color);
  const out = [c.bold(`paperbot digest · ${digest.date}`), `Interests: ${digest.interests}`, countsLine(digest)];
  if (digest.themes) out.push(`Themes: ${digest.themes}`);
  for (const note of digest.notes) out.push(c.magenta(`${NOTE_MARK[note.kind]} ${note.text}`));
  if (digest.tokens) out.push(c.dim(`Tokens: ${digest.tokens.prompt} prompt + ${digest.tokens.completion} completion`));
  out.push('');
  digest.items.forEach((item, i) => out.push(textItem(item, i + 1, c), ''));
  return out.join('\n').trimEnd() + '\n';
}

/**
 * Untrusted text as inert markdown: HTML is entity-escaped (no raw tags, comments or entities)
 * and markdown punctuation is backslash-escaped (no links, images, emphasis or code), on one line.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#!|~]/g, '\\$&');
}

/** `[label](url)` for a trusted http(s) URL (parentheses encoded); just the escaped label otherwise. */
function mdLink(label: string, url?: string): string {
  const safe = markdownText(label);
  const href = trustedUrl(url);
  return href ? `[${safe}](${href.replace(/[()<> ]/g, (c) => encodeURIComponent(c))})` : safe;
}

function renderMarkdown(digest: Digest): string {
  const md = markdownText;
  const out = [`# paperbot digest · ${md(digest.date)}`, '', `**Interests:** ${md(digest.interests)}  `, `${countsLine(digest)}`];
  if (digest.themes) out.push('', `**Themes of the day:** ${md(digest.themes)}`);
  if (digest.notes.length) out.push('', ...digest.notes.map((n) => `> ${NOTE_MARK[n.kind]} ${md(n.text)}`));
  if (digest.tokens) out.push('', `_Tokens: ${digest.tokens.prompt} prompt + ${digest.tokens.completion} completion_`);
  digest.items.forEach((item, i) => {
    const p = item.paper;
    out.push('', `## ${i + 1}. ${mdLink(p.title, paperUrl(p))}`, '', `_${md(firstAuthors(p.authors))}_`, '');
    out.push(`**TL;DR:** ${md(item.tldr)}`);
    if (item.why) out.push('', `**Why it matched:** ${md(item.why)}`);
    const sig = signalsLine(p);
    const code = trustedCodeUrl(p.links.code);
    const extra = [sig, code ? mdLink('code', code) : ''].filter(Boolean).join(' · ');
    if (extra) out.push('', extra);
  });
  return out.join('\n') + '\n';
}

/** Renders a digest; `color` applies to text only and should be true only on a terminal. */
export function formatDigest(digest: Digest, format: DigestFormat, options: { color?: boolean } = {}): string {
  switch (format) {
    case 'json':
      return JSON.stringify(digest, null, 2) + '\n';
    case 'markdown':
      return renderMarkdown(sanitizeStrings(digest));
    case 'text':
      return renderText(sanitizeStrings(digest), options.color ?? false);
  }
}

/** Renders paper cards (lookup, search results) as terminal text. */
export function formatItems(items: DigestItem[], options: { color?: boolean } = {}): string {
  const c = pc.createColors(options.color ?? false);
  return sanitizeStrings(items).map((item, i) => textItem(item, i + 1, c)).join('\n\n') + '\n';
}
