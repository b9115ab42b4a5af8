// Outbound → plain terminal text. Colors only when asked (a TTY); untrusted text is stripped of
// control characters so a title cannot move the cursor or recolor the terminal.
import pc from 'picocolors';
import type { Digest, DigestItem, Outbound, Paper } from '../../src/types.js';
import { NOTE_MARK } from '../../src/digest/format.js';
import { sanitize } from '../../src/digest/terminal-safe.js';
import { paperPageUrl, trustedCodeUrl, trustedUrl } from '../../src/links.js';

/** How to render. */
export interface RenderOptions {
  /** ANSI colors and bold; use only when the output is a terminal. Default false. */
  color?: boolean;
}

type Colors = ReturnType<typeof pc.createColors>;

/** Neutral markup (`**bold**`, `_italic_`) to terminal text; a `[label](url)` in it stays literal. */
export function renderInline(text: string, c: Colors = pc.createColors(false)): string {
  return sanitize(text)
    .replace(/\*\*([^*\n]+)\*\*/g, (_, s: string) => c.bold(s))
    .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,;:!?])/gm, (_, pre: string, s: string) => pre + c.italic(s));
}

function authorsLine(authors: string[]): string {
  if (authors.length === 0) return 'unknown authors';
  const shown = authors.slice(0, 3).join(', ');
  return authors.length > 3 ? `${shown} et al.` : shown;
}

function compact(n: number): string {
  return n >= 1000 ? `${(n / 1000).toFixed(n >= 10_000 ? 0 : 1)}k` : String(n);
}

function signals(paper: Paper): string {
  const s = paper.signals;
  const parts: string[] = [];
  if (s.upvotes !== undefined) parts.push(`▲ ${s.upvotes}`);
  if (s.githubStars !== undefined) parts.push(`★ ${compact(s.githubStars)}`);
  if (s.comments) parts.push(`${s.comments} comment${s.comments === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

/** One paper card; `label` is what to type to address it (e.g. "#2"). */
function renderItem(item: DigestItem, label: string, c: Colors): string {
  const p = item.paper;
  const pad = ' '.repeat(label.length + 1);
  const lines = [`${c.bold(`${label} ${sanitize(p.title)}`)}`, `${pad}${c.dim(sanitize(authorsLine(p.authors)))}`];
  if (item.tldr) lines.push(`${pad}TL;DR: ${sanitize(item.tldr)}`);
  if (item.why) lines.push(`${pad}${c.cyan('Why:')} ${sanitize(item.why)}`);
  const sig = signals(p);
  if (sig) lines.push(`${pad}${c.yellow(sig)}`);
  const code = trustedCodeUrl(p.links.code);
  const links = [paperPageUrl(p), code ? `code: ${code}` : undefined].filter(Boolean).join('  ');
  if (links) lines.push(`${pad}${c.blue(sanitize(links))}`);
  return lines.join('\n');
}

function renderHeader(digest: Digest, c: Colors): string {
  const n = digest.totalNew;
  const lines = [
    c.bold(`paperbot digest · ${sanitize(digest.date)}`),
    `Interests: ${sanitize(digest.interests)}`,
    `${n} new paper${n === 1 ? '' : 's'}, showing ${digest.items.length}`,
  ];
  if (digest.themes) lines.push(`Themes: ${sanitize(digest.themes)}`);
  for (const note of digest.notes) lines.push(c.magenta(`${NOTE_MARK[note.kind]} ${sanitize(note.text)}`));
  return lines.join('\n');
}

/** Renders any Outbound as readable terminal text (no trailing newline). */
export function renderOutbound(message: Outbound, options: RenderOptions = {}): string {
  const c = pc.createColors(options.color ?? false);
  switch (message.kind) {
    case 'text':
      return renderInline(message.text, c);
    case 'digest-header':
      return renderHeader(message.digest, c);
    case 'digest-paper':
      return renderItem(message.item, `#${message.rank}`, c);
    case 'digest':
      return [renderHeader(message.digest, c), ...message.digest.items.map((it, i) => renderItem(it, `${i + 1}.`, c))].join('\n\n');
    case 'papers': {
      const parts = [c.bold(sanitize(message.title)), ...message.items.map((it, i) => renderItem(it, `${i + 1}.`, c))];
      if (message.footer) parts.push(c.dim(sanitize(message.footer)));
      return parts.join('\n\n');
    }
    case 'answer': {
      const lines = [renderInline(message.text, c)];
      if (message.citations.length) {
        lines.push('', c.dim('Sources:'));
        for (const cite of message.citations) {
          const url = trustedUrl(cite.url);
          lines.push(`[${cite.index}] ${sanitize(cite.title)}${url ? ` — ${c.blue(sanitize(url))}` : ''}`);
          for (const s of cite.sections ?? []) {
            const link = trustedUrl(s.url);
            lines.push(`    ${sanitize(s.label)}${link ? ` ${c.blue(sanitize(link))}` : ''}`);
          }
        }
      }
      return lines.join('\n');
    }
  }
}
