// The single table of /papers sub-commands. Adapters build their whole surface (Slack usage hint,
// help and ack; Discord sub-commands, option types, admin command) from COMMAND_LIST; the core
// validates arguments and dispatches through dispatchCommand.
import type { CommandInvocation, Outbound } from '../types.js';
import type { Logger } from '../ports.js';
import type { BotDeps } from './deps.js';
import type { Command, CommandContext, CommandInfo } from './command.js';
import { InputError, errorMessage } from '../errors.js';
import { help } from './help.js';
import { today } from './today.js';
import { weekly } from './weekly.js';
import { paper } from './paper.js';
import { search } from './search.js';
import { ask } from './ask.js';
import { subscribe } from './subscribe.js';
import { unsubscribe } from './unsubscribe.js';
import { pause } from './pause.js';
import { resume } from './resume.js';
import { settings } from './settings.js';
import { next } from './next.js';
import { interests } from './interests.js';
import { schedule } from './schedule.js';
import { sources } from './sources.js';
import { size } from './size.js';
import { threshold } from './threshold.js';
import { quiet } from './quiet.js';
import { exclude } from './exclude.js';
import { follow } from './follow.js';
import { like } from './like.js';
import { unlike } from './unlike.js';
import { likes } from './likes.js';
import { isChannelAdmin, mayRun } from './admin.js';
import { notSubscribedReply, refusalReply, slash, textReply, usageReply } from './replies.js';
import { closestName } from './closest.js';
import { quoteShort } from './text-args.js';
import { parseArgument } from './arguments.js';

/** Every sub-command, in the order help lists them. */
export const COMMANDS: readonly Command[] = [
  help,
  today,
  weekly,
  paper,
  search,
  ask,
  subscribe,
  unsubscribe,
  pause,
  resume,
  settings,
  next,
  interests,
  schedule,
  sources,
  size,
  threshold,
  exclude,
  follow,
  like,
  unlike,
  likes,
  quiet,
];

/** The sub-commands as plain data (no functions), for adapters to build their surface from. */
export const COMMAND_LIST: readonly CommandInfo[] = Object.freeze(
  COMMANDS.map(({ name, description, usage, example, adminOnly, arg, private: priv, slow, startsDigests }) =>
    Object.freeze({
      name,
      description,
      usage,
      example,
      adminOnly,
      ...(arg ? { arg: Object.freeze({ ...arg }) } : {}),
      private: priv,
      slow,
      ...(startsDigests ? { startsDigests } : {}),
    }),
  ),
);

/** The command with this name (case-insensitive), if any. */
export function findCommand(name: string): Command | undefined {
  const key = name.trim().toLowerCase();
  return COMMANDS.find((c) => c.name === key);
}

/**
 * Splits an invocation into the sub-command word and its argument text. Tolerates adapters that
 * pass the whole text with an empty name (or the name "papers"), and a leading slash.
 */
export function splitInvocation(cmd: Pick<CommandInvocation, 'name' | 'text'>): { name: string; args: string } {
  let name = cmd.name.trim().replace(/^\/+/, '').toLowerCase();
  let args = cmd.text.trim();
  if (!name || name === 'papers') {
    const m = /^\/?(\S+)\s*([\s\S]*)$/.exec(args);
    name = m?.[1]?.toLowerCase() ?? '';
    args = m?.[2]?.trim() ?? '';
  }
  return { name, args };
}

/** The closest command name, if any, and one line pointing to help (not the whole help). */
function unknownCommandReply(name: string): Outbound {
  const guess = closestName(name, COMMANDS.map((c) => c.name));
  const lead = `I don't know the command "${quoteShort(name, 30)}".${guess ? ` Did you mean ${slash(guess)}?` : ''}`;
  return textReply(`${lead}\n${slash('help')} lists every command.`, true);
}

/**
 * Runs one invocation: empty names get help, unknown ones the closest name, settings commands on
 * an unsubscribed channel get a hint, admin-only commands refuse non-admins, the argument is
 * validated against the table (after those checks, so a refusal never discusses arguments), and
 * InputError (from validation or the command) becomes its usage. Unexpected errors propagate to
 * the caller (BotCore logs them).
 */
export async function dispatchCommand(cmd: CommandInvocation, deps: BotDeps, log: Logger): Promise<Outbound> {
  const { name, args } = splitInvocation(cmd);
  if (!name) return help.run(await contextFor(help, cmd, args, deps, log));
  const command = findCommand(name);
  if (!command) return unknownCommandReply(name);
  const ctx = await contextFor(command, cmd, args, deps, log);
  if (command.needsSubscription && !ctx.sub) return notSubscribedReply();
  if (!mayRun(command, cmd, ctx.sub)) {
    log.info('admin command refused', { command: command.name, userId: cmd.user.id });
    return refusalReply(command, cmd.platformNamesAdmins);
  }
  try {
    return await command.run({ ...ctx, value: parseArgument(command.arg, args) });
  } catch (err) {
    if (err instanceof InputError) return usageReply(command, errorMessage(err));
    throw err;
  }
}

async function contextFor(command: Command, cmd: CommandInvocation, args: string, deps: BotDeps, log: Logger): Promise<CommandContext> {
  const sub = await deps.store.getSubscription(cmd.channel.key);
  return {
    cmd: { ...cmd, name: command.name, text: args },
    args,
    value: undefined,
    deps,
    sub,
    isAdmin: isChannelAdmin(cmd, sub),
    now: deps.clock.now(),
    log: log.child({ command: command.name }),
    commands: COMMAND_LIST,
  };
}
