import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { splitList } from '../split-list.js';
import { localDate } from '../dates.js';
import { systemClock } from '../clock.js';
import { configFrom, parseDateFlag, withApp, type CliIo } from './io.js';

/** `paperbot ingest --sources LIST [--date D]`: fetches and stores papers without ranking. */
export function registerIngest(program: Command, io: CliIo): void {
  program
    .command('ingest')
    .description('fetch papers from sources into the store')
    .option('--sources <list>', 'comma list of sources (default PAPERBOT_SOURCES)')
    .option('--date <YYYY-MM-DD>', 'listing day (default: today in PAPERBOT_TZ)')
    .option('--json', 'print the outcome as JSON')
    .action(async (flags: { sources?: string; date?: string; json?: boolean }) => {
      const config = await configFrom(io);
      const sources = flags.sources !== undefined ? splitList(flags.sources) : config.sources;
      if (sources.length === 0) throw new InputError('--sources: give at least one source, e.g. hf,arxiv:cs.LG');
      const date = flags.date ? parseDateFlag(flags.date) : localDate(systemClock.now(), config.tz);
      await withApp(io, config, async (app) => {
        const [{ ingest }, { checkCliSources }] = await Promise.all([import('../digest/prepare-digest.js'), import('./check-sources.js')]);
        await checkCliSources(app, sources, date);
        const result = await ingest(app.digestDeps, sources, date);
        if (flags.json) {
          const { added, updated, notes, quiet } = result;
          io.stdout.write(JSON.stringify({ date, sources, fetched: result.papers.length, added, updated, quiet, notes }, null, 2) + '\n');
        } else {
          io.stdout.write(
            `Fetched ${result.papers.length} papers for ${date} from ${sources.join(', ')}: ${result.added} new, ${result.updated} updated.\n`,
          );
          if (result.quiet) io.stdout.write('Quiet day: the sources listed nothing.\n');
          for (const note of result.notes) io.stdout.write(`! ${note.text}\n`);
        }
        const failed = result.notes.filter((n) => n.kind === 'source-failed').length;
        if (failed === sources.length) throw new Error('every source failed; nothing was stored');
      });
    });
}
