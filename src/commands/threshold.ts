import type { Command } from './command.js';
import { InputError } from '../errors.js';
import { currentSub, saveChange } from './settings-change.js';

/** `threshold <0-1>`: the minimum relevance a paper needs to be shown (a weak day shows fewer). */
export const threshold: Command = {
  name: 'threshold',
  usage: 'threshold <0-1>',
  example: 'threshold 0.3',
  description: 'set the minimum relevance (0–1) a paper needs to be shown',
  adminOnly: true,
  takesText: true,
  needsSubscription: true,
  async run(ctx) {
    const sub = currentSub(ctx);
    const text = ctx.args.trim();
    const n = Number(text);
    if (!/^(0(\.\d{1,3})?|1(\.0{1,3})?|\.\d{1,3})$/.test(text) || !Number.isFinite(n)) {
      const given = text ? `"${text.slice(0, 20)}" is not a number from 0 to 1.` : 'Give a number from 0 to 1, e.g. 0.3.';
      throw new InputError(`${given} (now: ${sub.threshold})`);
    }
    return saveChange(ctx, { ...sub, threshold: n }, `Papers need a relevance of at least ${n} to be shown here.`);
  },
};
