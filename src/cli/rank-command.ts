import type { Command } from 'commander';
import type { InterestProfile, Paper, RankedPaper } from '../types.js';
import { splitList } from '../split-list.js';
import type { PaperCorpus } from '../ports.js';
import { systemClock } from '../clock.js';
import { configFrom, withApp, type CliIo } from './io.js';

interface RankFlags {
  input: string;
  interests?: string;
  include?: string;
  exclude?: string;
  follow?: string;
  like?: string;
  json?: boolean;
}

/** One output row of `paperbot rank`. */
export interface RankRow {
  /** The input's id verbatim (a number stays a number). */
  id: string | number;
  title: string;
  score: number;
  why: string;
}

function rows(ranked: RankedPaper[], inputIds: Map<Paper, string | number>): RankRow[] {
  return ranked.map((r) => ({
    id: inputIds.get(r.paper) ?? r.paper.id,
    title: r.paper.title,
    score: Math.round(r.score * 10_000) / 10_000,
    why: r.why,
  }));
}

/**
 * `paperbot rank --input FILE [--interests TEXT] [--like ID,…] [--json]`: every input paper, best
 * first, with its score and why it matched; example papers (`--like`) are left out. No threshold
 * or size cut; ids are echoed verbatim. With PAPERBOT_CORPUS_URL set, the corpus lends term
 * statistics, related papers and acronym definitions. When a model is configured the shortlist
 * is judged as in a digest (degrading to the lexical order on failure).
 */
export function registerRank(program: Command, io: CliIo): void {
  program
    .command('rank')
    .description('rank the papers of a file for some interests (every paper, best first)')
    .requiredOption('--input <file>', 'JSON list of papers ({id, title, abstract, authors?, …}), HF Daily Papers JSON or arXiv Atom/RSS')
    .option('--interests <text>', 'what you care about, in plain words or keywords (default PAPERBOT_INTERESTS)')
    .option('--include <words>', 'comma list of words that must boost a paper')
    .option('--exclude <words>', 'comma list of words that rule a paper out')
    .option('--follow <authors>', 'comma list of followed authors')
    .option('--like <ids>', 'comma list of example papers (ids in the input file, the corpus, or arXiv ids); left out of the output')
    .option('--json', 'print a JSON array of {id, title, score, why}')
    .action(async (flags: RankFlags) => {
      const config = await configFrom(io);
      const [{ readRankInput }, { rankWithCorpus }, { openCorpus }, { findExamples }, { localDate }] = await Promise.all([
        import('./read-rank-input.js'),
        import('../rank/rank-with-corpus.js'),
        import('../corpus/index.js'),
        import('./rank-examples.js'),
        import('../dates.js'),
      ]);
      const inputs = await readRankInput(flags.input, config);
      const corpusUrl = io.env.PAPERBOT_CORPUS_URL?.trim();
      const corpus: PaperCorpus | undefined = corpusUrl ? await openCorpus(corpusUrl) : undefined;
      let ranked: RankedPaper[];
      let profile: InterestProfile;
      try {
        const likeIds = splitList(flags.like ?? '');
        const examples = likeIds.length
          ? await findExamples(likeIds, inputs, { corpus, withApp: (find) => withApp(io, config, find) })
          : [];
        profile = {
          // With examples only, PAPERBOT_INTERESTS is not silently mixed in.
          interests: (flags.interests ?? (examples.length ? '' : config.interests)).trim(),
          include: splitList(flags.include ?? ''),
          exclude: splitList(flags.exclude ?? ''),
          follow: splitList(flags.follow ?? ''),
          feedback: [],
          examples,
        };
        ranked = await rankWithCorpus(
          inputs.map((i) => i.paper),
          profile,
          { corpus },
        );
      } finally {
        await corpus?.close();
      }
      const inputIds = new Map(inputs.map((i) => [i.paper, i.inputId]));
      if (config.llm && ranked.length > 0) {
        ranked = await withApp(io, config, async (app) => {
          const stages = app.newModelStages?.();
          if (!stages?.rerank) return ranked;
          const date = localDate(systemClock.now(), config.tz);
          const judged = await stages.rerank(ranked, profile, { channelKey: 'cli:rank', date });
          for (const note of judged.notes) io.stderr.write(`note: ${note.text}\n`);
          return judged.ranked;
        });
      }
      const out = rows(ranked, inputIds);
      if (flags.json) {
        io.stdout.write(JSON.stringify(out, null, 2) + '\n');
        return;
      }
      if (out.length === 0) {
        io.stdout.write('The input holds no papers.\n');
        return;
      }
      const width = String(out.length).length;
      out.forEach((r, i) => {
        io.stdout.write(`${String(i + 1).padStart(width)}. ${r.score.toFixed(3)}  ${r.title} (${r.id})\n`);
        if (r.why) io.stdout.write(`${' '.repeat(width + 9)}${r.why}\n`);
      });
    });
}
