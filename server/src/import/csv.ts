/**
 * The CSV import template: one row per item, with its parent and kind. Rows become a seed file
 * (seed/FORMAT.md), so CSV imports are validated and loaded exactly like every other import.
 *
 *   id,parent,label,title,code,term,text,kind,status,corporate,discretionary,owner,themes,period_start,period_end,legislation_id,unit,polarity
 *
 * Only label and title are required (a plan's kind and status default to STRATEGY and UNKNOWN;
 * other kinds need what seed/FORMAT.md says). A row without an id gets one from the plan and its code or
 * title; parent names another row's id or a node already in the graph. Provenance is the row
 * itself: its section is "line N" and its excerpt the row as written.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { readCsvCell } from '../../../schema/csv.ts';
import { csvTemplateColumns, type CsvTemplateColumn } from '../../../schema/csv-template.ts';
import { ExpectedError } from '../errors.ts';
import { slugify } from '../text.ts';

export interface CsvRow {
  /** 1-based line where the row starts. */
  line: number;
  /** The row as written in the file, its lines joined with \n. */
  raw: string;
  cells: string[];
}

const lineBreak = /\r\n|\n|\r/;

/**
 * Splits CSV text (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) into rows,
 * with csv-parse. Lines may end in CRLF, LF or CR, mixed; rows may have fewer or more fields than
 * the header; a quote inside an unquoted field is kept as text; rows with nothing but spaces are
 * left out. Each field is read back through {@link readCsvCell}, so the product's own CSV
 * exports re-import as they were.
 */
export function parseCsv(text: string): CsvRow[] {
  const lines = text.split(lineBreak);
  const rows: CsvRow[] = [];
  let header: string[] = [];
  // Lines are counted here rather than taken from info.lines, which counts a CRLF inside quotes
  // twice: a row starts after the last one and the empty lines skipped since.
  let next = { line: 1, emptyLines: 0 };
  try {
    parse(text, {
      bom: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (record, info) => {
        const line = next.line + info.empty_lines - next.emptyLines;
        const end = line + record.reduce((sum, cell) => sum + cell.split(lineBreak).length - 1, 0);
        next = { line: end + 1, emptyLines: info.empty_lines };
        if (record.every((cell) => cell.trim() === '')) return null;
        const row = { line, raw: lines.slice(line - 1, end).join('\n'), cells: record.map(readCsvCell) };
        if (rows.length === 0) header = row.cells.map((name) => name.trim());
        rows.push(row);
        // Kept here rather than returned, so the parser holds no second list of rows.
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = next.line + Number(error.empty_lines) - next.emptyLines;
    const index = Number(error.index);
    const where = `line ${line}, column ${index + 1}${header[index] ? ` (${header[index]})` : ''}`;
    // With these options the one fault left is a quote never closed; any other is named as csv-parse words it.
    const fault = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is never closed.' : error.message;
    throw new ExpectedError('BAD_USER_INPUT', `${where}: ${fault}`, { line });
  }
  return rows;
}

// An id part from a title or file name; 'item' when it has no letters or digits.
const slug = (text: string) => slugify(text, 50) || 'item';

const numeric = new Set<CsvTemplateColumn>(['period_start', 'period_end']);
const flags = new Set<CsvTemplateColumn>(['corporate', 'discretionary']);
const renamed: Partial<Record<CsvTemplateColumn, string>> = { period_start: 'periodStart', period_end: 'periodEnd', legislation_id: 'legislationId' };

export interface CsvSeed {
  /** A seed file object, to be checked against the format like any other. */
  seed: Record<string, unknown>;
  /** The line of each node, for naming faults. */
  lineOfNode: number[];
}

/**
 * Turns the rows of a CSV template into a seed file. Faults in the header are thrown with the
 * line; faults in rows are left for the format check, which names the row's line.
 */
export function csvToSeed(text: string, fileName: string, publisherId?: string | null): CsvSeed {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new ExpectedError('BAD_USER_INPUT', 'line 1: the file has no header row.', { line: 1 });
  const names = header.cells.map((name) => name.trim().toLowerCase());
  const unknown = names.filter((name) => name && !(csvTemplateColumns as readonly string[]).includes(name));
  if (unknown.length)
    throw new ExpectedError('BAD_USER_INPUT', `line ${header.line}: unknown column ${unknown.join(', ')}; the columns are ${csvTemplateColumns.join(', ')}.`, {
      line: header.line,
    });
  for (const required of ['label', 'title']) {
    if (!names.includes(required)) throw new ExpectedError('BAD_USER_INPUT', `line ${header.line}: the ${required} column is missing.`, { line: header.line });
  }
  if (rows.length === 0) throw new ExpectedError('BAD_USER_INPUT', `line ${header.line + 1}: the file has a header but no rows.`, { line: header.line + 1 });

  const cellOf = (row: CsvRow, column: CsvTemplateColumn) => {
    const index = names.indexOf(column);
    return index < 0 ? '' : (row.cells[index] ?? '').trim();
  };
  const plan = rows.find((row) => cellOf(row, 'label') === 'Plan');
  const base = slug(plan ? cellOf(plan, 'title') : fileName.replace(/\.[^.]+$/, ''));
  const documentId = `document/${slug(fileName)}`;

  const nodes = rows.map((row) => {
    const label = cellOf(row, 'label');
    const title = cellOf(row, 'title');
    const node: Record<string, unknown> = {
      id: cellOf(row, 'id') || (label === 'Plan' ? base : `${base}/${slug(cellOf(row, 'code') || title)}`),
      label,
      title,
      source: { section: `line ${row.line}`, excerpt: row.raw.trim() },
      // A plan's kind and status may be left blank in a spreadsheet: say only what is known.
      ...(label === 'Plan' ? { kind: 'STRATEGY', status: 'UNKNOWN' } : {}),
    };
    for (const column of csvTemplateColumns) {
      const value = cellOf(row, column);
      if (!value || ['id', 'label', 'title'].includes(column)) continue;
      const key = renamed[column] ?? column;
      if (column === 'themes')
        node.themes = value
          .split(/[;|]/)
          .map((theme) => theme.trim())
          .filter(Boolean);
      else if (numeric.has(column)) node[key] = Number.isFinite(Number(value)) ? Number(value) : value;
      else if (flags.has(column)) node[key] = /^(true|yes|y|1)$/i.test(value) ? true : /^(false|no|n|0)$/i.test(value) ? false : value;
      else node[key] = value;
    }
    return node;
  });

  return {
    seed: {
      document: {
        id: documentId,
        title: plan ? cellOf(plan, 'title') : fileName,
        file: fileName,
        kind: 'STRATEGY',
        content: text,
        ...(publisherId ? { publisher: publisherId } : {}),
      },
      curation: { by: 'CSV import', at: new Date().toISOString().slice(0, 10) },
      nodes,
      links: publisherId && plan ? [{ from: publisherId, type: 'PUBLISHES', to: nodes[rows.indexOf(plan)]!.id }] : [],
    },
    lineOfNode: rows.map((row) => row.line),
  };
}
