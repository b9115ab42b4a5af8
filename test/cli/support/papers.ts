// Papers for the posting tests: one relevant paper with a title that tries to ping everyone.
import { createBotStore } from '../../../src/store/index.js';
import { readConfig } from '../../../src/config.js';
import { channelRefFor } from '../../../src/main.js';
import { newSubscription, subscriptionDefaults } from '../../../src/new-subscription.js';
import type { Subscription } from '../../../src/types.js';

/** Untrusted text that would ping people if not neutralized. */
export const EVIL_TITLE = 'Attention <!channel> <@U123> & more: merging LoRA adapters';
export const INTERESTS = 'merging LoRA adapters of language models';

/** A small JSON paper list: two papers on the interests (one with EVIL_TITLE), one unrelated. */
export const POST_PAPERS = [
  {
    id: '2606.00001',
    title: EVIL_TITLE,
    abstract: 'We merge LoRA adapters of large language models without interference. @everyone <@&123> look at this adapter merging trick.',
    authors: ['Ada Lovelace', 'Alan <Turing> & Co'],
  },
  {
    id: '2606.00002',
    title: 'Merging fine-tuned language model adapters at scale',
    abstract: 'Adapter merging for language models: LoRA adapters are merged by aligning their subspaces first.',
    authors: ['Grace Hopper'],
  },
  { id: '2606.00003', title: 'Stork migration across Europe', abstract: 'Satellite tracking of white storks.', authors: ['B. Bird'] },
];

/** Saves a subscription for `platform:channelId` in the store at `storeUrl` (as `/papers subscribe` would). */
export async function seedSubscription(
  env: Record<string, string | undefined>,
  platform: 'slack' | 'discord',
  channelId: string,
  overrides: Partial<Subscription> = {},
): Promise<void> {
  const config = readConfig(env);
  const store = await createBotStore(config.storeUrl);
  try {
    await store.saveSubscription({ ...newSubscription(channelRefFor(platform, channelId), subscriptionDefaults(config), { interests: INTERESTS, subscribedBy: 'U1', now: new Date(0) }), ...overrides });
  } finally {
    await store.close();
  }
}

/** Reads back a stored subscription. */
export async function storedSubscription(env: Record<string, string | undefined>, platform: 'slack' | 'discord', channelId: string): Promise<Subscription | undefined> {
  const config = readConfig(env);
  const store = await createBotStore(config.storeUrl);
  try {
    return await store.getSubscription(channelRefFor(platform, channelId).key);
  } finally {
    await store.close();
  }
}
