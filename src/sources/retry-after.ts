// Reads an HTTP Retry-After header, which is either delay-seconds or an HTTP date.

/**
 * Milliseconds to wait according to a Retry-After value ("120" or "Wed, 21 Oct 2026 07:28:00 GMT"),
 * never negative; undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
