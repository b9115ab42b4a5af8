// Per-channel subscriptions, one hash per channel (`sub:<channelKey>`, a field per setting) plus
// the ordered set of subscribed channels. Every write is one atomic step on the backend, so
// instances sharing a store never lose a subscription or a concurrent change of another setting.
import type { Store, SubscriptionPatch, SubscriptionRepository } from '../ports.js';
import type { Subscription } from '../types.js';
import { orderNow, type Records } from './records.js';
import { fromFields, toFields } from './record-codec.js';
import * as keys from '../store-keys.js';

/** SubscriptionRepository over atomic records; `kv` is read once for subscriptions kept by older versions. */
export class StoreSubscriptionRepository implements SubscriptionRepository {
  private migrated: Promise<void> | undefined;

  constructor(
    private readonly records: Records,
    private readonly kv: Store,
  ) {}

  /** The channel's subscription, or undefined. */
  async getSubscription(channelKey: string): Promise<Subscription | undefined> {
    await this.migrate();
    const fields = await this.records.hashGet(keys.subscription(channelKey));
    return fields && fromFields<Subscription>(fields);
  }

  /** Creates or replaces the channel's subscription (keyed by `sub.channel.key`); other channels are untouched. */
  async saveSubscription(sub: Subscription): Promise<void> {
    await this.migrate();
    const channelKey = sub.channel.key;
    const { set } = toFields(sub);
    // Index first: a channel listed without a record is skipped, a record left unlisted would never get a digest.
    await this.listChannel(channelKey);
    await this.records.hashPut(keys.subscription(channelKey), set, [], 'replace');
  }

  /**
   * Changes only the named settings (a property set to undefined is removed), atomically, so
   * concurrent changes of different settings all stick. Resolves the subscription as now stored,
   * or undefined (and writes nothing) when the channel is not subscribed.
   */
  async updateSubscription(channelKey: string, patch: SubscriptionPatch): Promise<Subscription | undefined> {
    await this.migrate();
    const { set, unset } = toFields(patch);
    const key = keys.subscription(channelKey);
    if (!(await this.records.hashPut(key, set, unset, 'if-exists'))) return undefined;
    // Heals a record a failed or raced write left unlisted (idempotent: the first order is kept).
    await this.listChannel(channelKey);
    const fields = await this.records.hashGet(key);
    return fields && fromFields<Subscription>(fields);
  }

  /** Removes the channel's subscription (no error when absent). */
  async deleteSubscription(channelKey: string): Promise<void> {
    await this.migrate();
    await this.records.delete(keys.subscription(channelKey));
    await this.records.zRemove(keys.subscribedChannels(), [channelKey]);
  }

  /** Every subscription, in the order channels first subscribed. */
  async listSubscriptions(): Promise<Subscription[]> {
    await this.migrate();
    const channels = await this.records.zMembers(keys.subscribedChannels());
    const all = await this.records.hashGetMany(channels.map(keys.subscription));
    return all.filter((f): f is Record<string, string> => f !== undefined).map((f) => fromFields<Subscription>(f));
  }

  private async listChannel(channelKey: string): Promise<void> {
    await this.records.zAdd(keys.subscribedChannels(), [{ member: channelKey, score: orderNow() }], { keepScore: true });
  }

  // Older versions kept whole subscriptions as keyv values plus a list of channel keys: copy
  // those that have no record yet, in their order, then drop the list (idempotent if two race).
  private migrate(): Promise<void> {
    this.migrated ??= (async () => {
      const index = await this.kv.get<string[]>(keys.legacySubscriptionIndex());
      if (!index) return;
      for (const channelKey of index) {
        const old = await this.kv.get<Subscription>(keys.subscription(channelKey));
        if (old && !(await this.records.hashGet(keys.subscription(channelKey)))) {
          await this.records.hashPut(keys.subscription(channelKey), toFields(old).set, [], 'replace');
          await this.records.zAdd(keys.subscribedChannels(), [{ member: channelKey, score: orderNow() }], { keepScore: true });
        }
        await this.kv.delete(keys.subscription(channelKey));
      }
      await this.kv.delete(keys.legacySubscriptionIndex());
    })().catch((err: unknown) => {
      this.migrated = undefined; // try again on the next call
      throw err;
    });
    return this.migrated;
  }
}
