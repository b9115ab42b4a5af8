// BotStore: the repositories over one Store, behind one object.
import type { BotStore, Store, SubscriptionPatch } from '../ports.js';
import type { Feedback, PostedMessage, Subscription, ThreadTurn } from '../types.js';
import { StoreSubscriptionRepository } from './subscription-repository.js';
import { StoreChannelStateRepository } from './channel-state-repository.js';
import { KeyvStore } from './keyv-store.js';
import type { Records } from './records.js';

/**
 * Bot state over a KeyvStore (papers live in the corpus). Subscriptions and per-channel state are
 * written atomically on the backend (safe for several instances on one store).
 */
export class KeyvBotStore implements BotStore {
  private readonly subs: StoreSubscriptionRepository;
  private readonly channels: StoreChannelStateRepository;

  constructor(
    readonly kv: Store,
    /** The atomic records of the same backend (default: `kv`'s own, when kv is a KeyvStore). */
    records?: Records,
  ) {
    const recs = records ?? (kv instanceof KeyvStore ? kv.records : undefined);
    if (!recs) throw new Error('KeyvBotStore needs the records of its backend: pass a KeyvStore or its records');
    this.subs = new StoreSubscriptionRepository(recs, kv);
    this.channels = new StoreChannelStateRepository(recs, kv);
  }

  getSubscription(channelKey: string): Promise<Subscription | undefined> {
    return this.subs.getSubscription(channelKey);
  }
  saveSubscription(sub: Subscription): Promise<void> {
    return this.subs.saveSubscription(sub);
  }
  updateSubscription(channelKey: string, patch: SubscriptionPatch): Promise<Subscription | undefined> {
    return this.subs.updateSubscription(channelKey, patch);
  }
  addExamples(channelKey: string, paperIds: string[]): Promise<void> {
    return this.subs.addExamples(channelKey, paperIds);
  }
  removeExamples(channelKey: string, paperIds: string[]): Promise<void> {
    return this.subs.removeExamples(channelKey, paperIds);
  }
  deleteSubscription(channelKey: string): Promise<void> {
    return this.subs.deleteSubscription(channelKey);
  }
  listSubscriptions(): Promise<Subscription[]> {
    return this.subs.listSubscriptions();
  }

  seenPaperIds(channelKey: string): Promise<Set<string>> {
    return this.channels.seenPaperIds(channelKey);
  }
  markSeen(channelKey: string, paperIds: string[]): Promise<void> {
    return this.channels.markSeen(channelKey, paperIds);
  }
  addFeedback(channelKey: string, feedback: Feedback): Promise<void> {
    return this.channels.addFeedback(channelKey, feedback);
  }
  removeFeedback(channelKey: string, paperId: string, userId: string): Promise<void> {
    return this.channels.removeFeedback(channelKey, paperId, userId);
  }
  listFeedback(channelKey: string): Promise<Feedback[]> {
    return this.channels.listFeedback(channelKey);
  }
  rememberPost(messageKey: string, posted: PostedMessage): Promise<void> {
    return this.channels.rememberPost(messageKey, posted);
  }
  getPost(messageKey: string): Promise<PostedMessage | undefined> {
    return this.channels.getPost(messageKey);
  }
  appendTurn(threadKey: string, turn: ThreadTurn): Promise<void> {
    return this.channels.appendTurn(threadKey, turn);
  }
  getTurns(threadKey: string): Promise<ThreadTurn[]> {
    return this.channels.getTurns(threadKey);
  }

  /** Resolves when the store answers and can be written; rejects with StoreError otherwise (/healthz). */
  async probe(): Promise<void> {
    if (this.kv instanceof KeyvStore) await this.kv.probe();
    else await this.kv.get('health:probe');
  }

  /** Closes the underlying store; safe to call twice. */
  close(): Promise<void> {
    return this.kv.close();
  }
}
