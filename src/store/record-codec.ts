// How an object is kept as a hash: one field per property, each value JSON.

/** The object's defined properties as hash fields, plus the names of properties set to undefined. */
export function toFields(value: object): { set: Record<string, string>; unset: string[] } {
  const set: Record<string, string> = {};
  const unset: string[] = [];
  for (const [name, v] of Object.entries(value)) {
    if (v === undefined) unset.push(name);
    else set[name] = JSON.stringify(v);
  }
  return { set, unset };
}

/** The object a hash holds (fields parsed back from JSON). */
export function fromFields<T>(fields: Record<string, string>): T {
  const out: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(fields)) out[name] = JSON.parse(text);
  return out as T;
}
