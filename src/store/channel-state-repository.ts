// Per-channel memory: seen papers, feedback, posted messages and thread turns. Seen papers and
// turns are ordered sets, votes a hash with one field per (paper, user): every write is one atomic
// step on the backend, so instances sharing a store never drop each other's writes.
import { randomUUID } from 'node:crypto';
import type { ChannelStateRepository, Store } from '../ports.js';
import type { Feedback, PostedMessage, ThreadTurn } from '../types.js';
import { orderNow, type Records } from './records.js';
import * as keys from '../store-keys.js';

/** Most paper ids remembered as seen per channel (oldest forgotten first). */
export const SEEN_CAP = 50_000;
/** Most turns kept per thread (oldest dropped first). */
export const TURNS_CAP = 50;

const voteField = (paperId: string, userId: string): string => JSON.stringify([paperId, userId]);

/** ChannelStateRepository over atomic records (posted-message refs are plain expiring values in `kv`). */
export class StoreChannelStateRepository implements ChannelStateRepository {
  /** Channels whose seen list from an older version was already looked for in this process. */
  private readonly seenMigrated = new Map<string, Promise<void>>();

  constructor(
    private readonly records: Records,
    private readonly kv: Store,
  ) {}

  /** Paper ids this channel has been shown (a fresh Set the caller may change). */
  async seenPaperIds(channelKey: string): Promise<Set<string>> {
    await this.migrateSeen(channelKey);
    return new Set(await this.records.zMembers(keys.seen(channelKey)));
  }

  /** Adds ids to the channel's seen set (re-adding makes an id recent; at most SEEN_CAP kept). */
  async markSeen(channelKey: string, paperIds: string[]): Promise<void> {
    if (paperIds.length === 0) return;
    await this.migrateSeen(channelKey);
    const entries = [...new Set(paperIds)].map((member) => ({ member, score: orderNow() }));
    await this.records.zAdd(keys.seen(channelKey), entries, { cap: SEEN_CAP });
  }

  /** Records a vote; a later vote by the same user on the same paper replaces the earlier one. */
  async addFeedback(channelKey: string, feedback: Feedback): Promise<void> {
    const vote: Feedback = { paperId: feedback.paperId, userId: feedback.userId, value: feedback.value, at: feedback.at };
    await this.records.hashPut(keys.feedback(channelKey), { [voteField(vote.paperId, vote.userId)]: JSON.stringify(vote) }, [], 'merge');
  }

  /** Deletes the user's vote on the paper, if any. */
  async removeFeedback(channelKey: string, paperId: string, userId: string): Promise<void> {
    await this.records.hashPut(keys.feedback(channelKey), {}, [voteField(paperId, userId)], 'merge');
  }

  /** The channel's votes, oldest first. */
  async listFeedback(channelKey: string): Promise<Feedback[]> {
    const fields = await this.records.hashGet(keys.feedback(channelKey));
    const votes = Object.values(fields ?? {}).map((text) => JSON.parse(text) as Feedback);
    return votes.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }

  /** Remembers what a posted message was, for TTL.post. */
  async rememberPost(messageKey: string, posted: PostedMessage): Promise<void> {
    await this.kv.set(keys.post(messageKey), posted, keys.TTL.post);
  }

  /** What the message was, or undefined when it is not ours (or expired). */
  async getPost(messageKey: string): Promise<PostedMessage | undefined> {
    return this.kv.get<PostedMessage>(keys.post(messageKey));
  }

  /** Appends a turn (the last TURNS_CAP are kept; each append renews TTL.turns). */
  async appendTurn(threadKey: string, turn: ThreadTurn): Promise<void> {
    // A random tag keeps two identical turns apart (members of a set are unique).
    const member = `${randomUUID().slice(0, 8)} ${JSON.stringify(turn)}`;
    await this.records.zAdd(keys.turns(threadKey), [{ member, score: orderNow() }], { cap: TURNS_CAP, ttlMs: keys.TTL.turns });
  }

  /** The thread's turns, oldest first. */
  async getTurns(threadKey: string): Promise<ThreadTurn[]> {
    const members = await this.records.zMembers(keys.turns(threadKey));
    return members.map((m) => JSON.parse(m.slice(m.indexOf(' ') + 1)) as ThreadTurn);
  }

  // Older versions kept the seen list as one keyv array: move it once (re-showing a channel's
  // old papers after an upgrade is what this avoids).
  private migrateSeen(channelKey: string): Promise<void> {
    let done = this.seenMigrated.get(channelKey);
    if (!done) {
      done = (async () => {
        const old = await this.kv.get<string[]>(keys.seen(channelKey));
        if (!old?.length) return;
        const base = orderNow();
        await this.records.zAdd(
          keys.seen(channelKey),
          old.map((member, i) => ({ member, score: base - old.length + i })),
          { keepScore: true, cap: SEEN_CAP },
        );
        await this.kv.delete(keys.seen(channelKey));
      })().catch((err: unknown) => {
        this.seenMigrated.delete(channelKey);
        throw err;
      });
      this.seenMigrated.set(channelKey, done);
    }
    return done;
  }
}
