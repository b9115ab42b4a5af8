// The console (the terminal) as a paperbot platform: `paperbot chat` speaks here, and
// `digest --post console:terminal` posts a digest into the terminal like into any channel.
// Serve never connects it: it reads no variables and is never "configured".
import type { PlatformDescriptor } from '../../src/ports.js';
import { channelRef } from '../../src/channel-refs.js';

/** The console platform (channel `console:terminal`; the person typing runs paperbot). */
export const consolePlatform: PlatformDescriptor = {
  name: 'console',
  env: [],
  readEnv: () => ({ ok: true, settings: undefined, problems: [] }),
  localOperator: true,
  configured: () => false,
  secrets: () => [],
  urls: () => [],
  listensOnPort: () => false,
  channels: { idPattern: /^[a-z][a-z0-9_-]{0,31}$/i, example: 'terminal', ref: (channelId) => channelRef('console', channelId) },
  async create({ config, terminal }) {
    const { createConsoleAdapter } = await import('./index.js');
    return createConsoleAdapter({
      input: terminal?.input ?? process.stdin,
      output: terminal?.output ?? process.stdout,
      color: terminal?.color ?? false,
      userTz: config.tz,
      banner: false,
      prompt: false,
    });
  },
};
