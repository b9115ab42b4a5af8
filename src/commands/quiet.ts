import type { Command } from './command.js';
import { booleanArg } from './arguments.js';
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
  arg: { type: 'boolean', name: 'on', description: 'on or off', required: true },
  private: false,
  slow: false,
  needsSubscription: true,
  async run(ctx) {
    const sub = currentSub(ctx);
    const quietOn = booleanArg(ctx.value);
    return saveChange(
      ctx,
      { ...sub, quietDayNote: !quietOn },
      quietOn ? 'Quiet on: days with nothing new will post nothing (failed sources are still reported).' : 'Quiet off: days with nothing new will post a one-line quiet-day note.',
    );
  },
};
