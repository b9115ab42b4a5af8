// Structured JSON logs through pino, behind the Logger port. Secrets are redacted by key name.
import { pino, type Logger as PinoLogger, type DestinationStream } from 'pino';
import type { Logger } from './ports.js';

/** Field names whose values never reach a log line. */
const REDACT = [
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.apiKey',
  '*.signingSecret',
  '*.password',
  'token',
  'apiKey',
  'authorization',
  '*.authorization',
];

class PinoAdapter implements Logger {
  constructor(private readonly inner: PinoLogger) {}
  debug(msg: string, fields?: object): void {
    this.inner.debug(fields ?? {}, msg);
  }
  info(msg: string, fields?: object): void {
    this.inner.info(fields ?? {}, msg);
  }
  warn(msg: string, fields?: object): void {
    this.inner.warn(fields ?? {}, msg);
  }
  error(msg: string, fields?: object): void {
    this.inner.error(fields ?? {}, msg);
  }
  child(fields: object): Logger {
    return new PinoAdapter(this.inner.child(fields));
  }
}

/** A JSON logger writing to `destination` (default: stderr, so stdout stays for command output). */
export function createLogger(level = 'info', destination?: DestinationStream): Logger {
  const inner = pino(
    { level, base: { app: 'paperbot' }, redact: { paths: REDACT, censor: '[redacted]' } },
    destination ?? pino.destination(2),
  );
  return new PinoAdapter(inner);
}

/** A logger that drops everything (tests, quiet CLI paths). */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silentLogger;
  },
};
