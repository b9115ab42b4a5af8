import type { Command } from './command.js';
import { InputError } from '../errors.js';
import { currentSub, saveChange } from './settings-change.js';
import { MAX_DIGEST_SIZE as MAX_SIZE, MIN_DIGEST_SIZE as MIN_SIZE } from '../digest/digest-size.js';

/** `size <n>`: the most papers a digest shows. */
export const size: Command = {
  name: 'size',
  usage: `size <${MIN_SIZE}-${MAX_SIZE}>`,
  example: 'size 7',
  description: 'set the most papers per digest',
  adminOnly: true,
  takesText: true,
  needsSubscription: true,
  async run(ctx) {
    const sub = currentSub(ctx);
    const text = ctx.args.trim();
    const n = Number(text);
    if (!/^\d{1,3}$/.test(text) || n < MIN_SIZE || n > MAX_SIZE) {
      const given = text ? `"${text.slice(0, 20)}" is not a whole number from ${MIN_SIZE} to ${MAX_SIZE}.` : `Give a number from ${MIN_SIZE} to ${MAX_SIZE}.`;
      throw new InputError(`${given} (now: ${sub.size})`);
    }
    return saveChange(ctx, { ...sub, size: n }, `Digests here will show up to ${n} paper${n === 1 ? '' : 's'}.`);
  },
};
