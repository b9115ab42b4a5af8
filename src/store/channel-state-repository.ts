// Per-channel memory: seen papers, feedback, posted messages and thread turns.
import type { ChannelStateRepository, Store } from '../ports.js';
import type { Feedback, PostedMessage, ThreadTurn } from '../types.js';
import type { KeyedMutex } from './mutex.js';
import * as keys from './keys.js';

/** Most paper ids remembered as seen per channel (oldest forgotten first). */
export const SEEN_CAP = 50_000;
/** Most votes kept per channel (oldest dropped first). */
export const FEEDBACK_CAP = 10_000;
/** Most turns kept per thread (oldest dropped first). */
export const TURNS_CAP = 50;

/**
 * ChannelStateRepository over a Store. Arrays are read-modified-written under a per-key mutex:
 * safe within one instance. Several instances sharing Redis/Postgres serialize per channel
 * through the digest lock; a rare concurrent vote or turn from two instances could drop one.
 */
export class StoreChannelStateRepository implements ChannelStateRepository {
  constructor(
    private readonly kv: Store,
    private readonly mutex: KeyedMutex,
  ) {}

  /** Paper ids this channel has been shown (a fresh Set the caller may change). */
  async seenPaperIds(channelKey: string): Promise<Set<string>> {
    return new Set((await this.kv.get<string[]>(keys.seen(channelKey))) ?? []);
  }

  /** Adds ids to the channel's seen list (most recent kept, at most SEEN_CAP). */
  async markSeen(channelKey: string, paperIds: string[]): Promise<void> {
    if (paperIds.length === 0) return;
    await this.update<string[]>(keys.seen(channelKey), [], (list) => {
      const set = new Set(list);
      for (const id of paperIds) {
        // Re-adding moves an id to the end, so the cap forgets the longest-unseen first.
        set.delete(id);
        set.add(id);
      }
      const all = [...set];
      return all.length > SEEN_CAP ? all.slice(all.length - SEEN_CAP) : all;
    });
  }

  /** Records a vote; a later vote by the same user on the same paper replaces the earlier one. */
  async addFeedback(channelKey: string, feedback: Feedback): Promise<void> {
    await this.update<Feedback[]>(keys.feedback(channelKey), [], (list) => {
      const kept = list.filter((f) => !(f.paperId === feedback.paperId && f.userId === feedback.userId));
      kept.push({ paperId: feedback.paperId, userId: feedback.userId, value: feedback.value, at: feedback.at });
      return kept.length > FEEDBACK_CAP ? kept.slice(kept.length - FEEDBACK_CAP) : kept;
    });
  }

  /** Deletes the user's vote on the paper, if any. */
  async removeFeedback(channelKey: string, paperId: string, userId: string): Promise<void> {
    await this.update<Feedback[]>(keys.feedback(channelKey), [], (list) => {
      const kept = list.filter((f) => !(f.paperId === paperId && f.userId === userId));
      return kept.length === list.length ? list : kept;
    });
  }

  /** The channel's votes, oldest first. */
  async listFeedback(channelKey: string): Promise<Feedback[]> {
    return (await this.kv.get<Feedback[]>(keys.feedback(channelKey))) ?? [];
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
    await this.update<ThreadTurn[]>(
      keys.turns(threadKey),
      [],
      (list) => [...list, turn].slice(-TURNS_CAP),
      keys.TTL.turns,
    );
  }

  /** The thread's turns, oldest first. */
  async getTurns(threadKey: string): Promise<ThreadTurn[]> {
    return (await this.kv.get<ThreadTurn[]>(keys.turns(threadKey))) ?? [];
  }

  /** Read-modify-write under the key's mutex; skips the write when `change` returns its input. */
  private async update<T>(key: string, empty: T, change: (value: T) => T, ttlMs?: number): Promise<void> {
    await this.mutex.run(key, async () => {
      const before = (await this.kv.get<T>(key)) ?? empty;
      const after = change(before);
      if (after !== before) await this.kv.set(key, after, ttlMs);
    });
  }
}
