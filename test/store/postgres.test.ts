// Runs when PAPERBOT_TEST_POSTGRES_URL is set (e.g. postgres://paperbot:paperbot@127.0.0.1:5432/paperbot_test).
// Wipes paperbot keys in that database.
import { describe } from 'vitest';
import { createBotStore, KeyvStore } from '../../src/store/index.js';
import { botStoreContract } from './contract.js';

const url = process.env.PAPERBOT_TEST_POSTGRES_URL;

describe.runIf(url)('postgres', () => {
  botStoreContract(`postgres (${url?.replace(/:[^:@/]*@/, ':***@')})`, {
    persistent: true,
    makeTarget: async () => {
      const wipe = await createBotStore(url!);
      await (wipe.kv as KeyvStore).clear();
      await wipe.close();
      return { open: () => createBotStore(url!) };
    },
  });
});
