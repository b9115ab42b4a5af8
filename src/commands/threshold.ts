import type { Command } from './command.js';
import { numberArg } from './arguments.js';
import { currentSub, saveChange } from './settings-change.js';

/** `threshold <0-1>`: the minimum relevance a paper needs to be shown (a weak day shows fewer). */
export const threshold: Command = {
  name: 'threshold',
  usage: 'threshold <0-1>',
  example: 'threshold 0.3',
  description: 'set the minimum relevance (0–1) a paper needs to be shown',
  adminOnly: true,
  arg: { type: 'number', name: 'relevance', description: 'the minimum relevance from 0 to 1, e.g. 0.3', min: 0, max: 1, required: true },
  private: false,
  slow: false,
  needsSubscription: true,
  async run(ctx) {
    const sub = currentSub(ctx);
    const n = numberArg(ctx.value);
    return saveChange(ctx, { ...sub, threshold: n }, `Papers need a relevance of at least ${n} to be shown here.`);
  },
};
