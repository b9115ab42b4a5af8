import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createBotStore } from '../../src/store/index.js';
import { botStoreContract } from './contract.js';

const root = mkdtempSync(join(tmpdir(), 'paperbot-store-'));
let n = 0;
afterAll(() => rmSync(root, { recursive: true, force: true }));

botStoreContract('sqlite (temp file)', {
  persistent: true,
  makeTarget: async () => {
    // A folder that does not exist yet: the store must create it.
    const url = `sqlite://${join(root, `case-${n++}`, 'nested', 'paperbot.sqlite')}`;
    return { open: () => createBotStore(url) };
  },
});
