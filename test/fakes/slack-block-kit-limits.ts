// What Slack checks before it accepts a message, written from the Block Kit reference
// (docs.slack.dev/reference/block-kit) independently of the adapter's renderer, plus the
// undocumented ~13.2k total that returns msg_blocks_too_long (slackapi/bolt-js#2509).

/** Slack's error string for a message it would refuse, or undefined when it would accept it. */
export type SlackMessageError = 'no_text' | 'msg_too_long' | 'invalid_blocks' | 'invalid_blocks_format' | 'msg_blocks_too_long';

/** The total of text characters over all blocks above which Slack answers msg_blocks_too_long. */
export const UNDOCUMENTED_TOTAL_LIMIT = 13_000;

/** Why a message was refused: the error and a human-readable detail for test failures. */
export interface Refusal {
  error: SlackMessageError;
  detail: string;
}

type Obj = Record<string, unknown>;

class Invalid extends Error {}

function fail(detail: string): never {
  throw new Invalid(detail);
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown, what: string, min: number, max: number): string {
  if (typeof v !== 'string') fail(`${what} must be a string`);
  if (v.length < min || v.length > max) fail(`${what} length ${v.length} outside ${min}..${max}`);
  return v;
}

function url(v: unknown, what: string): void {
  const s = str(v, what, 1, 3000);
  if (!/^https?:\/\//.test(s)) fail(`${what} must be http(s): ${s}`);
}

/** Counts text characters towards the undocumented total. */
interface Counter {
  total: number;
  images: string[];
}

function textObject(v: unknown, what: string, max: number, c: Counter, kinds: string[] = ['plain_text', 'mrkdwn']): void {
  if (!isObj(v)) fail(`${what} must be a text object`);
  if (typeof v.type !== 'string' || !kinds.includes(v.type)) fail(`${what}.type must be one of ${kinds.join('/')}`);
  const text = str(v.text, `${what}.text`, 1, max);
  if (v.type === 'mrkdwn' && 'emoji' in v) fail(`${what}: emoji is only valid on plain_text`);
  c.total += text.length;
}

function element(v: unknown, what: string, c: Counter): void {
  if (!isObj(v)) fail(`${what} must be an object`);
  switch (v.type) {
    case 'image':
      url(v.image_url, `${what}.image_url`);
      str(v.alt_text, `${what}.alt_text`, 1, 2000);
      c.total += (v.alt_text as string).length;
      c.images.push(v.image_url as string);
      return;
    case 'button':
      textObject(v.text, `${what}.text`, 75, c, ['plain_text']);
      if (v.action_id !== undefined) str(v.action_id, `${what}.action_id`, 1, 255);
      if (v.value !== undefined) str(v.value, `${what}.value`, 0, 2000);
      if (v.url !== undefined) url(v.url, `${what}.url`);
      if (v.style !== undefined && v.style !== 'primary' && v.style !== 'danger') fail(`${what}.style invalid`);
      return;
    default:
      fail(`${what}.type ${String(v.type)} not supported by this fake`);
  }
}

function block(b: unknown, i: number, c: Counter): void {
  const what = `blocks[${i}]`;
  if (!isObj(b)) fail(`${what} must be an object`);
  if (b.block_id !== undefined) str(b.block_id, `${what}.block_id`, 1, 255);
  switch (b.type) {
    case 'section':
      if (b.text === undefined && b.fields === undefined) fail(`${what}: section needs text or fields`);
      if (b.text !== undefined) textObject(b.text, `${what}.text`, 3000, c);
      if (b.fields !== undefined) {
        if (!Array.isArray(b.fields) || b.fields.length > 10) fail(`${what}.fields: at most 10`);
        b.fields.forEach((f, j) => textObject(f, `${what}.fields[${j}]`, 2000, c));
      }
      if (b.accessory !== undefined) element(b.accessory, `${what}.accessory`, c);
      return;
    case 'header':
      textObject(b.text, `${what}.text`, 150, c, ['plain_text']);
      return;
    case 'context': {
      if (!Array.isArray(b.elements) || b.elements.length < 1 || b.elements.length > 10) fail(`${what}.elements: 1..10`);
      b.elements.forEach((e, j) => {
        if (isObj(e) && e.type === 'image') element(e, `${what}.elements[${j}]`, c);
        else textObject(e, `${what}.elements[${j}]`, 3000, c);
      });
      return;
    }
    case 'actions':
      if (!Array.isArray(b.elements) || b.elements.length < 1 || b.elements.length > 25) fail(`${what}.elements: 1..25`);
      b.elements.forEach((e, j) => element(e, `${what}.elements[${j}]`, c));
      return;
    case 'divider':
      return;
    case 'image':
      url(b.image_url, `${what}.image_url`);
      str(b.alt_text, `${what}.alt_text`, 1, 2000);
      c.images.push(b.image_url as string);
      return;
    default:
      fail(`${what}.type ${String(b.type)} not supported by this fake`);
  }
}

/**
 * Checks a chat.postMessage-like payload (`text`, `blocks` as an array or a JSON string).
 * `brokenImage(url)` simulates Slack failing to download an image ("downloading image failed").
 */
export function checkSlackMessage(params: { text?: unknown; blocks?: unknown }, brokenImage: (url: string) => boolean = () => false): Refusal | undefined {
  let blocks = params.blocks;
  if (typeof blocks === 'string') {
    try {
      blocks = JSON.parse(blocks);
    } catch {
      return { error: 'invalid_blocks_format', detail: 'blocks is not JSON' };
    }
  }
  const text = typeof params.text === 'string' ? params.text : '';
  if (text.length > 40_000) return { error: 'msg_too_long', detail: `text has ${text.length} characters` };
  if (blocks === undefined) return text.trim() === '' ? { error: 'no_text', detail: 'no text and no blocks' } : undefined;
  if (!Array.isArray(blocks)) return { error: 'invalid_blocks_format', detail: 'blocks is not an array' };
  if (blocks.length > 50) return { error: 'invalid_blocks', detail: `${blocks.length} blocks (max 50)` };
  const c: Counter = { total: 0, images: [] };
  try {
    blocks.forEach((b, i) => block(b, i, c));
  } catch (err) {
    if (err instanceof Invalid) return { error: 'invalid_blocks', detail: err.message };
    throw err;
  }
  const broken = c.images.find(brokenImage);
  if (broken) return { error: 'invalid_blocks', detail: `downloading image failed: ${broken}` };
  if (c.total > UNDOCUMENTED_TOTAL_LIMIT) return { error: 'msg_blocks_too_long', detail: `${c.total} text characters in blocks` };
  return undefined;
}
