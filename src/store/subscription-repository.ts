// Per-channel subscriptions: `sub:<channelKey>` plus the `subs:index` list of channel keys.
import type { Store, SubscriptionRepository } from '../ports.js';
import type { Subscription } from '../types.js';
import type { KeyedMutex } from './mutex.js';
import * as keys from './keys.js';

/** SubscriptionRepository over a Store; index updates are serialized through `mutex` (single instance). */
export class StoreSubscriptionRepository implements SubscriptionRepository {
  constructor(
    private readonly kv: Store,
    private readonly mutex: KeyedMutex,
  ) {}

  /** The channel's subscription, or undefined. */
  async getSubscription(channelKey: string): Promise<Subscription | undefined> {
    return this.kv.get<Subscription>(keys.subscription(channelKey));
  }

  /** Creates or replaces the channel's subscription (keyed by `sub.channel.key`). */
  async saveSubscription(sub: Subscription): Promise<void> {
    const channelKey = sub.channel.key;
    await this.kv.set(keys.subscription(channelKey), sub);
    await this.updateIndex((list) => (list.includes(channelKey) ? list : [...list, channelKey]));
  }

  /** Removes the channel's subscription (no error when absent). */
  async deleteSubscription(channelKey: string): Promise<void> {
    await this.kv.delete(keys.subscription(channelKey));
    await this.updateIndex((list) => list.filter((k) => k !== channelKey));
  }

  /** Every subscription, in the order channels first subscribed. */
  async listSubscriptions(): Promise<Subscription[]> {
    const index = (await this.kv.get<string[]>(keys.subscriptionIndex())) ?? [];
    const subs = await this.kv.getMany<Subscription>(index.map(keys.subscription));
    return subs.filter((s): s is Subscription => s !== undefined);
  }

  private async updateIndex(change: (list: string[]) => string[]): Promise<void> {
    await this.mutex.run(keys.subscriptionIndex(), async () => {
      const before = (await this.kv.get<string[]>(keys.subscriptionIndex())) ?? [];
      const after = change(before);
      if (after !== before) await this.kv.set(keys.subscriptionIndex(), after);
    });
  }
}
