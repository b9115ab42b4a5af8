import { createMemoryBotStore } from '../../src/store/index.js';
import { botStoreContract } from './contract.js';

botStoreContract('memory (createMemoryBotStore)', {
  persistent: false,
  makeTarget: async () => ({ open: async () => createMemoryBotStore() }),
});
