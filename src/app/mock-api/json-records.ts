/**
 * Keyed records without a prototype. The server keys some records by what a client sends (a
 * username, a header, a query parameter); on a plain object the names it inherits (`constructor`,
 * `__proto__`, `toString`…) would read as present, and writing `__proto__` would replace the
 * prototype instead of storing a value. A record made here has only the keys put into it.
 */

/** An empty record with no inherited keys. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A record with no inherited keys holding `entries` (later duplicates win). */
export function recordOf<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const record = emptyRecord<T>();
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/**
 * `JSON.parse` where every object comes out without a prototype, so a stored or sent key such
 * as `"__proto__"` is an ordinary key. Throws on invalid JSON, as `JSON.parse` does.
 */
export function parseJsonRecords(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? recordOf(Object.entries(value))
      : value,
  );
}
