// BotStore: the repositories over one Store, behind one object.
import type { BotStore, Logger, Store } from '../ports.js';
import type { Feedback, PostedMessage, Subscription, ThreadTurn } from '../types.js';
import { silentLogger } from '../logger.js';
import { KeyedMutex } from './mutex.js';
import { StoreSubscriptionRepository } from './subscription-repository.js';
import { StoreChannelStateRepository } from './channel-state-repository.js';

/**
 * Bot state over any Store (papers live in the corpus). Read-modify-write of shared records (catalog,
 * subscription index, per-channel arrays) is serialized inside this object; use one
 * KeyvBotStore per process and backend.
 */
export class KeyvBotStore implements BotStore {
  private readonly subs: StoreSubscriptionRepository;
  private readonly channels: StoreChannelStateRepository;

  constructor(
    readonly kv: Store,
    logger: Logger = silentLogger,
  ) {
    const mutex = new KeyedMutex();
    this.subs = new StoreSubscriptionRepository(kv, mutex);
    this.channels = new StoreChannelStateRepository(kv, mutex);
  }

  getSubscription(channelKey: string): Promise<Subscription | undefined> {
    return this.subs.getSubscription(channelKey);
  }
  saveSubscription(sub: Subscription): Promise<void> {
    return this.subs.saveSubscription(sub);
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

  /** Closes the underlying store; safe to call twice. */
  close(): Promise<void> {
    return this.kv.close();
  }
}
