// Small builders shared by the store tests.
import type { Logger } from '../../src/ports.js';
import type { Paper, Subscription } from '../../src/types.js';

/** A minimal valid paper; `over` replaces fields. */
export function makePaper(id: string, over: Partial<Paper> = {}): Paper {
  return {
    id,
    title: `Title of ${id}`,
    abstract: `Abstract of ${id}.`,
    authors: ['Ada Lovelace'],
    categories: ['cs.LG'],
    links: { abs: `https://arxiv.org/abs/${id}` },
    signals: {},
    sources: ['hf'],
    listedOn: '2026-06-12',
    ...over,
  };
}

/** A subscription for a channel key like "slack:C1". */
export function makeSubscription(channelKey: string, over: Partial<Subscription> = {}): Subscription {
  const [platform, channelId] = channelKey.split(':') as ['slack', string];
  return {
    channel: { platform, channelId, key: channelKey },
    interests: 'language models',
    include: [],
    exclude: [],
    follow: [],
    sources: [],
    size: 5,
    threshold: 0.1,
    schedule: { time: '09:00', tz: 'UTC', days: [1, 2, 3, 4, 5] },
    paused: false,
    quietDayNote: true,
    createdAt: '2026-06-01T00:00:00.000Z',
    ...over,
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A Logger that keeps every line for assertions. */
export function recordingLogger(): Logger & { lines: Array<{ level: string; msg: string; fields?: object }> } {
  const lines: Array<{ level: string; msg: string; fields?: object }> = [];
  const make = (bound: object): Logger => ({
    debug: (msg, fields) => lines.push({ level: 'debug', msg, fields: { ...bound, ...fields } }),
    info: (msg, fields) => lines.push({ level: 'info', msg, fields: { ...bound, ...fields } }),
    warn: (msg, fields) => lines.push({ level: 'warn', msg, fields: { ...bound, ...fields } }),
    error: (msg, fields) => lines.push({ level: 'error', msg, fields: { ...bound, ...fields } }),
    child: (fields) => make({ ...bound, ...fields }),
  });
  return Object.assign(make({}), { lines });
}
