// Bolt and the Slack SDK log through their own Logger interface; this bridges it to ours.
import type { Logger as BoltLogger } from '@slack/bolt';
import { LogLevel } from './bolt-runtime.js';
import type { Logger } from '../../src/ports.js';

function line(parts: unknown[]): string {
  return parts
    .map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : safeJson(p)))
    .join(' ');
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** A Bolt/SDK logger that writes to `logger` (component "slack"), starting at `level`. */
export function boltLogger(logger: Logger, level: LogLevel = LogLevel.INFO): BoltLogger {
  const log = logger.child({ component: 'slack' });
  let current = level;
  const rank: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };
  const on = (l: LogLevel) => rank[l] >= rank[current];
  return {
    debug: (...msg) => on(LogLevel.DEBUG) && log.debug(line(msg)),
    info: (...msg) => on(LogLevel.INFO) && log.info(line(msg)),
    warn: (...msg) => on(LogLevel.WARN) && log.warn(line(msg)),
    error: (...msg) => on(LogLevel.ERROR) && log.error(line(msg)),
    setLevel: (l) => {
      current = l;
    },
    getLevel: () => current,
    setName: () => {},
  };
}
