// `paperbot digest --post slack:<id>|discord:<id>`: one channel's digest, posted now.
import type { Config } from '../types.js';
import { createChatAdapter } from '../main.js';
import { newSubscription, subscriptionDefaults } from '../new-subscription.js';
import { parseChannelTarget } from '../platforms.js';
import { prepareDigest } from '../digest/prepare-digest.js';
import { postDigest } from '../digest/post-digest.js';
import { sinceDate } from '../scheduler/schedule.js';
import { localDate } from '../dates.js';
import { systemClock } from '../clock.js';
import { withApp, type CliIo } from './io.js';
import { checkCliSources } from './check-sources.js';
import { withOverrides, type DigestOverrides } from './digest-overrides.js';
import { createStoreLocks, digestLockName, waitForLock } from '../scheduler/lock.js';
import { digestRunKey, loadRun } from '../digest/run-state.js';

/**
 * How long `digest --post` waits for another process (a second CLI call, `serve`'s scheduler,
 * another instance) that is posting the same channel and date before giving up.
 */
export const POST_LOCK_WAIT_MS = 20_000;

/** What `digest --post` was asked for; unset flags fall back to the channel's subscription. */
export interface PostFlags extends DigestOverrides {
  target: string;
  /** Explicit --date; default: today in the channel's zone. */
  date?: string;
  /** --force: post again a day this channel already got (e.g. after a test post). */
  force?: boolean;
}

/**
 * Builds the channel's digest (its stored subscription's settings, overridden by flags) and posts
 * it exactly once for its date: a second call the same day reports the earlier post. It takes the
 * same per-(channel, date) lock as the scheduler and resumes the same run state; while another
 * process holds the lock it waits up to POST_LOCK_WAIT_MS, then reports "already being posted by
 * another process". Resolves with the exit code: 0 posted (or already posted, by anyone), 1 when
 * the channel is unavailable, a post failed, every source failed (the day then stays open: running
 * it again posts the papers), or the other process had not finished in time.
 */
export async function postDigestCommand(io: CliIo, config: Readonly<Config>, flags: PostFlags): Promise<number> {
  const { platform, channel } = parseChannelTarget(flags.target, '--post');
  return withApp(
    io,
    config,
    async (app) => {
      const adapter = await createChatAdapter(app, platform, {
        terminal: { input: io.stdin, output: io.stdout, color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR },
      });
      const stored = await app.store.getSubscription(channel.key);
      const sub = withOverrides(stored ?? newSubscription(channel, subscriptionDefaults(config), { now: app.clock.now() }), flags);
      if (stored?.paused) io.stderr.write(`note: ${channel.key} is paused${stored.pausedReason ? ` (${stored.pausedReason})` : ''}; posting anyway because you asked\n`);
      const date = flags.date ?? localDate(systemClock.now(), sub.schedule.tz);
      const locks = createStoreLocks(app.store.kv);
      const wait = await waitForLock(locks, digestLockName(channel.key, date), {
        waitMs: POST_LOCK_WAIT_MS,
        isFinished: async () => (await loadRun(app.store.kv, channel.key, date))?.status === 'done',
      });
      if (wait.kind !== 'acquired') {
        await adapter.stop();
        if (wait.kind === 'finished') {
          io.stdout.write(`The ${date} digest for ${channel.key} was already being posted by another process; it is posted now, nothing posted again.\n`);
          return 0;
        }
        io.stderr.write(`paperbot: the ${date} digest for ${channel.key} is already being posted by another process; nothing posted. Run the same command again later to check or resume.\n`);
        return 1;
      }
      const lock = wait.lock;
      try {
        await checkCliSources(app, sub.sources.length ? sub.sources : config.sources, date);
        const earlier = flags.force ? await loadRun(app.store.kv, channel.key, date) : undefined;
        // The channel has seen the papers it got, so a fresh digest would skip them: --force posts the same plan again.
        const repost = earlier?.status === 'done' && earlier.digest && earlier.total > 0 ? earlier.digest : undefined;
        if (earlier?.status === 'done') {
          await app.store.kv.delete(digestRunKey(channel.key, date));
          io.stderr.write(`note: --force: posting the ${date} digest for ${channel.key} again${repost ? ` (the same ${earlier.total} message(s) as before)` : ''}\n`);
        }
        const digest = repost ?? (await prepareDigest(app.digestDeps, sub, { date, since: sinceDate(sub) }));
        const result = await postDigest({
          store: app.store,
          adapter,
          sub,
          digest,
          logger: app.logger,
          clock: systemClock,
          canContinue: () => lock.isHeld(),
        });
        switch (result.status) {
          case 'done':
            io.stdout.write(`Posted the ${date} digest to ${channel.key}: ${result.postedNow} message(s)${result.resumed ? ` (resumed; ${result.posted}/${result.total} in all)` : ''}.\n`);
            return 0;
          case 'already-done':
            io.stdout.write(`The ${date} digest for ${channel.key} was already posted (${result.total} message(s)); nothing posted again (add --force to post it again).\n`);
            return 0;
          case 'silenced':
            io.stdout.write(`Nothing new for ${channel.key} on ${date}, and quiet is on there: nothing posted.\n`);
            return 0;
          case 'paused':
            io.stderr.write(`paperbot: ${channel.key} is unavailable (${result.reason}); its subscription is paused.\n`);
            return 1;
          case 'sources-failed':
            io.stderr.write(
              `paperbot: every source failed for ${date}; ${result.postedNow ? 'the channel was told and ' : ''}nothing else was posted. The day stays open: run the same command again once the sources answer.\n`,
            );
            return 1;
          case 'stopped':
            io.stderr.write(`paperbot: posting to ${channel.key} stopped after ${result.posted}/${result.total} message(s): ${result.reason}. Run the same command again to resume.\n`);
            return 1;
        }
      } finally {
        await lock.release().catch(() => undefined);
        await adapter.stop();
      }
    },
    { defaultLogLevel: 'warn' },
  );
}
