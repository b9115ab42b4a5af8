import { Option, type Command } from 'commander';
import { InputError } from '../errors.js';
import { splitList } from '../split-list.js';
import { formatDigest, paperUrl, type DigestFormat } from '../digest/format.js';
import type { Digest } from '../types.js';
import { localDate } from '../dates.js';
import { channelRef } from '../channel-refs.js';
import { systemClock } from '../clock.js';
import { withOverrides } from './digest-overrides.js';
import { pastDayPlan } from './past-day-sources.js';
import { MAX_DIGEST_SIZE, MIN_DIGEST_SIZE } from '../digest/digest-size.js';
import { configFrom, parseDateFlag, parseIntFlag, parseNumberFlag, withApp, type CliIo } from './io.js';

interface DigestFlags {
  sources?: string;
  interests?: string;
  date?: string;
  size?: string;
  threshold?: string;
  format: DigestFormat;
  post?: string;
  force?: boolean;
}

/**
 * The digest as JSON for programs: each item leads with the paper's id, title and link next to
 * its tldr and why (the full paper stays under `paper`).
 */
export function digestJson(digest: Digest): string {
  const items = digest.items.map((item) => ({
    id: item.paper.id,
    title: item.paper.title,
    url: paperUrl(item.paper),
    authors: item.paper.authors,
    ...item,
  }));
  return JSON.stringify({ ...digest, items }, null, 2) + '\n';
}

/** `paperbot digest`: builds today's digest and prints it (or posts it with --post). */
export function registerDigest(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('digest')
    .description("fetch, rank and print today's digest (no chat tokens needed)")
    .option('--sources <list>', 'comma list of sources, e.g. hf,arxiv:cs.LG,file:./papers.json')
    .option('--interests <text>', 'what this digest is for, e.g. "diffusion models, video generation"')
    .option('--date <YYYY-MM-DD>', 'listing day (default: today in PAPERBOT_TZ)')
    .option('--size <n>', `most papers to show, ${MIN_DIGEST_SIZE}-${MAX_DIGEST_SIZE} (default 5)`)
    .option('--threshold <0-1>', 'minimum relevance to show a paper')
    .addOption(new Option('--format <format>', 'text, markdown or json').choices(['text', 'markdown', 'json']).default('text'))
    .option('--post <target>', 'post to a chat channel instead: slack:<channel id>, discord:<channel id> or console:terminal')
    .option('--force', 'with --post: post again a day the channel already got (e.g. after a test post)')
    .action(async (flags: DigestFlags) => {
      const config = await configFrom(io);
      const sources = flags.sources !== undefined ? splitList(flags.sources) : undefined;
      if (sources && sources.length === 0) throw new InputError('--sources: give at least one source, e.g. hf,arxiv:cs.LG');
      const explicitDate = flags.date ? parseDateFlag(flags.date) : undefined;
      const size = flags.size ? parseIntFlag('--size', flags.size, MIN_DIGEST_SIZE, MAX_DIGEST_SIZE) : undefined;
      const threshold = flags.threshold ? parseNumberFlag('--threshold', flags.threshold, 0, 1) : undefined;
      if (flags.force && !flags.post) throw new InputError('--force only applies with --post (it posts a day again)');
      if (flags.post) {
        const { postDigestCommand } = await import('./post-command.js');
        setExit(await postDigestCommand(io, config, { target: flags.post, sources, interests: flags.interests, date: explicitDate, size, threshold, force: flags.force }));
        return;
      }
      const today = localDate(systemClock.now(), config.tz);
      const date = explicitDate ?? today;
      await withApp(io, config, async (app) => {
        const [{ newSubscription, subscriptionDefaults }, { prepareDigest }, { checkCliSources }] = await Promise.all([
          import('../new-subscription.js'),
          import('../digest/prepare-digest.js'),
          import('./check-sources.js'),
        ]);
        // Validate every source name before fetching anything: a typo is an error, not a note.
        await checkCliSources(app, sources ?? config.sources, date);
        const plan = pastDayPlan(sources ?? config.sources, date, today);
        const terminal = channelRef('console', 'terminal');
        const sub = withOverrides(newSubscription(terminal, subscriptionDefaults(config), { now: app.clock.now() }), { interests: flags.interests, sources: plan.fetch, size, threshold });
        const prepared = await prepareDigest(app.digestDeps, sub, { date, offline: plan.offline, until: plan.until });
        const digest = plan.note ? { ...prepared, notes: [plan.note, ...prepared.notes] } : prepared;
        io.stdout.write(
          flags.format === 'json' ? digestJson(digest) : formatDigest(digest, flags.format, { color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR }),
        );
        if (digest.allSourcesFailed) {
          io.stderr.write('paperbot: every source failed; nothing was fetched (run it again once the sources answer)\n');
          setExit(1);
        }
      });
    });
}
