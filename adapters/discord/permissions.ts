// What the bot itself may do in a channel, checked at `/papers subscribe` from the interaction's
// app_permissions (no extra API call).
import { PermissionFlagsBits, type PermissionsBitField } from 'discord.js';

interface Needed {
  flag: bigint;
  label: string;
  why: string;
}

/** Without these the digest cannot be posted at all. */
const REQUIRED: Needed[] = [
  { flag: PermissionFlagsBits.ViewChannel, label: 'View Channel', why: 'see this channel' },
  { flag: PermissionFlagsBits.SendMessages, label: 'Send Messages', why: 'post the digest' },
  { flag: PermissionFlagsBits.EmbedLinks, label: 'Embed Links', why: 'show the paper cards' },
];

/** Without these the digest goes out, but threads or feedback buttons are missing. */
const WANTED: Needed[] = [
  { flag: PermissionFlagsBits.CreatePublicThreads, label: 'Create Public Threads', why: 'open a thread under each paper' },
  { flag: PermissionFlagsBits.SendMessagesInThreads, label: 'Send Messages in Threads', why: 'answer questions in those threads' },
  { flag: PermissionFlagsBits.AddReactions, label: 'Add Reactions', why: 'add the 👍/👎 buttons' },
];

/** Result of checking the bot's permissions in a channel. */
export interface PostingPermissions {
  /** Missing permissions that make posting impossible. */
  blocking: string[];
  /** Missing permissions that only disable threads or reactions. */
  degraded: string[];
  /** A user-facing explanation, when anything is missing. */
  message?: string;
}

function list(items: Needed[]): string {
  return items.map((n) => `**${n.label}** (to ${n.why})`).join(', ');
}

/** Checks the bot's own permissions in the channel against what digests and threads need. */
export function checkPostingPermissions(perms: Readonly<PermissionsBitField>): PostingPermissions {
  const blocking = REQUIRED.filter((n) => !perms.has(n.flag));
  const degraded = WANTED.filter((n) => !perms.has(n.flag));
  const howTo = 'A server admin can grant them in the channel settings → Permissions → paperbot.';
  let message: string | undefined;
  if (blocking.length) {
    message = `I can't post digests in this channel: I'm missing ${list(blocking)}${degraded.length ? `, and also ${list(degraded)}` : ''}. ${howTo} Then run \`/papers subscribe\` again.`;
  } else if (degraded.length) {
    message = `⚠️ Heads-up: I'm missing ${list(degraded)} in this channel. Digests will still be posted. ${howTo}`;
  }
  return { blocking: blocking.map((n) => n.label), degraded: degraded.map((n) => n.label), message };
}
