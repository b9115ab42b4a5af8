import type { Command } from './command.js';
import { InputError } from '../errors.js';
import { currentSub, saveChange } from './settings-change.js';
import { parseInterests } from './subscribe.js';

/** `interests <text>`: replaces the channel's interests. */
export const interests: Command = {
  name: 'interests',
  usage: 'interests <text>',
  example: 'interests diffusion models for video, world models',
  description: "change this channel's interests",
  adminOnly: true,
  arg: { type: 'text', name: 'interests', description: 'research interests, comma-separated', required: true },
  private: false,
  slow: false,
  needsSubscription: true,
  async run(ctx) {
    const sub = currentSub(ctx);
    const text = parseInterests(ctx.args);
    if (!text) throw new InputError(`Describe the interests in a few words (now: "${sub.interests}").`);
    return saveChange(ctx, { ...sub, interests: text }, `Interests set to: ${text}`);
  },
};
