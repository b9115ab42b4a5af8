// Slack sends message and command text with `&`, `<`, `>` escaped and with mentions, channels
// and links as `<…>` sequences. The core wants what the user meant, as plain text.

/** Plain text of a Slack message/command text: sequences resolved to readable text, entities decoded. */
export function slackTextToPlain(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_, inner: string) => sequenceText(inner))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function sequenceText(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar >= 0 ? inner.slice(0, bar) : inner;
  const label = bar >= 0 ? inner.slice(bar + 1) : undefined;
  if (target.startsWith('@')) return label ? `@${label.replace(/^@/, '')}` : target;
  if (target.startsWith('#')) return label ? `#${label}` : target;
  if (target.startsWith('!')) {
    if (label) return label;
    const name = target.slice(1).split('^')[0] ?? '';
    return `@${name}`;
  }
  if (!label || target.endsWith(label) || label === target) return target.replace(/^mailto:/, '');
  return /^https?:/.test(target) ? `${label} (${target})` : label;
}
