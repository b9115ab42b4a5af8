import { DateTime } from 'luxon';
import type { Command, CommandContext } from './command.js';
import type { Outbound, Subscription } from '../types.js';
import { channelProfile } from '../rank/channel-profile.js';
import { rankWithCorpus } from '../rank/rank-with-corpus.js';
import { isShowable } from '../digest/build-digest.js';
import { localDate } from '../dates.js';
import { newSubscription } from '../new-subscription.js';
import { paperCard } from './paper-card.js';
import { textReply } from './replies.js';

/** Days `weekly` looks back over, the channel's today included. */
export const WEEK_DAYS = 7;
/** What a card of a paper this channel was already shown says before its rank reason. */
export const POSTED_HERE = 'already posted here';

/** Ranks the corpus's papers of the week for `sub` as its digest would, posted ones marked. */
async function bestOfWeek(ctx: CommandContext, sub: Subscription): Promise<Outbound> {
  const { corpus, store } = ctx.deps;
  const until = localDate(ctx.now, sub.schedule.tz);
  const since = DateTime.fromISO(until, { zone: 'utc' }).minus({ days: WEEK_DAYS - 1 }).toISODate()!;
  const week = await corpus.papersListedBetween(since, until);
  if (week.length === 0) {
    return textReply(`No stored paper was listed from ${since} to ${until}, so there is no week to rank yet: papers are stored as digests (or \`paperbot ingest\`) fetch them.`, true);
  }
  const profile = await channelProfile(sub, { store, corpus });
  const ranked = await rankWithCorpus(week, profile, { corpus, logger: ctx.log }, { now: ctx.now });
  const best = ranked.filter((r) => isShowable(r, sub.threshold)).slice(0, sub.size);
  if (best.length === 0) {
    return textReply(
      `None of the ${week.length} papers listed from ${since} to ${until} matched this channel's interests at its threshold (${sub.threshold}). \`/papers settings\` shows them.`,
      true,
    );
  }
  const posted = await store.seenPaperIds(sub.channel.key);
  const items = best.map((r) => ({
    ...paperCard(r.paper, { score: r.score }),
    why: posted.has(r.paper.id) ? [POSTED_HERE, r.why].filter(Boolean).join(' · ') : r.why,
  }));
  const postedCount = items.filter((i) => posted.has(i.paper.id)).length;
  const footer = [`${week.length} papers listed from ${since} to ${until}, the best ${items.length}`, postedCount ? `${postedCount} ${POSTED_HERE}` : '']
    .filter(Boolean)
    .join(' · ');
  return { kind: 'papers', title: `Best of the week for this channel (${since} – ${until})`, items, footer, ephemeral: true };
}

/**
 * `weekly`: the channel's best papers of the past 7 days from the corpus, ranked like its digest
 * (interests, votes, example papers; the digest's threshold and size), papers it was already
 * shown marked rather than hidden. Unsubscribed channels are ranked with the default settings.
 */
export const weekly: Command = {
  name: 'weekly',
  usage: 'weekly',
  example: 'weekly',
  description: "this channel's best papers of the past 7 days, ranked like its digest (only you see it)",
  adminOnly: false,
  private: true,
  slow: true,
  // Ranks a whole week: counted and pooled with the other expensive work (today, ask).
  expensive: true,
  needsSubscription: false,
  run(ctx) {
    return bestOfWeek(ctx, ctx.sub ?? newSubscription(ctx.cmd.channel, ctx.deps.defaults, { now: ctx.now }));
  },
};
