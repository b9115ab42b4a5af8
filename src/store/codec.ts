// How keyv values are written as text: plain JSON (faster to parse than keyv's default, which runs
// a reviver over every string). Only keyv reads this envelope; no SQL of ours relies on its shape.
import type { DeserializedData } from 'keyv';

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
