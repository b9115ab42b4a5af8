// Per-channel subscriptions, one hash per channel (`sub:<channelKey>`, a field per setting) plus
// the ordered set of subscribed channels. A channel's example papers (Subscription.likes) are an
// ordered set under the same key (ordered by when each was added), written per member. Every
// write is one atomic step on the backend, so instances sharing a store never lose a subscription,
// a concurrent change of another setting, or an example added or removed at the same time.
import type { Store, SubscriptionPatch, SubscriptionRepository } from '../ports.js';
import { MAX_EXAMPLE_PAPERS } from '../ports.js';
import type { Subscription } from '../types.js';
import { orderNow, type Records } from './records.js';
import { fromFields, toFields } from './record-codec.js';
import * as keys from '../store-keys.js';

/** The hash field where versions before the example set kept the examples as one JSON list. */
const LEGACY_LIKES_FIELD = 'likes';

/** SubscriptionRepository over atomic records; `kv` is read once for subscriptions kept by older versions. */
export class StoreSubscriptionRepository implements SubscriptionRepository {
  private migrated: Promise<void> | undefined;

  constructor(
    private readonly records: Records,
    private readonly kv: Store,
  ) {}

  /** The channel's subscription (with its example papers, earliest added first), or undefined. */
  async getSubscription(channelKey: string): Promise<Subscription | undefined> {
    await this.migrate();
    const fields = await this.records.hashGet(keys.subscription(channelKey));
    return fields && this.withExamples(channelKey, fields);
  }

  /**
   * Creates or replaces the channel's subscription (keyed by `sub.channel.key`); other channels are
   * untouched. Its example papers become exactly `sub.likes` (none when absent).
   */
  async saveSubscription(sub: Subscription): Promise<void> {
    await this.migrate();
    const channelKey = sub.channel.key;
    const { likes, ...settings } = sub;
    // Index first: a channel listed without a record is skipped, a record left unlisted would never get a digest.
    await this.listChannel(channelKey);
    await this.records.hashPut(keys.subscription(channelKey), toFields(settings).set, [], 'replace');
    const wanted = likes ?? [];
    const stale = (await this.records.zMembers(keys.subscription(channelKey))).filter((id) => !wanted.includes(id));
    await this.records.zRemove(keys.subscription(channelKey), stale);
    await this.addExamples(channelKey, wanted);
  }

  /**
   * Changes only the named settings (a property set to undefined is removed), atomically, so
   * concurrent changes of different settings all stick. Resolves the subscription as now stored,
   * or undefined (and writes nothing) when the channel is not subscribed.
   */
  async updateSubscription(channelKey: string, patch: SubscriptionPatch): Promise<Subscription | undefined> {
    await this.migrate();
    // Examples change only per member (addExamples/removeExamples): a whole list written here
    // would drop an example another instance added meanwhile.
    const { likes: _notASetting, ...settings } = patch as SubscriptionPatch & { likes?: unknown };
    const { set, unset } = toFields(settings);
    const key = keys.subscription(channelKey);
    if (!(await this.records.hashPut(key, set, unset, 'if-exists'))) return undefined;
    // Heals a record a failed or raced write left unlisted (idempotent: the first order is kept).
    await this.listChannel(channelKey);
    const fields = await this.records.hashGet(key);
    return fields && this.withExamples(channelKey, fields);
  }

  /**
   * Adds example papers in one atomic step per call: concurrent additions all stick, an id already
   * there keeps its place, and past MAX_EXAMPLE_PAPERS the earliest added are dropped in that
   * same step. Callers check the subscription first; a set a race leaves behind an unsubscribed
   * channel is replaced when the channel subscribes again (saveSubscription).
   */
  async addExamples(channelKey: string, paperIds: string[]): Promise<void> {
    if (paperIds.length === 0) return;
    const entries = [...new Set(paperIds)].map((member) => ({ member, score: orderNow() }));
    await this.records.zAdd(keys.subscription(channelKey), entries, { keepScore: true, cap: MAX_EXAMPLE_PAPERS });
  }

  /** Removes example papers (each on its own; no error when one is absent). */
  async removeExamples(channelKey: string, paperIds: string[]): Promise<void> {
    await this.records.zRemove(keys.subscription(channelKey), paperIds);
  }

  /** Removes the channel's subscription and its example papers (no error when absent). */
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
    const subs = channels.flatMap((channelKey, i) => {
      const fields = all[i];
      return fields ? [this.withExamples(channelKey, fields)] : [];
    });
    return Promise.all(subs);
  }

  private async listChannel(channelKey: string): Promise<void> {
    await this.records.zAdd(keys.subscribedChannels(), [{ member: channelKey, score: orderNow() }], { keepScore: true });
  }

  /** The subscription `fields` hold, its examples read from their set (moved there first when an older version kept them as a field). */
  private async withExamples(channelKey: string, fields: Record<string, string>): Promise<Subscription> {
    const { [LEGACY_LIKES_FIELD]: legacy, ...settings } = fields;
    if (legacy !== undefined) await this.moveLegacyExamples(channelKey, JSON.parse(legacy) as string[]);
    const likes = await this.records.zMembers(keys.subscription(channelKey));
    return { ...fromFields<Subscription>(settings), likes };
  }

  // Versions before the example set kept the examples as one list field, oldest first. Copy them
  // into the set, ordered before anything added since, then drop the field. Two instances moving
  // at once add the same members (keepScore keeps the first order). The one window: an example
  // another instance removes between this copy's read and its write comes back, once.
  private async moveLegacyExamples(channelKey: string, likes: string[]): Promise<void> {
    const key = keys.subscription(channelKey);
    const base = orderNow() - likes.length;
    await this.records.zAdd(key, likes.map((member, i) => ({ member, score: base + i })), { keepScore: true, cap: MAX_EXAMPLE_PAPERS });
    await this.records.hashPut(key, {}, [LEGACY_LIKES_FIELD], 'if-exists');
  }

  // Older versions kept whole subscriptions as keyv values plus a list of channel keys: copy
  // those that have no record yet, in their order, then drop the list (idempotent if two race).
  // Their examples land in the hash's old list field and move into the set on the first read.
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
