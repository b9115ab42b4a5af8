// Runs model calls over batches with a small concurrency cap, stopping at the first failure
// (a spent budget or a dead server would fail every remaining batch the same way).

/** Splits `items` into consecutive batches of at most `size`. */
export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += Math.max(1, size)) out.push(items.slice(i, i + Math.max(1, size)));
  return out;
}

/**
 * Calls `fn` on each batch, at most `concurrency` at a time. Resolves when all succeeded; on the
 * first rejection no new batch starts, running ones finish, and the first error is thrown.
 */
export async function runBatches<T>(batches: T[], concurrency: number, fn: (batch: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < batches.length) {
      const index = next++;
      try {
        await fn(batches[index]!, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, concurrency), batches.length) }, worker));
  if (failure) throw failure.error;
}
