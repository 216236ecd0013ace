/**
 * A key whose plain string order is the order people number things in: "w2" before "w10",
 * "sp2/w3" before "sp10/w1". Each run of digits is preceded by a letter giving its length, so a
 * longer number sorts after a shorter one. Sorting by precomputed keys costs little more than a
 * plain sort, which matters when a whole graph has tens of thousands of findings.
 */
export function naturalKey(id: string): string {
  return id.replace(/\d+/g, (digits) => String.fromCharCode(64 + Math.min(digits.length, 26)) + digits);
}

/** `items` in the natural order of `id(item)` (see naturalKey); the sort is stable. */
export function naturalSort<T>(items: T[], id: (item: T) => string): T[] {
  return items
    .map((item) => [naturalKey(id(item)), item] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, item]) => item);
}
