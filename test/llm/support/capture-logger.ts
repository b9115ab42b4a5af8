// A Logger that records lines, for asserting what was logged.
import type { Logger } from '../../../src/ports.js';

/** One recorded log line. */
export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string;
  fields: Record<string, unknown>;
}

/** A Logger whose `lines` (shared with its children) hold everything logged. */
export function captureLogger(lines: LogLine[] = [], base: object = {}): Logger & { lines: LogLine[] } {
  const at = (level: LogLine['level']) => (msg: string, fields?: object) =>
    lines.push({ level, msg, fields: { ...base, ...(fields ?? {}) } as Record<string, unknown> });
  return {
    lines,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (fields: object) => captureLogger(lines, { ...base, ...fields }),
  };
}
