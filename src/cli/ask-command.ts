import type { Command } from 'commander';
import type { Answer } from '../ports.js';
import { InputError } from '../errors.js';
import { configFrom, withApp, type CliIo } from './io.js';
import { findPaper } from './paper-command.js';

/** Renders an answer with its numbered sources under it. */
export function formatAnswer(answer: Answer): string {
  const lines = [answer.text.trim()];
  if (answer.citations.length) {
    lines.push('', 'Sources:');
    for (const c of answer.citations) {
      lines.push(`  [${c.index}] ${c.title} (${c.paperId})${c.url ? ` ${c.url}` : ''}`);
      for (const s of c.sections ?? []) lines.push(`      ${s.label}${s.url ? ` ${s.url}` : ''}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** `paperbot ask [--paper ID] "question"`: a grounded answer from one paper or the corpus. */
export function registerAsk(program: Command, io: CliIo): void {
  program
    .command('ask')
    .description('answer a question from one paper (--paper) or from the stored papers')
    .argument('<question...>', 'the question')
    .option('--paper <id>', 'answer about this paper only')
    .option('--json', 'print JSON')
    .action(async (words: string[], flags: { paper?: string; json?: boolean }) => {
      const question = words.join(' ').trim();
      if (!question) throw new InputError('ask: give a question, e.g. paperbot ask "what is new in LoRA merging?"');
      await withApp(io, configFrom(io), async (app) => {
        let answer: Answer;
        if (flags.paper) {
          const paper = await findPaper(app, flags.paper);
          if (!paper) throw new InputError(`--paper: no paper ${flags.paper} in the store or on arXiv`);
          answer = await app.answerer.answerAboutPapers(question, [paper], []);
        } else {
          answer = await app.answerer.askCorpus(question);
        }
        io.stdout.write(flags.json ? JSON.stringify(answer, null, 2) + '\n' : formatAnswer(answer));
      });
    });
}
