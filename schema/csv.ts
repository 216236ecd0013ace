/**
 * The one CSV writer of the product, used by the server's export, the client's gap list and the
 * import template, so every CSV leaving the product is written, quoted and made safe the same way.
 *
 * Built on csv-stringify's synchronous API. Its browser build is imported because the package's
 * default build needs Node's `Buffer`; the browser build carries its own and runs in Node too.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';

/**
 * First characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"):
 * the ones csv-stringify's `escape_formulas` prefixes with an apostrophe, with the full-width
 * forms that Apple Numbers reads as their ASCII twins.
 */
export const formulaStarts = ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'] as const;

/** Apostrophes and then a formula character: the form the writer's escaping takes. */
const quotedFormula = new RegExp(`^'+[${formulaStarts.join('').replace('-', '\\-')}]`);

/**
 * Writes a header and rows as RFC 4180 CSV with CRLF line ends. A field holding a comma, quote
 * or line break is quoted with its quotes doubled. Numbers are written as they are (-3 is a number,
 * not a formula), null and undefined as empty fields, anything else as its text.
 *
 * @remarks
 * A text cell beginning with a formula character ({@link formulaStarts}) is written with an
 * apostrophe before it, so spreadsheet software shows it as text and never runs it. A text
 * already beginning with apostrophes and then such a character gets one more, so that
 * {@link readCsvCell} gives back exactly what was written.
 *
 * @example
 * writeCsv(['title'], [['=HYPERLINK("http://x","y")']]);
 * // 'title\r\n"\'=HYPERLINK(""http://x"",""y"")"\r\n'
 */
export function writeCsv(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  return stringify(
    [header, ...rows].map((row) => row.map(cell)),
    {
      record_delimiter: 'windows',
      // Line breaks inside a field are quoted too, not only the CRLF that ends a record.
      quote_record_delimiter: true,
      escape_formulas: true,
      cast: { string: (value) => (quotedFormula.test(value) ? `'${value}` : value) },
    },
  );
}

const cell = (value: unknown): string | number => (typeof value === 'number' ? value : value === null || value === undefined ? '' : String(value));

/**
 * A field as it was before {@link writeCsv} made it safe: one apostrophe before a formula
 * character is taken off. Importers read CSV through this, so an exported file re-imports as
 * the same values.
 */
export function readCsvCell(field: string): string {
  return quotedFormula.test(field) ? field.slice(1) : field;
}
