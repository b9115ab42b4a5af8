// BotStore: the repositories over one Store, behind one object.
import type { BotStore, Logger, Store, SubscriptionPatch } from '../ports.js';
import type { Feedback, Paper, PostedMessage, Subscription, ThreadTurn } from '../types.js';
import { silentLogger } from '../logger.js';
import { StorePaperRepository } from './paper-repository.js';
import type { PaperChanges } from './paper-change-log.js';
import { IndexSnapshotStore } from './index-snapshot-store.js';
import { StoreSubscriptionRepository } from './subscription-repository.js';
import { StoreChannelStateRepository } from './channel-state-repository.js';
import { KeyvStore } from './keyv-store.js';
import type { Records } from './records.js';

/**
 * Everything the core keeps, over a KeyvStore. Subscriptions and per-channel state are written
 * atomically on the backend (safe for several instances on one store); the paper catalog is
 * still serialized inside this object only.
 */
export class KeyvBotStore implements BotStore {
  private readonly papers: StorePaperRepository;
  private readonly subs: StoreSubscriptionRepository;
  private readonly channels: StoreChannelStateRepository;
  private readonly snapshots: IndexSnapshotStore;

  constructor(
    readonly kv: Store,
    logger: Logger = silentLogger,
    /** The atomic records of the same backend (default: `kv`'s own, when kv is a KeyvStore). */
    records?: Records,
  ) {
    const recs = records ?? (kv instanceof KeyvStore ? kv.records : undefined);
    if (!recs) throw new Error('KeyvBotStore needs the records of its backend: pass a KeyvStore or its records');
    this.papers = new StorePaperRepository(kv, logger);
    this.subs = new StoreSubscriptionRepository(recs, kv);
    this.channels = new StoreChannelStateRepository(recs, kv);
    this.snapshots = new IndexSnapshotStore(kv);
  }

  upsertPapers(papers: Paper[]): Promise<{ added: number; updated: number }> {
    return this.papers.upsertPapers(papers);
  }
  getPaper(id: string): Promise<Paper | undefined> {
    return this.papers.getPaper(id);
  }
  getPapers(ids: string[]): Promise<Paper[]> {
    return this.papers.getPapers(ids);
  }
  listPapersSince(sinceDate: string): Promise<Paper[]> {
    return this.papers.listPapersSince(sinceDate);
  }
  allPaperIds(): Promise<string[]> {
    return this.papers.allPaperIds();
  }
  papersInBatches(batchSize?: number): AsyncIterable<Paper[]> {
    return this.papers.papersInBatches(batchSize);
  }
  /** The latest revision of the stored papers (raised by every upsert that writes one). */
  papersRevision(): Promise<number> {
    return this.papers.papersRevision();
  }
  /** Ids written after revision `since`, or undefined when the change log cannot tell (expired). */
  paperChangesSince(since: number): Promise<PaperChanges | undefined> {
    return this.papers.paperChangesSince(since);
  }
  /** A saved index snapshot's bytes, or undefined when none (or only part of one) is stored. */
  loadIndexSnapshot(name: string): Promise<Uint8Array | undefined> {
    return this.snapshots.load(name);
  }
  /** Saves an index snapshot (bytes, or consecutive chunks of them) under `name`, replacing the previous one. */
  saveIndexSnapshot(name: string, bytes: Uint8Array | Iterable<Uint8Array>): Promise<void> {
    return this.snapshots.save(name, bytes);
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
