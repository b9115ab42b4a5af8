import { IANAZone } from 'luxon';
import type { Command } from './command.js';
import { InputError } from '../errors.js';
import { newSubscription } from '../new-subscription.js';
import { describeSubscription } from './describe-subscription.js';
import { saveChange } from './settings-change.js';
import { slash } from './replies.js';
import { normalizeSpace } from './text-args.js';

/** Longest interests text; digests rank against it, so a paragraph is plenty. */
export const MAX_INTERESTS_CHARS = 500;

/** Validates interests text (used by `subscribe` and `interests`). */
export function parseInterests(text: string): string {
  const interests = normalizeSpace(text);
  if (interests.length > MAX_INTERESTS_CHARS) {
    throw new InputError(`Interests can be at most ${MAX_INTERESTS_CHARS} characters (yours are ${interests.length}); keep the key topics.`);
  }
  return interests;
}

/**
 * `subscribe [interests]`: starts daily digests here with the defaults (weekdays at the default
 * time, in the user's zone when the platform reports one). On a subscribed channel it updates the
 * interests (when given) and resumes. Without text, new subscriptions get the default interests.
 */
export const subscribe: Command = {
  name: 'subscribe',
  usage: 'subscribe <interests>',
  example: 'subscribe retrieval-augmented generation, long context, evaluation',
  description: 'start daily digests in this channel with these interests',
  adminOnly: true,
  arg: { type: 'text', name: 'interests', description: 'research interests, comma-separated (empty: the defaults)', required: false },
  private: false,
  slow: false,
  startsDigests: true,
  needsSubscription: false,
  async run(ctx) {
    const interests = parseInterests(ctx.args);
    const { defaults } = ctx.deps;
    if (ctx.sub) {
      const next = {
        ...ctx.sub,
        interests: interests || ctx.sub.interests,
        paused: false,
        pausedReason: undefined,
        subscribedBy: ctx.sub.subscribedBy ?? ctx.cmd.user.id,
      };
      const what = interests ? 'Updated the interests' : 'Already subscribed';
      return saveChange(ctx, next, `${what}; digests are on.\n${describeSubscription(next, defaults)}`);
    }
    const userTz = ctx.cmd.userTz && IANAZone.isValidZone(ctx.cmd.userTz) ? ctx.cmd.userTz : undefined;
    const sub = newSubscription(ctx.cmd.channel, defaults, {
      interests,
      tz: userTz,
      subscribedBy: ctx.cmd.user.id,
      now: ctx.now,
    });
    return saveChange(
      ctx,
      sub,
      `Subscribed: this channel will get a digest of new papers.\n${describeSubscription(sub, defaults)}\n` +
        `Change any of this with ${slash('schedule')}, ${slash('sources')}, ${slash('size')}, ${slash('exclude')} or ${slash('follow')}.`,
    );
  },
};
