// The single table of /papers sub-commands. Adapters build Slack help and Discord sub-command
// definitions from COMMAND_LIST; the core dispatches through dispatchCommand.
import type { CommandInvocation, Outbound } from '../types.js';
import type { Logger } from '../ports.js';
import type { BotDeps } from '../bot/deps.js';
import type { Command, CommandInfo } from './command.js';
import { InputError, errorMessage } from '../errors.js';
import { help, helpText } from './help.js';
import { today } from './today.js';
import { paper } from './paper.js';
import { search } from './search.js';
import { ask } from './ask.js';
import { subscribe } from './subscribe.js';
import { unsubscribe } from './unsubscribe.js';
import { pause } from './pause.js';
import { resume } from './resume.js';
import { settings } from './settings.js';
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

/** Every sub-command, in the order help lists them. */
export const COMMANDS: readonly Command[] = [
  help,
  today,
  paper,
  search,
  ask,
  subscribe,
  unsubscribe,
  pause,
  resume,
  settings,
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

/** The sub-commands as plain data (no functions), for adapters: Slack help, Discord sub-command definitions. */
export const COMMAND_LIST: readonly CommandInfo[] = Object.freeze(
  COMMANDS.map(({ name, description, usage, example, adminOnly, takesText }) =>
    Object.freeze({ name, description, usage, example, adminOnly, takesText }),
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

function unknownCommandReply(name: string, llmConfigured: boolean): Outbound {
  const guess = closestName(name, COMMANDS.map((c) => c.name));
  const lead = `I don't know the command "${quoteShort(name, 30)}".${guess ? ` Did you mean ${slash(guess)}?` : ''}`;
  return textReply(`${lead}\n\n${helpText(COMMAND_LIST, { llmConfigured })}`, true);
}

/**
 * Runs one invocation: unknown or empty names get help (with a suggestion), settings commands on
 * an unsubscribed channel get a hint, admin-only commands refuse non-admins, and InputError from
 * a command becomes its usage. Unexpected errors propagate to the caller (BotCore logs them).
 */
export async function dispatchCommand(cmd: CommandInvocation, deps: BotDeps, log: Logger): Promise<Outbound> {
  const { name, args } = splitInvocation(cmd);
  if (!name) return help.run(await contextFor(help, cmd, args, deps, log));
  const command = findCommand(name);
  if (!command) return unknownCommandReply(name, deps.llmConfigured);
  const ctx = await contextFor(command, cmd, args, deps, log);
  if (command.needsSubscription && !ctx.sub) return notSubscribedReply();
  if (!mayRun(command, cmd.user, ctx.sub)) {
    log.info('admin command refused', { command: command.name, userId: cmd.user.id });
    return refusalReply(command);
  }
  try {
    return await command.run(ctx);
  } catch (err) {
    if (err instanceof InputError) return usageReply(command, errorMessage(err));
    throw err;
  }
}

async function contextFor(command: Command, cmd: CommandInvocation, args: string, deps: BotDeps, log: Logger) {
  const sub = await deps.store.getSubscription(cmd.channel.key);
  return {
    cmd: { ...cmd, name: command.name, text: args },
    args,
    deps,
    sub,
    isAdmin: isChannelAdmin(cmd.user, sub),
    now: deps.clock.now(),
    log: log.child({ command: command.name }),
    commands: COMMAND_LIST,
  };
}
