/** The rule that every excerpt is the source's own words. */
import { blankPageMarks, normaliseWhitespace } from '../text.ts';

/**
 * A test of whether an excerpt appears in the document word for word, whitespace aside (line
 * breaks, table tabs, the page marks of a PDF's text). The document is normalised once, not once per excerpt; excerpts mostly
 * follow the document's order, so each is looked for first from where the one before was found,
 * and only then from the start: a document whose items quote it in order is read about once in all.
 */
export function excerptFinder(documentText: string): (excerpt: string) => boolean {
  const normalised = normaliseWhitespace(blankPageMarks(documentText));
  let from = 0;
  return (excerpt) => {
    const wanted = normaliseWhitespace(excerpt);
    const at = normalised.indexOf(wanted, from);
    if (at >= 0) {
      from = at;
      return true;
    }
    return from > 0 && normalised.slice(0, from + wanted.length).includes(wanted);
  };
}
