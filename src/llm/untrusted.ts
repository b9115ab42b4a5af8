// Untrusted text (paper titles/abstracts, interests, questions, thread turns) goes into prompts
// only inside delimited blocks of the user message. Anything inside that looks like one of our
// delimiters is neutralized, so a paper cannot close its own block and pose as instructions.
import type { Paper } from '../types.js';

/** Tag names paperbot uses to delimit data in prompts. */
export const BLOCK_TAGS = ['paper', 'interests', 'question', 'history', 'turn', 'papers', 'digest', 'evidence', 'summary'] as const;

/** A block tag name. */
export type BlockTag = (typeof BLOCK_TAGS)[number];

const TAG_LIKE = new RegExp(`<(\\s*/?\\s*)(${BLOCK_TAGS.join('|')})\\b`, 'giu');
/**
 * Chat-template control tokens some models honour even inside data (`<|im_start|>`,
 * `<|eot_id|>`, `[INST]`, `<<SYS>>`, `<start_of_turn>`, `</s>`).
 */
const TEMPLATE_TOKENS = /<\|[^|<>\s]{1,40}\|>|\[\/?INST\]|<<\/?SYS>>|<\/?(?:s|start_of_turn|end_of_turn)>/giu;

/**
 * Makes untrusted text safe to put inside a block: any `<paper`, `</paper`, `<question`, … (our
 * delimiters, any case, with spaces) gets its `<` replaced by `‹`, so the text cannot open or
 * close a block, and chat-template tokens (`<|im_start|>`, `[INST]`, …) lose their brackets
 * (`‹|im_start|›`, `‹INST›`, `‹SYS›`). Everything else is kept as is.
 */
export function neutralize(text: string): string {
  return text
    .replace(TEMPLATE_TOKENS, (token) => `‹${token.replace(/^[<[]+|[>\]]+$/g, '')}›`)
    .replace(TAG_LIKE, '‹$1$2');
}

function attr(value: string): string {
  return neutralize(value).replace(/[&"<>]/g, (ch) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[ch]!);
}

/** `<tag a="…">\ntext\n</tag>` with the text neutralized and attributes escaped. */
export function block(tag: BlockTag, text: string, attrs: Record<string, string | number> = {}): string {
  const attrText = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${attr(String(v))}"`)
    .join('');
  return `<${tag}${attrText}>\n${neutralize(text.trim())}\n</${tag}>`;
}

/** Cuts text to at most `max` characters on a word boundary, marking the cut with "…". */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.7 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** What a paper block shows. */
export interface PaperBlockOptions {
  /** Citation number, shown as n="…" (answers, ask). */
  n?: number;
  /** Longest abstract kept (default: whole abstract). */
  maxAbstractChars?: number;
  /** A TL;DR to show under the abstract. */
  tldr?: string;
  /** How many authors to list (default 6; 0 hides them). */
  authors?: number;
}

/**
 * One paper as a delimited block of the user message: `<paper id="…">` with title, authors,
 * abstract (optionally clipped) and TL;DR. The paper's text cannot escape the block.
 */
export function paperBlock(paper: Paper, options: PaperBlockOptions = {}): string {
  const lines = [`Title: ${paper.title}`];
  const authorCount = options.authors ?? 6;
  if (authorCount > 0 && paper.authors.length) {
    const shown = paper.authors.slice(0, authorCount).join(', ');
    lines.push(`Authors: ${shown}${paper.authors.length > authorCount ? ', et al.' : ''}`);
  }
  const abstract = options.maxAbstractChars ? clip(paper.abstract, options.maxAbstractChars) : paper.abstract;
  lines.push(`Abstract: ${abstract}`);
  if (options.tldr) lines.push(`TL;DR: ${options.tldr}`);
  const attrs: Record<string, string | number> = options.n !== undefined ? { n: options.n, id: paper.id } : { id: paper.id };
  return block('paper', lines.join('\n'), attrs);
}

/** Links (scheme, www., or a bare domain with a path) and chat mentions (@user, <@U1>, <!channel>, <#C1>, @everyone). */
const LINK_OR_MENTION =
  /\b(?:https?|ftp):\/\/|\bwww\.|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|ai|co|ly|gg|xyz|me|app|dev)\b|<[@#!][^>]*>|(?:^|[\s(])@[A-Za-z0-9_.-]+/iu;

/**
 * True when model-written text (a TL;DR, a judge's reason) carries a link or a mention. Such text
 * is never cached or broadcast: a paper could have steered the model into writing it.
 */
export function carriesLinkOrMention(text: string): boolean {
  return LINK_OR_MENTION.test(text);
}
