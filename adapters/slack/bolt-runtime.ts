// Bolt's runtime pieces the adapter uses, loaded without Bolt's package index. The index also
// loads Express and its receiver, the AWS Lambda receiver, the file installation store and more,
// none of which HTTP or Socket Mode here uses: that is about a third of Bolt's load time, paid on
// every `serve` start. Types still come from '@slack/bolt' (erased at build time).
import { createRequire } from 'node:module';
import type { App as BoltApp, LogLevel as BoltLogLevel, webApi as BoltWebApi } from '@slack/bolt';

const require = createRequire(import.meta.url);
// The module holding Bolt's App class (HTTPReceiver and SocketModeReceiver come with it).
const appModule = require('@slack/bolt/dist/App.js') as { default: typeof BoltApp; LogLevel: typeof BoltLogLevel };

/** Bolt's App class, the same one `import { App } from '@slack/bolt'` gives. */
export const App = appModule.default;
export type App = BoltApp;
/** Bolt's log levels (from @slack/logger). */
export const LogLevel = appModule.LogLevel;
export type LogLevel = BoltLogLevel;
/**
 * The Slack Web API package Bolt itself uses (what `webApi` from '@slack/bolt' re-exports),
 * resolved from Bolt's own folder so error codes and events are the ones its client emits.
 */
export const webApi = createRequire(require.resolve('@slack/bolt'))('@slack/web-api') as typeof BoltWebApi;
