// The Store port over keyv: one namespace ("paperbot"), JSON records, failures logged and rejected.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger, Store } from '../ports.js';
import { silentLogger } from '../logger.js';
import { errorMessage } from '../errors.js';
import { createBackend, createMemoryBackend, type Backend } from './backends.js';
import { encode, UnstorableValueError } from './codec.js';
import { StoreError } from './store-error.js';
import { parseStoreUrl, redact, scrubUrl, type StoreTarget } from './store-url.js';
import type { Records } from './records.js';

/** Keys per getMany round trip (keeps SQL parameter lists small). */
const GET_MANY_CHUNK = 250;
/** getMany round trips in flight at once. */
const GET_MANY_PARALLEL = 2;
/**
 * How often expired values are swept from SQLite/Postgres/memory, and when the first sweep runs.
 * A sweep reads every keyv value once (keyv's iterator), so it runs rarely and not at start.
 */
const SWEEP_INTERVAL_MS = 24 * 60 * 60 * 1000;
const FIRST_SWEEP_DELAY_MS = 10 * 60 * 1000;
/** Longest a setIfAbsent gate (a claim) stays taken when its holder dies before releasing it. */
const SET_IF_ABSENT_GATE_TTL_MS = 10_000;
/** Longest pause between two tries at a taken setIfAbsent gate. */
const SET_IF_ABSENT_MAX_PAUSE_MS = 40;
/**
 * Longest one store call may take before it rejects with StoreError ("timed out"), so a chat
 * command can still answer "storage unavailable" inside the platform's 3 s. The backends give up
 * on their side within the same time (Redis refuses commands while disconnected, Postgres has a
 * connect timeout and a statement timeout, SQLite a busy timeout), so a call that timed out is not
 * applied later.
 */
export const STORE_CALL_TIMEOUT_MS = 2500;
/** How long the same backend error is not logged again. */
const REPEATED_ERROR_QUIET_MS = 60_000;

const normalizeTtl = (ttlMs: number | undefined): number | undefined =>
  typeof ttlMs === 'number' && Number.isFinite(ttlMs) && ttlMs > 0 ? Math.ceil(ttlMs) : undefined;

/**
 * `Store` over keyv. Backends by URL: `sqlite://<path>` (default ./data/paperbot.sqlite, folder
 * created, WAL mode), `memory://`, `redis://`/`rediss://`, `postgres://`/`postgresql://`.
 *
 * Errors: the keyv 'error' event is logged through the Logger (so connection faults never crash
 * the process); every failing get/getMany/set/delete/setIfAbsent also rejects with StoreError so
 * the caller knows. Values are JSON: Dates, Sets and Maps are refused (store ISO strings and arrays).
 *
 * `setIfAbsent` checks and writes the keyv value while holding a claim of the records
 * (`set-if-absent:<key>`: Redis `SET NX PX`, a claims table of our own in SQLite and Postgres), so
 * it is atomic for every setIfAbsent caller across processes on Redis, Postgres and SQLite, and
 * within the one process on `memory://`. An expired value counts as absent everywhere (keyv's own
 * TTL check). Everything several processes update (subscriptions, per-channel sets, locks) lives
 * in `records`, on structures of paperbot's own; keyv keeps plain values, and nothing here reads
 * or writes keyv's tables other than through keyv.
 * Every call rejects with StoreError after STORE_CALL_TIMEOUT_MS.
 */
export class KeyvStore implements Store {
  private closed = false;
  private sweepTimer: NodeJS.Timeout | undefined;
  private readonly logged = new WeakSet<object>();
  /** First error the backend emitted: the real cause behind adapters' generic "not connected" errors at open. */
  private firstBackendError: unknown;

  private constructor(
    private readonly backend: Backend,
    private readonly logger: Logger,
  ) {
    let lastText = '';
    let lastAt = 0;
    backend.keyv.on('error', (err: unknown) => {
      if (typeof err === 'object' && err !== null) this.logged.add(err);
      this.firstBackendError ??= err;
      // A reconnecting client repeats the same error every few seconds: once a minute is enough.
      const text = errorMessage(err);
      if (text === lastText && Date.now() - lastAt < REPEATED_ERROR_QUIET_MS) return;
      lastText = text;
      lastAt = Date.now();
      this.logger.error('store backend error', { err: text });
    });
  }

