// How records are written as text. Plain JSON (faster to parse than keyv's default, which runs a
// reviver over every string) with "expires" first, so SQL can find expired rows by prefix.
import type { DeserializedData } from 'keyv';

/** Prefix of every stored text that carries an expiry (used by sweeps and atomic inserts). */
export const EXPIRES_PREFIX = '{"expires":';

/** Thrown by `encode` for values that JSON would silently change (Date → string, Set → {}). */
export class UnstorableValueError extends Error {}

function guard(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  if (raw instanceof Date) throw new UnstorableValueError(`Date at "${key}": store an ISO string instead`);
  if (value instanceof Set || value instanceof Map) {
    throw new UnstorableValueError(`${value instanceof Set ? 'Set' : 'Map'} at "${key}": store an array or object instead`);
  }
  return value;
}

/** Serializes keyv's envelope `{ value, expires }` as `{"expires":…,"value":…}` (expires omitted when none). */
export function encode<T>(data: DeserializedData<T>): string {
  const envelope = typeof data.expires === 'number' ? { expires: data.expires, value: data.value } : { value: data.value };
  return JSON.stringify(envelope, guard);
}

/** Parses what `encode` wrote. */
export function decode<T>(text: string): DeserializedData<T> | undefined {
  return JSON.parse(text) as DeserializedData<T> | undefined;
}
