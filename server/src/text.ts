/** Text helpers shared by the importer, the editor and the queries. */

/**
 * Collapses every run of whitespace to one space and trims the ends, so an excerpt matches its
 * source across line breaks and table tabs.
 */
export const normaliseWhitespace = (value: string): string => value.replace(/\s+/g, ' ').trim();
