// Runs when PAPERBOT_TEST_REDIS_URL is set (e.g. redis://127.0.0.1:6379). Wipes paperbot keys there.
import { describe } from 'vitest';
import { createBotStore, KeyvStore } from '../../src/store/index.js';
import { botStoreContract } from './contract.js';

const url = process.env.PAPERBOT_TEST_REDIS_URL;

describe.runIf(url)('redis', () => {
  botStoreContract(`redis (${url})`, {
    persistent: true,
    makeTarget: async () => {
      const wipe = await createBotStore(url!);
      await (wipe.kv as KeyvStore).clear();
      await wipe.close();
      return { open: () => createBotStore(url!) };
    },
  });
});
