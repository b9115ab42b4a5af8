import type { Command } from './command.js';
import { InputError } from '../errors.js';
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
  takesText: true,
  needsSubscription: true,
  async run(ctx) {
    const sub = currentSub(ctx);
    const word = ctx.args.trim().toLowerCase();
    const on = ['on', 'yes', 'true'].includes(word);
    const off = ['off', 'no', 'false'].includes(word);
    if (!on && !off) {
      throw new InputError(`Say \`quiet on\` or \`quiet off\` (now: ${sub.quietDayNote === false ? 'off' : 'on'}).`);
    }
    return saveChange(
      ctx,
      { ...sub, quietDayNote: on },
      on ? 'Days with nothing new will post a one-line quiet-day note.' : 'Days with nothing new will post nothing (failed sources are still reported).',
    );
  },
};