  /** Opens the store for `url` and checks the connection (expired rows are swept ten minutes later, then daily). Rejects with StoreError when unusable. */
  static async open(url: string, logger: Logger = silentLogger): Promise<KeyvStore> {
    const target = parseStoreUrl(url);
    if (target.kind === 'memory') return KeyvStore.memory(logger);
    const log = logger.child({ component: 'store', backend: target.kind });
    let backend: Backend;
    try {
      backend = await createBackend(target, log);
    } catch (err) {
      throw new StoreError('open', undefined, scrubUrl(`${redact(url)}: ${errorMessage(err)}`, url));
    }
    const store = new KeyvStore(backend, log);
    try {
      await backend.ready();
    } catch (err) {
      await backend.disconnect().catch(() => undefined);
      const cause = store.firstBackendError ?? err;
      // No `cause`: driver errors carry connection details that must not reach any output.
      throw new StoreError('open', undefined, scrubUrl(`${redact(url)}: ${errorMessage(cause)}`, url));
    }
    store.startSweeps();
    log.debug('store opened', { url: redact(url), atomicSetIfAbsent: backend.atomicAcrossProcesses });
    return store;
  }

  /** A store over a Map in this process (what `memory://` opens). Synchronous: nothing to connect. */
  static memory(logger: Logger = silentLogger): KeyvStore {
    const store = new KeyvStore(createMemoryBackend(), logger.child({ component: 'store', backend: 'memory' }));
    store.startSweeps();
    return store;
  }

  // The first sweep waits: it reads every value, which would only slow the start.
  private startSweeps(): void {
    this.sweepTimer = setTimeout(() => {
      void this.sweep();
      this.sweepTimer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
      this.sweepTimer.unref();
    }, FIRST_SWEEP_DELAY_MS);
    this.sweepTimer.unref();
  }

  /** Which backend this store talks to. */
  get kind(): StoreTarget['kind'] {
    return this.backend.kind;
  }

  /**
   * Hashes and ordered sets with atomic updates on every backend (see records.ts). Each call is
   * logged, timed and rejected like the other store calls.
   */
  get records(): Records {
    const r = this.backend.records;
    return {
      hashGet: (key) => this.run('hashGet', key, () => r.hashGet(key)),
      hashGetMany: (keys) => this.run('hashGetMany', keys[0], () => r.hashGetMany(keys)),
      hashPut: (key, set, unset, mode) => this.run('hashPut', key, () => r.hashPut(key, set, unset, mode)),
      zAdd: (key, entries, options) => this.run('zAdd', key, () => r.zAdd(key, entries, options)),
      zRemove: (key, members) => this.run('zRemove', key, () => r.zRemove(key, members)),
      zMembers: (key) => this.run('zMembers', key, () => r.zMembers(key)),
      delete: (key) => this.run('delete', key, () => r.delete(key)),
      claim: (key, owner, ttlMs) => this.run('claim', key, () => r.claim(key, owner, ttlMs)),
      claimOwner: (key) => this.run('claimOwner', key, () => r.claimOwner(key)),
      renewClaim: (key, owner, ttlMs) => this.run('renewClaim', key, () => r.renewClaim(key, owner, ttlMs)),
      releaseClaim: (key, owner) => this.run('releaseClaim', key, () => r.releaseClaim(key, owner)),
      clear: () => this.run('clear', undefined, () => r.clear(), 0),
      sweepExpired: (now) => this.run('sweep', undefined, () => r.sweepExpired(now), 0),
    };
  }

  /**
   * Resolves when the store answers a round trip and can still be written (for /healthz);
   * rejects with StoreError otherwise (down, timed out, SQLite file deleted or read-only).
   */
  async probe(): Promise<void> {
    await this.run('probe', undefined, () => this.backend.probe());
  }

  /** True when setIfAbsent and the records' claims are atomic across processes (Redis, Postgres, SQLite). */
  get atomicAcrossProcesses(): boolean {
    return this.backend.atomicAcrossProcesses;
  }

  /** The value, or undefined when absent or expired. */
  async get<T>(key: string): Promise<T | undefined> {
    return this.run('get', key, async () => (await this.backend.keyv.get(key)) as T | undefined);
  }

  /** Values in the order of `keys` (undefined where absent or expired). Batched internally. */
  async getMany<T>(keys: string[]): Promise<Array<T | undefined>> {
    if (keys.length === 0) return [];
    const chunks: string[][] = [];
    for (let i = 0; i < keys.length; i += GET_MANY_CHUNK) chunks.push(keys.slice(i, i + GET_MANY_CHUNK));
    // The call timeout is per round trip: a big read may take longer in all, but not per chunk.
    const timeoutMs = STORE_CALL_TIMEOUT_MS * Math.ceil(chunks.length / GET_MANY_PARALLEL);
    return this.run('getMany', keys[0], async () => {
      const parts: Array<Array<T | undefined>> = new Array(chunks.length);
      // A few chunks in flight: the backend reads the next while this thread parses the last.
      let next = 0;
      const worker = async () => {
        while (next < chunks.length) {
          const i = next++;
          parts[i] = (await this.backend.keyv.getMany(chunks[i]!)) as Array<T | undefined>;
        }
      };
      await Promise.all(Array.from({ length: Math.min(GET_MANY_PARALLEL, chunks.length) }, worker));
      return parts.flat();
    }, timeoutMs);
  }

