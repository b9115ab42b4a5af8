import type { Command } from './command.js';
import { numberArg } from './arguments.js';
import { currentSub, saveChange } from './settings-change.js';
import { MAX_DIGEST_SIZE as MAX_SIZE, MIN_DIGEST_SIZE as MIN_SIZE } from '../digest/digest-size.js';

/** `size <n>`: the most papers a digest shows. */
export const size: Command = {
  name: 'size',
  usage: `size <${MIN_SIZE}-${MAX_SIZE}>`,
  example: 'size 7',
  description: 'set the most papers per digest',
  adminOnly: true,
  arg: { type: 'integer', name: 'papers', description: 'the most papers a digest shows', min: MIN_SIZE, max: MAX_SIZE, required: true },
  private: false,
  slow: false,
  needsSubscription: true,
  async run(ctx) {
    const sub = currentSub(ctx);
    const n = numberArg(ctx.value);
    return saveChange(ctx, { ...sub, size: n }, `Digests here will show up to ${n} paper${n === 1 ? '' : 's'}.`);
  },
};
