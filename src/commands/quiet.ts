import type { Command } from './command.js';
import { booleanArg } from './arguments.js';
import { currentSub, saveChange } from './settings-change.js';

/**
 * `quiet on|off`: whether a day with nothing new posts its one-line quiet-day note. A failed
 * source is always reported, whatever this says.
 */
export const quiet: Command = {
  name: 'quiet',
  usage: 'quiet <on|off>',
  example: 'quiet off',
  description: 'post (on) or skip (off) the one-line note on days with nothing new',
  adminOnly: true,
  arg: { type: 'boolean', name: 'on', description: 'on or off', required: true },
  private: false,
  slow: false,
  needsSubscription: true,
  async run(ctx) {
    const sub = currentSub(ctx);
    const on = booleanArg(ctx.value);
    return saveChange(
      ctx,
      { ...sub, quietDayNote: on },
      on ? 'Days with nothing new will post a one-line quiet-day note.' : 'Days with nothing new will post nothing (failed sources are still reported).',
    );
  },
};
