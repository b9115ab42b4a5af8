import type { Command } from './command.js';
import { InputError } from '../errors.js';
import { textReply } from './replies.js';
import { currentSub, saveChange } from './settings-change.js';
import { normalizeSpace } from './text-args.js';

const MAX_FOLLOWED = 50;
const MAX_NAME_CHARS = 100;

/** `follow <author>` adds a followed author, `follow -<author>` removes one, `follow` lists them. */
export const follow: Command = {
  name: 'follow',
  usage: 'follow <author> | -<author>',
  example: 'follow Yoshua Bengio',
  description: 'boost papers by an author (`-Name` stops following; no name lists them)',
  adminOnly: true,
  arg: { type: 'text', name: 'author', description: 'an author to follow, or -author to stop (empty: show)', required: false },
  private: false,
  slow: false,
  needsSubscription: true,
  async run(ctx) {
    const sub = currentSub(ctx);
    const text = normalizeSpace(ctx.args);
    if (!text) {
      return textReply(sub.follow.length ? `Followed authors: ${sub.follow.join(', ')}.` : 'No followed authors yet.', true);
    }
    const removing = text.startsWith('-');
    const name = normalizeSpace(removing ? text.slice(1) : text);
    if (!name) throw new InputError('Give an author name.');
    if (name.length > MAX_NAME_CHARS) throw new InputError(`That name is too long (at most ${MAX_NAME_CHARS} characters).`);
    const same = (a: string) => a.toLowerCase() === name.toLowerCase();
    if (removing) {
      if (!sub.follow.some(same)) return textReply(`${name} is not followed here.`, true);
      return saveChange(ctx, { ...sub, follow: sub.follow.filter((a) => !same(a)) }, `Stopped following ${name}.`);
    }
    if (sub.follow.some(same)) return textReply(`${name} is already followed here.`, true);
    if (sub.follow.length >= MAX_FOLLOWED) throw new InputError(`At most ${MAX_FOLLOWED} followed authors; remove one with \`/papers follow -Name\`.`);
    return saveChange(ctx, { ...sub, follow: [...sub.follow, name] }, `Following ${name}: their papers get a boost here.`);
  },
};
