/** Reading a node's recorded changes: when, in words, and which values changed. */

export interface ValueChange {
  key: string;
  before: string;
  after: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A stored value as text; "none" for a missing one. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.map(showValue).join(', ');
  if (isRecord(value)) return JSON.stringify(value);
  return String(value);
}

/** planId → "plan id", for the property names of a change. */
export const propertyName = (key: string) => key.replace(/([A-Z])/g, ' $1').toLowerCase();

/**
 * The values a change set, from its before and after maps: every key of either, except those
 * the same on both sides. Lists (such as the ids an import created) are not property changes and
 * give no rows.
 */
export function valueChanges(before: unknown, after: unknown): ValueChange[] {
  const was = isRecord(before) ? before : {};
  const now = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(was), ...Object.keys(now)])].filter((key) => key !== 'at' && key !== 'deletedIds');
  return keys
    .filter((key) => showValue(was[key]) !== showValue(now[key]))
    .map((key) => ({ key: propertyName(key), before: showValue(was[key]), after: showValue(now[key]) }));
}

/** "22 November 2026, 13:50", in the reader's time zone. */
export function formatWhen(iso: string, locale = 'en-GB', timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(date);
}

/**
 * "16:42 on 7 December 2026", in the reader's time zone: the time first, as a sentence says when
 * something happened ("Jane Smith changed it at 16:42 on 7 December 2026").
 */
export function formatTimeOn(iso: string, locale = 'en-GB', timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(date);
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date);
  return `${time} on ${day}`;
}
