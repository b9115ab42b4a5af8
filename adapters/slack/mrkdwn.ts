// Slack mrkdwn helpers. Slack reads `<…>` as control sequences (`<!channel>`, `<@U123>`,
// `<url|label>`), so every piece of untrusted text is escaped (`&`, `<`, `>` and only those)
// before it is put into `text` or a mrkdwn object, and truncation never cuts an entity or a link.

const ELLIPSIS = '…';

/** Escapes Slack's three control characters. The result renders literally and pings nobody. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts `text` to at most `max` UTF-16 units, ending with "…"; never splits a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let cut = max - ELLIPSIS.length;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return text.slice(0, Math.max(0, cut)).trimEnd() + ELLIPSIS;
}

/**
 * Cuts already-built mrkdwn to at most `max` characters, ending with "…". Backs off so that no
 * `<…>` sequence or `&…;` entity is left open (an open `<` could swallow the rest of a message).
 */
export function truncateMrkdwn(mrkdwn: string, max: number): string {
  if (mrkdwn.length <= max) return mrkdwn;
  let head = truncate(mrkdwn, max).slice(0, -ELLIPSIS.length);
  const lt = head.lastIndexOf('<');
  if (lt > head.lastIndexOf('>')) head = head.slice(0, lt);
  head = head.replace(/&[a-z]{0,3}$/i, '');
  return head.trimEnd() + ELLIPSIS;
}

/** Truncates raw untrusted text and escapes it; the result is at most `max` characters. */
export function escapeTruncated(text: string, max: number): string {
  const escaped = escapeMrkdwn(truncate(text, max));
  return truncateMrkdwn(escaped, max);
}

/**
 * An http(s) URL made safe for the url part of `<url|label>`, or undefined for anything else
 * (javascript:, relative paths, whitespace, overlong). `|`, `<`, `>` are percent-encoded and
 * `&` is escaped, as Slack decodes entities inside links.
 */
export function safeLinkUrl(url: string | undefined, max = 2000): string | undefined {
  const plain = safeHttpUrl(url, max);
  return plain?.replace(/[|<>]/g, (c) => encodeURIComponent(c)).replace(/&/g, '&amp;');
}

/** An http(s) URL for JSON fields (image_url, button url), or undefined. */
export function safeHttpUrl(url: string | undefined, max = 2000): string | undefined {
  if (!url) return undefined;
  const trimmed = url.trim();
  if (trimmed.length > max || !/^https?:\/\/\S+$/i.test(trimmed)) return undefined;
  try {
    new URL(trimmed);
  } catch {
    return undefined;
  }
  return trimmed;
}

/** `<url|label>` with the label escaped; just the escaped label when the URL is not http(s). */
export function mrkdwnLink(url: string | undefined, label: string, labelMax = 300): string {
  const safe = safeLinkUrl(url);
  const text = escapeTruncated(label, labelMax) || 'link';
  return safe ? `<${safe}|${text}>` : text;
}

/**
 * The core's neutral markup (`**bold**`, `_italic_`, `` `code` ``, line breaks) as escaped
 * mrkdwn. Text never becomes a link: a `[label](url)` quoted from an abstract, a model answer or
 * a user stays literal (bot-built links travel in structured fields: citations, paper links).
 */
export function neutralToMrkdwn(text: string): string {
  return escapeMrkdwn(text).replace(/\*\*([^*\n]+?)\*\*/g, '*$1*');
}
