import type { Command } from './command.js';
import { InputError } from '../errors.js';
import { currentSub, saveChange } from './settings-change.js';
import { splitDistinct } from './text-args.js';

const MAX_WORDS = 50;
const MAX_WORD_CHARS = 60;

/** `exclude <words>`: papers containing any of these words are dropped; `exclude clear` empties the list. */
export const exclude: Command = {
  name: 'exclude',
  usage: 'exclude <word, phrase, …> | clear',
  example: 'exclude survey, benchmark only',
  description: 'drop papers mentioning these words (replaces the list; `clear` empties it)',
  adminOnly: true,
  arg: { type: 'text', name: 'words', description: 'words or phrases to leave out, comma-separated, or clear (empty: show)', required: false },
  private: false,
  slow: false,
  needsSubscription: true,
  async run(ctx) {
    const sub = currentSub(ctx);
    if (!ctx.args) {
      const now = sub.exclude.length ? sub.exclude.join(', ') : 'nothing';
      throw new InputError(`Excluded now: ${now}.`);
    }
    if (/^(clear|none)$/i.test(ctx.args.trim())) {
      return saveChange(ctx, { ...sub, exclude: [] }, 'Cleared the exclude list.');
    }
    const words = splitDistinct(ctx.args);
    if (words.length > MAX_WORDS) throw new InputError(`At most ${MAX_WORDS} excluded words, please (you gave ${words.length}).`);
    const long = words.find((w) => w.length > MAX_WORD_CHARS);
    if (long) throw new InputError(`"${long.slice(0, 30)}…" is too long for an excluded word (at most ${MAX_WORD_CHARS} characters).`);
    return saveChange(ctx, { ...sub, exclude: words }, `Papers mentioning any of these will be left out: ${words.join(', ')}.`);
  },
};
