// Graceful shutdown on SIGTERM/SIGINT: ordered steps, each bounded, then exit 0.
import type { Logger } from '../ports.js';
import { errorMessage } from '../errors.js';

/** One thing to do on shutdown, e.g. "stop scheduler", "stop slack", "close store". */
export interface ShutdownStep {
  name: string;
  run(): Promise<void> | void;
  /** Longest wait for this step (default: the overall timeout). */
  timeoutMs?: number;
}

/** Options of installShutdown. */
export interface ShutdownOptions {
  logger: Logger;
  /** Run in order. Put "stop taking work" first and "close the store" last. */
  steps: ShutdownStep[];
  /** Signals to handle (default SIGTERM and SIGINT). */
  signals?: NodeJS.Signals[];
  /** Upper bound for the whole shutdown; past it the process exits 1 (default 30 s). */
  timeoutMs?: number;
  /** How to end the process (default process.exit); tests pass a spy. */
  exit?: (code: number) => void;
}

/** An installed shutdown handler. */
export interface ShutdownHandle {
  /** Runs the shutdown now (as a signal would); resolves with the exit code it used. */
  shutdown(reason: string): Promise<number>;
  /** Removes the signal listeners (tests). */
  uninstall(): void;
}

/**
 * Installs signal handlers that run `steps` in order (a failing or slow step is logged and the
 * next one still runs), then exit 0. A second signal during shutdown exits 1 at once; exceeding
 * `timeoutMs` exits 1. Calling shutdown() twice returns the same run.
 */
export function installShutdown(options: ShutdownOptions): ShutdownHandle {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const total = options.timeoutMs ?? 30_000;
  const log = options.logger.child({ component: 'shutdown' });
  let running: Promise<number> | undefined;

  async function runSteps(): Promise<number> {
    for (const step of options.steps) {
      const started = Date.now();
      try {
        await bounded(Promise.resolve().then(() => step.run()), step.timeoutMs ?? total);
        log.info('shutdown step done', { step: step.name, ms: Date.now() - started });
      } catch (err) {
        log.error('shutdown step failed', { step: step.name, error: errorMessage(err) });
      }
    }
    return 0;
  }

  function shutdown(reason: string): Promise<number> {
    if (running) return running;
    log.info('shutting down', { reason });
    running = bounded(runSteps(), total).then(
      (code) => {
        log.info('shutdown complete');
        exit(code);
        return code;
      },
      () => {
        log.error('shutdown timed out; exiting', { timeoutMs: total });
        exit(1);
        return 1;
      },
    );
    return running;
  }

  const onSignal = (signal: NodeJS.Signals) => {
    if (running) {
      log.warn('second signal during shutdown; exiting now', { signal });
      exit(1);
      return;
    }
    void shutdown(signal);
  };
  for (const s of signals) process.on(s, onSignal);
  return {
    shutdown,
    uninstall: () => signals.forEach((s) => process.off(s, onSignal)),
  };
}

function bounded<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