  /** Writes `value` (JSON) with an optional time to live; `ttlMs` ≤ 0 or absent means no expiry. */
  async set<T>(key: string, value: T, ttlMs?: number): Promise<void> {
    await this.run('set', key, async () => {
      await this.backend.keyv.set(key, value, normalizeTtl(ttlMs));
    });
  }

  /** Removes the key (no error when absent). */
  async delete(key: string): Promise<void> {
    await this.run('delete', key, async () => {
      await this.backend.keyv.delete(key);
    });
  }

  /**
   * Sets only when absent (or expired); resolves true when this call set it. Concurrent callers
   * for one key take turns at a claim of the records, so exactly one of them sets it (see the
   * class note); a plain `set` still overwrites.
   */
  async setIfAbsent<T>(key: string, value: T, ttlMs?: number): Promise<boolean> {
    return this.run('setIfAbsent', key, async () => {
      encode({ value }); // refuses Dates and Sets before anything is taken
      const gate = `set-if-absent:${key}`;
      const owner = randomUUID();
      const giveUpAt = Date.now() + STORE_CALL_TIMEOUT_MS;
      for (let pause = 1; !(await this.backend.records.claim(gate, owner, SET_IF_ABSENT_GATE_TTL_MS)); ) {
        if (Date.now() >= giveUpAt || this.closed) throw new Error(`${gate} stayed taken (another process is setting it)`);
        await sleep(pause + Math.random() * pause);
        pause = Math.min(pause * 2, SET_IF_ABSENT_MAX_PAUSE_MS);
      }
      try {
        if ((await this.backend.keyv.get(key)) !== undefined) return false;
        await this.backend.keyv.set(key, value, normalizeTtl(ttlMs));
        return true;
      } finally {
        // A failed release only delays the next caller until the gate expires.
        await this.backend.records.releaseClaim(gate, owner).catch(() => undefined);
      }
    });
  }

  /** Deletes every paperbot record in this backend (other namespaces are left alone). */
  async clear(): Promise<void> {
    await this.run(
      'clear',
      undefined,
      async () => {
        await this.backend.keyv.clear();
        await this.backend.records.clear();
      },
      0,
    );
  }

  /**
   * Deletes expired records now (also runs ten minutes after open, then daily); resolves how many
   * of our own records went (keyv's own deletions are not counted). Never rejects. Keyv values go
   * through keyv's iterator, which deletes each expired value it meets (Redis expires them
   * itself); records go through their own sweep on our tables.
   */
  async sweep(): Promise<number> {
    if (this.closed) return 0;
    try {
      const now = Date.now();
      const { keyv } = this.backend;
      if (!this.backend.expiresNatively && keyv.iterator) {
        for await (const _entry of keyv.iterator(undefined)) {
          if (this.closed) break;
        }
      }
      const n = await this.backend.records.sweepExpired(now);
      if (n > 0) this.logger.debug('expired records swept', { count: n });
      return n;
    } catch (err) {
      this.logger.warn('sweeping expired records failed', { err: errorMessage(err) });
      return 0;
    }
  }

  /** Closes connections; safe to call twice. Later calls reject with StoreError. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    try {
      await this.backend.disconnect();
    } catch (err) {
      this.logger.warn('closing the store failed', { err: errorMessage(err) });
    }
  }

  /** Runs one store call: rejects with StoreError on failure or after `timeoutMs` (0 = no limit). */
  private async run<T>(op: string, key: string | undefined, fn: () => Promise<T>, timeoutMs = STORE_CALL_TIMEOUT_MS): Promise<T> {
    if (this.closed) throw new StoreError(op, key, 'the store is closed');
    let timer: NodeJS.Timeout | undefined;
    try {
      if (timeoutMs <= 0) return await fn();
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms (store unreachable?)`)), timeoutMs);
      });
      return await Promise.race([fn(), deadline]);
    } catch (err) {
      if (err instanceof UnstorableValueError) throw new StoreError(op, key, err.message, { cause: err });
      if (typeof err !== 'object' || err === null || !this.logged.has(err)) {
        this.logger.error('store operation failed', { op, key, err: errorMessage(err) });
      }
      throw new StoreError(op, key, errorMessage(err), { cause: err });
    } finally {
      clearTimeout(timer);
    }
  }
}
