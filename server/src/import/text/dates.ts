/**
 * Dates as documents write them, read through date-fns with explicit formats, so a day that does
 * not exist ("30 February 2024", "31/04/2023") is refused rather than rolled into the next month.
 * Regular expressions only find where a date may be; the parser decides whether it is one.
 */
import { format, isValid, parse } from 'date-fns';
import { enGB } from 'date-fns/locale';

const monthNames = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
// A fixed reference date: parsing must not depend on the day the import runs.
const reference = new Date(2000, 0, 1);

function parseWith(value: string, formats: readonly string[]): Date | undefined {
  for (const pattern of formats) {
    const date = parse(value, pattern, reference, { locale: enGB });
    if (isValid(date) && date.getFullYear() >= 1800 && date.getFullYear() <= 2200) return date;
  }
  return undefined;
}

const dayFormats = ['d MMMM yyyy', 'do MMMM yyyy', 'd MMM yyyy', 'do MMM yyyy'];
const numericFormats = ['d/M/yyyy', 'd.M.yyyy', 'd-M-yyyy'];

/**
 * A calendar day written in words or British numerals ("13 June 2017", "1st Sept 2023",
 * "14/12/2023") as YYYY-MM-DD; undefined when it is not a real day.
 */
export function readDay(value: string): string | undefined {
  const text = value
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\bsept\b/i, 'Sep');
  const date = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(text) ? parseWith(text, numericFormats) : parseWith(text, dayFormats);
  return date ? format(date, 'yyyy-MM-dd') : undefined;
}

/** A month written in words ("July 2018") as YYYY-MM; undefined when it is not one. */
export function readMonth(value: string): string | undefined {
  const date = parseWith(
    value
      .trim()
      .replace(/\s+/g, ' ')
      .replace(/\bsept\b/i, 'Sep'),
    ['MMMM yyyy', 'MMM yyyy'],
  );
  return date ? format(date, 'yyyy-MM') : undefined;
}

/** A day found in running text: its date and where it was written. */
export interface FoundDay {
  date: string;
  index: number;
  written: string;
}

/**
 * Every real day written in a text, in order ("Inspection dates: 4 to 8 March 2024" gives 8 March;
 * "30 February 2024" gives nothing).
 */
export function daysIn(text: string): FoundDay[] {
  const candidates = new RegExp(`\\b(\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${monthNames})\\.?,?\\s+\\d{4}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4})\\b`, 'gi');
  const found: FoundDay[] = [];
  for (const match of text.matchAll(candidates)) {
    const written = match[1]!;
    const date = readDay(written.replace(/[.,](?=\s)/g, ''));
    if (date) found.push({ date, index: match.index, written });
  }
  return found;
}

/** The first month written in words in a text ("… – July 2018") as YYYY-MM. */
export function monthIn(text: string): string | undefined {
  for (const match of text.matchAll(new RegExp(`\\b((?:${monthNames})\\s+\\d{4})\\b`, 'gi'))) {
    const month = readMonth(match[1]!);
    if (month) return month;
  }
  return undefined;
}

const yearRange =
  /\b((?:19|20)\d\d)(?:\s*\/\s*(\d\d))?\s*(?:-|–|—|to|until)\s*((?:19|20)\d\d|\d\d)(?:\s*\/\s*(\d\d))?\b(?!\s*\/)|\b((?:19|20)\d\d)\s*\/\s*(\d\d)\b(?!\s*\/)/gi;

/** A two-digit year read as the first year at or after `after` that ends in those digits. */
function fullYear(written: string, after: number): number {
  if (written.length === 4) return Number(written);
  const year = Math.floor(after / 100) * 100 + Number(written);
  return year < after ? year + 100 : year;
}

/**
 * A plan's period written as a range of years: "2019-2024", "2019 to 2024", "2020-23", a financial
 * year "2023/24" (only when `singleYear`: in a title it is the plan's year, in running text more
 * often a budget's), or a range of them "2023/24 to 2025/26" (to the end year of the last).
 * Undefined when the end is not after the start or the range is over 25 years.
 */
export function yearRangeIn(value: string, { singleYear = false } = {}): { start: number; end: number } | undefined {
  for (const match of value.matchAll(yearRange)) {
    if (match[5] && !singleYear) continue;
    return rangeOf(match);
  }
  return undefined;
}

// A financial year ("2023/24") ends the year after it starts; "2023/25" is not one.
function rangeOf(match: RegExpMatchArray): { start: number; end: number } | undefined {
  let start: number;
  let end: number;
  if (match[5]) {
    start = Number(match[5]);
    end = fullYear(match[6]!, start);
    if (end !== start + 1) return undefined;
  } else {
    start = Number(match[1]);
    const to = fullYear(match[3]!, start);
    end = match[4] ? fullYear(match[4], to) : to;
    if (match[2] && fullYear(match[2], start) !== start + 1) return undefined;
  }
  return end > start && end - start <= 25 ? { start, end } : undefined;
}
