// Use case: build one channel's digest for a day, without posting it.
import type { BotStore, Clock, Logger, ModelStages, PaperCorpus, PaperSource } from '../ports.js';
import type { Digest, DigestNote, Paper, Subscription } from '../types.js';
import { mergePapers } from '../sources/merge.js';
import { channelProfile } from '../rank/channel-profile.js';
import { rankWithCorpus } from '../rank/rank-with-corpus.js';
import { buildDigest, isShowable } from './build-digest.js';
import { ingest } from './ingest.js';

export { ingest, type IngestResult } from './ingest.js';

/** Longest backfill window: a channel paused for a month gets the last week, not a month. */
const MAX_BACKFILL_DAYS = 7;

/** What prepareDigest needs. Everything is a port, so tests build it from fakes. */
export interface DigestDeps {
  /** Bot state (seen-sets, feedback, source status). */
  store: BotStore;
  /** The papers: fetched ones are stored here, candidates are read from here. */
  corpus: PaperCorpus;
  /**
   * Takes the cross-instance lock of one source's fetch, or resolves undefined when another
   * process is fetching it right now (serve passes one; without it every call fetches).
   */
  sourceLock?(name: string): Promise<{ release(): Promise<void> } | undefined>;
  /** Returns the source instance for a name (throws InputError on unknown names). */
  sourceFor(name: string): PaperSource;
  defaultSources: string[];
  clock: Clock;
  logger: Logger;
  models?: ModelStages;
  /** Builds fresh model stages for each run (used when `models` is absent). */
  newModelStages?(): ModelStages;
  /** Why a date has no announcements (weekend, holiday), or undefined on a normal day. */
  quietReason?(date: string): string | undefined;
  /** Progress lines for a terminal (stderr). */
  onProgress?(message: string): void;
}

/** Options of one digest preparation. */
export interface PrepareOptions {
  /** The channel's local date, YYYY-MM-DD. */
  date: string;
  /** Papers listed on or after this date (the last successful digest) are eligible too. */
  since?: string;
  /** Skip fetching (use stored papers only). */
  offline?: boolean;
  /** Stored papers listed after this date are left out (a digest for a past day). Default: no bound. */
  until?: string;
}

function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/**
 * Builds the digest a channel would get for `date`: fetch its sources (failures become notes),
 * merge duplicates, keep papers this channel has not seen (including backfill since its last
 * digest), rank for its interests and feedback, then threshold, cap and TL;DRs.
 */
export async function prepareDigest(deps: DigestDeps, sub: Subscription, options: PrepareOptions): Promise<Digest> {
  const channelKey = sub.channel.key;
  const log = deps.logger.child({ channel: channelKey, date: options.date });
  const models = deps.models ?? deps.newModelStages?.();
  const sourceNames = sub.sources.length ? sub.sources : deps.defaultSources;
  const notes: DigestNote[] = [];
  let fetched: Paper[] = [];
  let allSourcesFailed = false;
  if (!options.offline) {
    const result = await ingest(deps, sourceNames, options.date);
    fetched = result.papers;
    notes.push(...result.notes);
    allSourcesFailed = result.allFailed;
  }
  if (allSourcesFailed) {
    // Nothing is ranked or summarized: the day stays open and a retry that fetches posts its papers.
    notes.push({ kind: 'source-failed', text: 'All sources failed; will retry: this day\'s papers are posted once a fetch succeeds.' });
    const digest = buildDigest({ date: options.date, channelKey, interests: sub.interests, ranked: [], size: sub.size, threshold: sub.threshold, notes });
    log.warn('every source failed; the digest holds only its notes', { sources: sourceNames });
    return { ...digest, allSourcesFailed: true };
  }

  const earliest = daysBefore(options.date, MAX_BACKFILL_DAYS);
  const since = options.since && options.since > earliest ? options.since : undefined;
  const stored = await deps.corpus.papersListedBetween(since ?? options.date, options.until);
  const candidates = mergePapers([...fetched, ...stored]);
  const seen = await deps.store.seenPaperIds(channelKey);
  const fresh = candidates.filter((p) => !seen.has(p.id));
  if (since && stored.length > 0 && since < options.date) {
    notes.push({ kind: 'backfill', text: `Includes papers since the last digest on ${since}.` });
  }

  const profile = await channelProfile(sub, deps);
  let ranked = await rankWithCorpus(fresh, profile, deps, { now: deps.clock.now() });
  deps.onProgress?.(`ranked ${ranked.length} new papers for ${channelKey}`);
  if (models?.rerank && ranked.length > 0) {
    const judged = await models.rerank(ranked, profile, { channelKey, date: options.date });
    ranked = judged.ranked;
    notes.push(...judged.notes);
  }

  const shownIds = ranked.filter((r) => isShowable(r, sub.threshold)).slice(0, sub.size);
  let summaries: Map<string, string> | undefined;
  let themes: string | undefined;
  if (models?.summarize && shownIds.length > 0) {
    const s = await models.summarize(shownIds.map((r) => r.paper));
    summaries = s.summaries;
    themes = s.themes;
    notes.push(...s.notes);
    deps.onProgress?.(`summaries ready for ${s.summaries.size} papers`);
  }
  const quietReason = deps.quietReason?.(options.date);
  const digest = buildDigest({
    date: options.date,
    channelKey,
    interests: sub.interests,
    ranked,
    size: sub.size,
    threshold: sub.threshold,
    notes,
    summaries,
    themes,
    tokens: models?.tokens?.(),
    quietReason,
  });
  log.info('digest prepared', { totalNew: digest.totalNew, shown: digest.items.length, notes: digest.notes.length });
  return digest;
}
