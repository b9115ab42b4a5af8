// `paperbot chat` as a full platform: the console adapter over the app's BotCore, plus digests
// posted into the terminal now (`--digest`, the `digest` line) and on the console channel's
// schedule while the chat runs. Posted digests are numbered, so `#n question` and `#n +1` work.
import type { App } from '../main.js';
import { newSubscription, subscriptionDefaults } from '../new-subscription.js';
import { createConsoleAdapter, runConsoleChat as runConsole, type ConsoleAdapter } from '../../adapters/console/index.js';
import { prepareDigest } from '../digest/prepare-digest.js';
import { postDigest } from '../digest/post-digest.js';
import { digestRunKey, loadRun } from '../digest/run-state.js';
import { createChannelRunner, createScheduler, createStoreLocks, digestLockName } from '../scheduler/index.js';
import { localDate, sinceDate } from '../scheduler/schedule.js';
import { errorMessage } from '../errors.js';

/** Streams the console chat talks over. */
export interface ConsoleChatIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
}

/** Options of runConsoleChatPlatform. */
export interface ConsoleChatOptions {
  /** Post today's digest before reading the first line (`paperbot chat --digest`). */
  digestNow?: boolean;
}

/**
 * Posts today's digest (in the channel's zone) for the console channel: its subscription's
 * settings, or the configured defaults. Exactly once per day like every channel, unless `again`:
 * then a day already posted is posted once more with the same papers (the channel has seen them,
 * so a fresh digest would skip them). Resolves with a one-line status for the user.
 */
export async function postConsoleDigest(app: App, adapter: ConsoleAdapter, again: boolean): Promise<string> {
  const channel = adapter.channel;
  const sub = (await app.store.getSubscription(channel.key)) ?? newSubscription(channel, subscriptionDefaults(app.config), { now: app.clock.now() });
  const date = localDate(app.clock.now(), sub.schedule.tz);
  const lock = await createStoreLocks(app.store.kv).acquire(digestLockName(channel.key, date));
  if (!lock) return `(the ${date} digest is being posted right now)`;
  try {
    const earlier = await loadRun(app.store.kv, channel.key, date);
    if (earlier?.status === 'done' && !again) return `(the ${date} digest was already posted here; \`digest again\` posts it once more)`;
    const repost = earlier?.status === 'done' && earlier.digest && earlier.total > 0 ? earlier.digest : undefined;
    if (earlier?.status === 'done') await app.store.kv.delete(digestRunKey(channel.key, date));
    const digest = repost ?? (await prepareDigest(app.digestDeps, sub, { date, since: sinceDate(sub) }));
    const result = await postDigest({ store: app.store, adapter, sub, digest, logger: app.logger, clock: app.clock, canContinue: () => lock.isHeld() });
    switch (result.status) {
      case 'done':
      case 'already-done':
        return `(posted the ${date} digest: \`#1 …\` asks about paper 1, \`#1 +1\` votes)`;
      case 'silenced':
        return `(nothing new on ${date}, and quiet is on: nothing posted)`;
      case 'sources-failed':
        return `(every source failed for ${date}; \`digest\` again once they answer)`;
      default:
        return `(the ${date} digest stopped: ${result.reason ?? result.status})`;
    }
  } catch (err) {
    return `(could not post the ${date} digest: ${errorMessage(err)})`;
  } finally {
    await lock.release().catch(() => undefined);
  }
}

/**
 * Runs `paperbot chat` until the input ends or the user quits: commands, thread questions and votes
 * as on Slack and Discord, the `digest` line, and the console channel's scheduled digests (a
 * scheduler that runs console subscriptions only, so a shared store's chat channels are left to serve).
 */
export async function runConsoleChatPlatform(app: App, io: ConsoleChatIo, options: ConsoleChatOptions = {}): Promise<void> {
  let settle!: () => void;
  const ready = new Promise<void>((resolve) => (settle = resolve));
  const adapter: ConsoleAdapter = createConsoleAdapter({
    input: io.stdin,
    output: io.stdout,
    userTz: app.config.tz,
    color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR,
    postDigestNow: (again) => postConsoleDigest(app, adapter, again),
    ready,
    logger: app.logger,
  });
  const runChannel = createChannelRunner({
    store: app.store,
    adapterFor: (platform) => (platform === adapter.platform ? adapter : undefined),
    prepare: (sub, o) => prepareDigest(app.digestDeps, sub, o),
    clock: app.clock,
    logger: app.logger,
  });
  const scheduler = createScheduler({ store: app.store, clock: app.clock, logger: app.logger, runChannel, options: { platforms: [adapter.platform] } });
  const chat = runConsole(app.core, adapter);
  try {
    // Before the first line is answered: a digest due (or asked for) is on screen for `#n` lines.
    await scheduler.start();
    if (options.digestNow) io.stdout.write(`${await postConsoleDigest(app, adapter, false)}\n\n`);
  } catch (err) {
    await adapter.stop();
    await scheduler.stop();
    throw err;
  } finally {
    settle();
  }
  try {
    await chat;
  } finally {
    await scheduler.stop();
  }
}
