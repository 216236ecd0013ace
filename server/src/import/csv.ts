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
import { csvTemplateColumns, type CsvTemplateColumn } from '../../../schema/csv-template.ts';
import { ExpectedError } from '../errors.ts';


export interface CsvRow {
  /** 1-based line where the row starts. */
  line: number;
  /** The row as written in the file. */
  raw: string;
  cells: string[];
}

/** Splits CSV text (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) into rows. */
export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let rowStart = 0;
  const endRow = (end: number) => {
    cells.push(cell);
    if (cells.some((value) => value.trim() !== '')) rows.push({ line: rowLine, raw: text.slice(rowStart, end), cells });
    cells = [];
    cell = '';
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        cell += char;
      }
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      endRow(index);
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      line += 1;
      rowLine = line;
      rowStart = index + 1;
    } else cell += char;
  }
  if (quoted) throw new ExpectedError('BAD_USER_INPUT', `line ${rowLine}: a quoted field is never closed.`, { line: rowLine });
  endRow(text.length);
  return rows;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 50) || 'item';

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
  if (unknown.length) throw new ExpectedError('BAD_USER_INPUT', `line 1: unknown column ${unknown.join(', ')}; the columns are ${csvTemplateColumns.join(', ')}.`, { line: 1 });
  for (const required of ['label', 'title']) {
    if (!names.includes(required)) throw new ExpectedError('BAD_USER_INPUT', `line 1: the ${required} column is missing.`, { line: 1 });
  }
  if (rows.length === 0) throw new ExpectedError('BAD_USER_INPUT', 'line 2: the file has a header but no rows.', { line: 2 });

  const valueOf = (row: CsvRow, column: CsvTemplateColumn) => {
    const index = names.indexOf(column);
    return index < 0 ? '' : (row.cells[index] ?? '').trim();
  };
  const plan = rows.find((row) => valueOf(row, 'label') === 'Plan');
  const base = slug(plan ? valueOf(plan, 'title') : fileName.replace(/\.[^.]+$/, ''));
  const documentId = `document/${slug(fileName)}`;

  const nodes = rows.map((row) => {
    const label = valueOf(row, 'label');
    const title = valueOf(row, 'title');
    const node: Record<string, unknown> = {
      id: valueOf(row, 'id') || (label === 'Plan' ? base : `${base}/${slug(valueOf(row, 'code') || title)}`),
      label,
      title,
      source: { section: `line ${row.line}`, excerpt: row.raw.trim() },
      // A plan's kind and status may be left blank in a spreadsheet: say only what is known.
      ...(label === 'Plan' ? { kind: 'STRATEGY', status: 'UNKNOWN' } : {}),
    };
    for (const column of csvTemplateColumns) {
      const value = valueOf(row, column);
      if (!value || ['id', 'label', 'title'].includes(column)) continue;
      const key = renamed[column] ?? column;
      if (column === 'themes') node.themes = value.split(/[;|]/).map((theme) => theme.trim()).filter(Boolean);
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
        title: plan ? valueOf(plan, 'title') : fileName,
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
