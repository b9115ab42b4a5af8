// Outbound → the Discord messages that show it, each within Discord's limits. Ephemerality is
// decided by the caller (interactions only); mentions are disabled client-wide.
import type { APIEmbed } from 'discord.js';
import type { Citation, Digest, Outbound } from '../../../src/types.js';
import { DISCORD_LIMITS as L } from '../limits.js';
import { packEmbeds, paperEmbed } from './embed.js';
import { headerText, paperContent } from './digest.js';
import { escapeDiscord, oneLine, splitMessage, toDiscordMarkdown, truncate } from './text.js';
import { trustedUrl } from '../../../src/links.js';

/** One Discord message body (content and/or embeds). */
export interface DiscordMessage {
  content?: string;
  embeds?: APIEmbed[];
}

/** True when the core asked that only the invoking user sees this. */
export function isEphemeral(out: Outbound): boolean {
  return 'ephemeral' in out && out.ephemeral === true;
}

/** A bot-built link as a Discord masked link, with link previews suppressed (`<…>`). */
function maskedLink(label: string, url: string): string {
  return `[${label}](<${url.replace(/[()<>]/g, (ch) => encodeURIComponent(ch))}>)`;
}

function citationLine(c: Citation): string {
  const title = escapeDiscord(truncate(oneLine(c.title), 200));
  const url = trustedUrl(c.url);
  const sections = (c.sections ?? []).slice(0, 6).map((s) => {
    const label = escapeDiscord(truncate(oneLine(s.label), 40));
    const link = trustedUrl(s.url);
    return link ? maskedLink(label, link) : label;
  });
  return `[${c.index}] ${url ? maskedLink(title, url) : title}${sections.length ? ` · ${sections.join(', ')}` : ''}`;
}

/** Content chunks followed by messages of packed embeds; the first embeds ride on the last chunk. */
function textWithEmbeds(text: string, embeds: APIEmbed[]): DiscordMessage[] {
  const chunks = splitMessage(text, L.content);
  const groups = packEmbeds(embeds);
  const out: DiscordMessage[] = chunks.map((content) => ({ content }));
  groups.forEach((g, i) => {
    const last = out[out.length - 1];
    if (i === 0 && last) last.embeds = g;
    else out.push({ embeds: g });
  });
  return out;
}

function wholeDigest(digest: Digest): DiscordMessage[] {
  return textWithEmbeds(
    headerText(digest),
    digest.items.map((item, i) => paperEmbed(item, { rank: i + 1 })),
  );
}

/** The messages that show `out`, in order. Never empty. */
export function renderOutbound(out: Outbound): DiscordMessage[] {
  let messages: DiscordMessage[];
  switch (out.kind) {
    case 'text':
      messages = splitMessage(toDiscordMarkdown(out.text), L.content).map((content) => ({ content }));
      break;
    case 'digest-header':
      // One message: the thread under it stands for the whole digest.
      messages = [{ content: truncate(headerText(out.digest), L.content) }];
      break;
    case 'digest-paper':
      messages = [{ content: paperContent(out.item, out.rank), embeds: [paperEmbed(out.item, { rank: out.rank, digestHint: true })] }];
      break;
    case 'digest':
      messages = wholeDigest(out.digest);
      break;
    case 'papers': {
      const text = [`**${escapeDiscord(oneLine(out.title))}**`, out.footer ? toDiscordMarkdown(out.footer) : undefined].filter(Boolean).join('\n');
      messages = textWithEmbeds(text, out.items.map((item, i) => paperEmbed(item, { rank: out.items.length > 1 ? i + 1 : undefined })));
      break;
    }
    case 'answer': {
      const lines = [toDiscordMarkdown(out.text)];
      if (out.citations.length) lines.push('', '**Sources**', ...out.citations.map(citationLine));
      messages = splitMessage(lines.join('\n'), L.content).map((content) => ({ content }));
      break;
    }
  }
  return messages.length ? messages : [{ content: '…' }];
}
