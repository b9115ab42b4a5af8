import type { Command } from './command.js';
import { InputError } from '../errors.js';
import { currentSub, saveChange } from './settings-change.js';
import { SOURCE_FORMS, parseSourceList } from './parse-sources.js';

/** `sources <list>`: which sources feed this channel's digest (`default` restores the configured ones). */
export const sources: Command = {
  name: 'sources',
  usage: 'sources hf, arxiv:<category> | default',
  example: 'sources hf, arxiv:cs.CL, arxiv:cs.IR',
  description: "set where this channel's papers come from",
  adminOnly: true,
  arg: { type: 'text', name: 'sources', description: 'hf, arxiv:<category>, … or default (empty: show)', required: false },
  private: false,
  slow: false,
  needsSubscription: true,
  async run(ctx) {
    const sub = currentSub(ctx);
    const defaults = ctx.deps.defaults.sources.join(', ');
    if (!ctx.args) {
      const now = sub.sources.length ? sub.sources.join(', ') : `${defaults} (default)`;
      throw new InputError(`Sources now: ${now}. Valid sources: ${SOURCE_FORMS}.`);
    }
    if (/^(default|reset)$/i.test(ctx.args.trim())) {
      return saveChange(ctx, { ...sub, sources: [] }, `Sources reset to the default: ${defaults}.`);
    }
    const list = parseSourceList(ctx.args);
    // A chat user must not make the server read its local files; the operator (terminal) may.
    if (!ctx.deps.localOperator?.(ctx.cmd.channel.platform) && list.some((name) => name.startsWith('file:'))) {
      throw new InputError('`file:` sources read files on the bot\'s server, so only its operator can set them (PAPERBOT_SOURCES). Use `hf` or `arxiv:<category>` here.');
    }
    return saveChange(ctx, { ...sub, sources: list }, `Sources set to: ${list.join(', ')}.`);
  },
};
