// Serve's corpus feed: every source any channel (or the configuration) uses is fetched into the
// corpus at start and then on its own rhythm, whether or not any channel is subscribed, so search,
// ask and autocomplete know today's papers and digests read their candidates from the corpus.
import type { Clock, Logger } from '../ports.js';
import type { BotStore } from '../ports.js';
import { errorMessage } from '../errors.js';
import { localDate } from '../dates.js';
import { loadSourceStatuses, type SourceStatus } from '../digest/source-status.js';
import { nextFetchAt } from './source-rhythm.js';

/** Days of a date-addressable source (HF Daily Papers) fetched at start when serve was away. */
export const BACKFILL_DAYS = 7;

/** YYYY-MM-DD `days` before `date`. */
function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/**
 * The dates to fetch `name` for at start, oldest first, ending today: for HF (whose listings are
 * addressed by date) the days since its last successful date, at most BACKFILL_DAYS, so weekly
 * digests and the 7-day backfill find the whole week even after downtime; today for the others.
 */
export function startDates(name: string, status: SourceStatus, today: string): string[] {
  if (name !== 'hf') return [today];
  const earliest = daysBefore(today, BACKFILL_DAYS - 1);
  const from = status.lastSuccessDate && status.lastSuccessDate > earliest ? status.lastSuccessDate : earliest;
  const dates: string[] = [];
  for (let d = from; d <= today; d = daysBefore(d, -1)) dates.push(d);
  return dates;
}

/** What the feed needs. */
export interface CorpusFeedDeps {
  store: BotStore;
  clock: Clock;
  logger: Logger;
  /** Source names from the configuration (PAPERBOT_SOURCES). */
  defaultSources: string[];
  /** Zone of the listing date asked for (PAPERBOT_TZ). */
  tz: string;
  /** Fetches the sources for a date into the corpus (prepare-digest's ingest, under the source locks). */
  ingest(sources: string[], date: string): Promise<{ failedSources: string[] }>;
  /** Milliseconds between ticks (default one minute). */
  tickMs?: number;
}

/** One source's line on /healthz. */
export interface SourceHealth {
  lastSuccessAt?: string;
  lastFailureAt?: string;
  lastError?: string;
  failures: number;
  /** When the feed fetches it next. */
  nextFetchAt: string;
}

/** A running feed. */
export interface CorpusFeed {
  /** Fetches every source once now (resolves when done), then keeps ticking. */
  start(): Promise<void>;
  /** Fetches the sources that are due now; resolves with their names once fetched. */
  tick(): Promise<string[]>;
  /** Every fed source's health, by name. */
  health(): Promise<Record<string, SourceHealth>>;
  /** Stops ticking and waits for a fetch in flight; safe to call twice. */
  stop(): Promise<void>;
}

/** Builds the feed; nothing runs until start() (or tick() in tests). */
export function createCorpusFeed(deps: CorpusFeedDeps): CorpusFeed {
  const log = deps.logger.child({ component: 'feed' });
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<string[]> | undefined;
  let stopped = false;

  async function sourceNames(): Promise<string[]> {
    const names = new Set(deps.defaultSources);
    for (const sub of await deps.store.listSubscriptions()) for (const s of sub.sources) names.add(s);
    return [...names];
  }

  async function dueNow(atStart: boolean): Promise<string[]> {
    const names = await sourceNames();
    if (atStart) return names;
    const now = deps.clock.now();
    const statuses = await loadSourceStatuses(deps.store.kv, names);
    return names.filter((name, i) => nextFetchAt(name, statuses[i]!, now) <= now.getTime());
  }

  async function fetchDue(atStart: boolean): Promise<string[]> {
    const due = await dueNow(atStart);
    if (due.length === 0 || stopped) return [];
    const today = localDate(deps.clock.now(), deps.tz);
    const statuses = atStart ? await loadSourceStatuses(deps.store.kv, due) : [];
    log.info('fetching sources into the corpus', { sources: due, date: today });
    // One ingest per source: a slow or failing source never holds the others back.
    await Promise.allSettled(
      due.map(async (name, i) => {
        const dates = atStart ? startDates(name, statuses[i]!, today) : [today];
        for (const date of dates) {
          if (stopped) return;
          // A failing source stops its backfill here: one failure per round, retried on its back-off.
          const ok = await deps.ingest([name], date).then(
            (r) => r.failedSources.length === 0,
            (err: unknown) => (log.error('source ingest failed', { source: name, date, error: errorMessage(err) }), false),
          );
          if (!ok) return;
        }
      }),
    );
    return due;
  }

  function run(atStart: boolean): Promise<string[]> {
    // Ticks never overlap: a tick while a fetch is running waits its turn by skipping.
    if (inFlight) return inFlight.then(() => []);
    inFlight = fetchDue(atStart)
      .catch((err: unknown) => {
        log.error('feed tick failed', { error: errorMessage(err) });
        return [];
      })
      .finally(() => (inFlight = undefined));
    return inFlight;
  }

  return {
    async start() {
      if (timer || stopped) return;
      await run(true);
      if (stopped) return;
      timer = setInterval(() => void run(false), deps.tickMs ?? 60_000);
      timer.unref();
    },
    tick: () => run(false),
    async health() {
      const names = await sourceNames();
      const statuses = await loadSourceStatuses(deps.store.kv, names);
      const now = deps.clock.now();
      return Object.fromEntries(names.map((name, i) => [name, healthOf(name, statuses[i]!, now)]));
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await inFlight;
    },
  };
}

function healthOf(name: string, status: SourceStatus, now: Date): SourceHealth {
  const out: SourceHealth = { failures: status.failures, nextFetchAt: new Date(nextFetchAt(name, status, now)).toISOString() };
  if (status.lastSuccessAt) out.lastSuccessAt = status.lastSuccessAt;
  if (status.lastFailureAt) out.lastFailureAt = status.lastFailureAt;
  if (status.lastError) out.lastError = status.lastError;
  return out;
}
