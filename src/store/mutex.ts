/**
 * Serializes async critical sections per name inside this process. Read-modify-write of a stored
 * array is safe under it for a single instance; across instances only locks taken with
 * Store.setIfAbsent (atomic on Redis/Postgres/SQLite) protect anything.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `fn` after every earlier call with the same name has settled. */
  async run<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(name) ?? Promise.resolve();
    const result = previous.then(fn, fn);
    const tail = result.catch(() => undefined);
    this.tails.set(name, tail);
    try {
      return await result;
    } finally {
      if (this.tails.get(name) === tail) this.tails.delete(name);
    }
  }
}
