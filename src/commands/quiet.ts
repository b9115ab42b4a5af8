import type { Command } from './command.js';
import { InputError } from '../errors.js';
import { currentSub, saveChange } from './settings-change.js';

/**
 * `quiet on|off`: `on` keeps days with nothing new quiet (no post at all); `off` posts the
 * one-line quiet-day note. A failed source is always reported, whatever this says.
 */
export const quiet: Command = {
  name: 'quiet',
  usage: 'quiet <on|off>',
  example: 'quiet on',
  description: 'stay silent (on) or post a one-line note (off) on days with nothing new',
  adminOnly: true,
  takesText: true,
  needsSubscription: true,
  async run(ctx) {
    const sub = currentSub(ctx);
    const word = ctx.args.trim().toLowerCase();
    const quietOn = ['on', 'yes', 'true'].includes(word);
    const quietOff = ['off', 'no', 'false'].includes(word);
    if (!quietOn && !quietOff) {
      throw new InputError(`Say \`quiet on\` or \`quiet off\` (now: ${sub.quietDayNote === false ? 'on' : 'off'}).`);
    }
    return saveChange(
      ctx,
      { ...sub, quietDayNote: quietOff },
      quietOn ? 'Quiet on: days with nothing new will post nothing (failed sources are still reported).' : 'Quiet off: days with nothing new will post a one-line quiet-day note.',
    );
  },
};
