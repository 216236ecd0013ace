/** Text helpers shared by the importer, the editor, the legislation catalogue and the queries. */

/**
 * Collapses every run of whitespace to one space and trims the ends, so an excerpt matches its
 * source across line breaks and table tabs.
 */
export const normaliseWhitespace = (value: string): string => value.replace(/\s+/g, ' ').trim();

/**
 * The text with each page mark a PDF is read with (`<!-- page 2 -->`) blanked out, character for
 * character, so offsets stay put and no excerpt can quote a mark or be kept from running on
 * across a page break.
 */
export const blankPageMarks = (value: string): string => value.replace(/<!--\s*page\s+\d{1,5}\s*-->/gi, (mark) => ' '.repeat(mark.length));

/**
 * A lower-case slug of a title's words for ids: accents and apostrophes dropped ("Children's" →
 * "childrens"), "&" read as "and", every other run of non-letters one hyphen; at most `max`
 * characters, cut at a hyphen where one falls in the second half.
 */
export function slugify(value: string, max = 50): string {
  const slug = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const dash = cut.lastIndexOf('-');
  return (dash > max / 2 ? cut.slice(0, dash) : slug.slice(0, max)).replace(/-+$/, '');
}
