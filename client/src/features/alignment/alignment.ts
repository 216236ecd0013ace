/**
 * Pure helpers of the alignment matrix: the axes and the open cell as URL parameters, the
 * plain-English names of what each axis holds and of each kind of connection, and the matrix
 * and the list of what is not covered as CSV.
 */
import { writeCsv } from '../../../../schema/csv.ts';
import type { AlignmentConnection } from '../../generated/graphql.ts';
import { fileNamePart } from '../../components/download.ts';
import { basisNames, linkPhrase } from '../../components/labels.ts';

export const axisKinds = ['PLAN_PRIORITIES', 'PLAN_ACTIONS', 'PLANS', 'AUTHORITIES', 'THEMES'] as const;
export type AxisKind = (typeof axisKinds)[number];

export interface Axis {
  kind: AxisKind;
  /** The plan whose priorities or actions make the axis; null for the other kinds, or when not yet chosen. */
  planId: string | null;
}

export const axisKindNames: Record<AxisKind, string> = {
  PLAN_PRIORITIES: 'Priorities of a plan',
  PLAN_ACTIONS: 'Actions of a plan',
  PLANS: 'Every plan',
  AUTHORITIES: 'Every authority (law and policy)',
  THEMES: 'Every theme',
};

/** One of what an axis holds, and many: for counting entries in words. */
export const kindNouns: Record<AxisKind, { singular: string; plural: string }> = {
  PLAN_PRIORITIES: { singular: 'priority', plural: 'priorities' },
  PLAN_ACTIONS: { singular: 'action', plural: 'actions' },
  PLANS: { singular: 'plan', plural: 'plans' },
  AUTHORITIES: { singular: 'authority', plural: 'authorities' },
  THEMES: { singular: 'theme', plural: 'themes' },
};

export const needsPlan = (kind: AxisKind) => kind === 'PLAN_PRIORITIES' || kind === 'PLAN_ACTIONS';

const isAxisKind = (value: string): value is AxisKind => (axisKinds as readonly string[]).includes(value);

/** Reads an axis written as KIND:planId ("PLANS:" for kinds without a plan); null for anything else. */
export function parseAxis(value: string | null): Axis | null {
  if (!value) return null;
  const separator = value.indexOf(':');
  const kind = separator < 0 ? value : value.slice(0, separator);
  if (!isAxisKind(kind)) return null;
  const planId = separator < 0 ? '' : value.slice(separator + 1);
  return { kind, planId: needsPlan(kind) && planId ? planId : null };
}

export const axisParam = (axis: Axis) => `${axis.kind}:${axis.planId ?? ''}`;

/** An axis as the API reports the set it used (AlignmentSet). */
export const axisOf = (set: { kind: AxisKind; planId?: string | null }): Axis => ({
  kind: set.kind,
  planId: needsPlan(set.kind) ? (set.planId ?? null) : null,
});

/** The API's AlignmentSetInput for an axis. */
export const axisInput = (axis: Axis) => (axis.planId ? { kind: axis.kind, planId: axis.planId } : { kind: axis.kind });

/** An axis of another kind, keeping its plan where the new kind needs one. */
export function withKind(axis: Axis, kind: AxisKind, fallbackPlanId: string | null): Axis {
  return { kind, planId: needsPlan(kind) ? (axis.planId ?? fallbackPlanId) : null };
}

/** The open cell as one URL parameter: the row id and column id, joined by "|" (which no id holds). */
export const cellParam = (row: string, column: string) => `${row}|${column}`;

export function parseCell(value: string | null): { row: string; column: string } | null {
  const [row, column, ...rest] = value?.split('|') ?? [];
  return row && column && rest.length === 0 ? { row, column } : null;
}

/** Each kind of connection in words, closest first. Only a link covers. */
export const connectionNames: Record<AlignmentConnection, string> = {
  LINKED: 'Linked directly',
  SHARED_AUTHORITY: 'Shares an authority, no link',
  SHARED_THEME: 'Shares a theme only',
  NONE: 'Nothing connects it',
};

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** What a cell holds, each kind counted apart: "2 links", "1 shared authority", "3 shared themes". */
export function cellFigures(cell: { links: unknown[]; sharedAuthorities: unknown[]; sharedThemes: unknown[] }): string[] {
  return [
    cell.links.length ? plural(cell.links.length, 'link', 'links') : null,
    cell.sharedAuthorities.length ? plural(cell.sharedAuthorities.length, 'shared authority', 'shared authorities') : null,
    cell.sharedThemes.length ? plural(cell.sharedThemes.length, 'shared theme', 'shared themes') : null,
  ].filter((figure): figure is string => figure !== null);
}

const weakestFirst: AlignmentConnection[] = ['NONE', 'SHARED_THEME', 'SHARED_AUTHORITY', 'LINKED'];

/** The entries of an axis no link reaches, those connected by nothing first, each kind in axis order. */
export function notCovered<T extends { connection: AlignmentConnection }>(entries: readonly T[]): T[] {
  return weakestFirst.slice(0, 3).flatMap((kind) => entries.filter(({ connection }) => connection === kind));
}

/** How many entries of an axis connect in each way, in words: "0 linked directly, 12 share an authority, …". */
export function connectionSummary(entries: readonly { connection: AlignmentConnection }[], noun: { singular: string; plural: string }): string {
  const count = (kind: AlignmentConnection) => entries.filter(({ connection }) => connection === kind).length;
  const they = (kind: AlignmentConnection, words: string) => `${count(kind)} ${count(kind) === 1 ? words.replace(/^share/, 'shares') : words}`;
  const linked = count('LINKED');
  const lead =
    linked === 0
      ? `None of the ${plural(entries.length, noun.singular, noun.plural)} is linked directly`
      : `${linked} of ${plural(entries.length, noun.singular, noun.plural)} ${linked === 1 ? 'is' : 'are'} linked directly`;
  return `${lead}; ${they('SHARED_AUTHORITY', 'share an authority but no link')}, ${they('SHARED_THEME', 'share only a theme')}, and ${they('NONE', 'share nothing')}.`;
}

interface CsvNode {
  id: string;
  title: string;
  label: string;
}
interface CsvCell {
  row: string;
  column: string;
  connection: AlignmentConnection;
  links: { from: string; to: string; type: string; basis?: string | null }[];
  sharedAuthorities: { title: string }[];
  sharedThemes: { title: string }[];
}
interface CsvMatrix {
  rows: CsvNode[];
  columns: CsvNode[];
  cells: CsvCell[];
  linkedItems: CsvNode[];
}

/** The header of the matrix CSV. */
export const matrixCsvColumns = ['Row id', 'Row', 'Column id', 'Column', 'Connection', 'Links', 'Linked items', 'Shared authorities', 'Shared themes'] as const;

/**
 * The matrix as CSV, one line per connected row and column in the matrix's order, with links,
 * shared authorities and shared themes each in columns of their own. Written by the product's one
 * CSV writer, so titles that look like formulas stay text.
 */
export function matrixToCsv(matrix: CsvMatrix): string {
  const nodes = new Map([...matrix.rows, ...matrix.columns, ...matrix.linkedItems].map((node) => [node.id, node]));
  const title = (id: string) => nodes.get(id)?.title ?? id;
  const cells = new Map(matrix.cells.map((cell) => [cellParam(cell.row, cell.column), cell]));
  const lines = matrix.rows.flatMap((row) =>
    matrix.columns.flatMap((column) => {
      const cell = cells.get(cellParam(row.id, column.id));
      if (!cell) return [];
      const linked = cell.links.map(
        (link) => `${title(link.from)} ${linkPhrase(link.type)} ${title(link.to)} (${basisNames[link.basis ?? 'STATED'] ?? link.basis})`,
      );
      return [
        [
          row.id,
          row.title,
          column.id,
          column.title,
          connectionNames[cell.connection],
          cell.links.length,
          linked.join('; '),
          cell.sharedAuthorities.map(({ title: name }) => name).join('; '),
          cell.sharedThemes.map(({ title: name }) => name).join('; '),
        ],
      ];
    }),
  );
  return writeCsv(matrixCsvColumns, lines);
}

/** The header of the not-covered CSV. */
export const notCoveredCsvColumns = [
  'Id',
  'Kind',
  'Title',
  'Connection',
  'Shares an authority with',
  'Authorities shared',
  'Shares a theme with',
  'Themes shared',
] as const;

/**
 * What one axis holds that no link joins to the other axis, as CSV, in the order the page lists
 * it: what each shares, authorities and themes apart.
 */
export function notCoveredToCsv(
  entries: readonly { node: CsvNode; connection: AlignmentConnection; sharesAuthorityWith: readonly string[]; sharesThemeWith: readonly string[] }[],
  matrix: CsvMatrix,
  axis: 'row' | 'column',
): string {
  const others = new Map((axis === 'row' ? matrix.columns : matrix.rows).map((node) => [node.id, node.title]));
  const unique = (values: string[]) => [...new Set(values)].join('; ');
  const lines = notCovered(entries).map(({ node, connection, sharesAuthorityWith, sharesThemeWith }) => {
    const own = matrix.cells.filter((cell) => cell[axis] === node.id);
    return [
      node.id,
      node.label,
      node.title,
      connectionNames[connection],
      sharesAuthorityWith.map((id) => others.get(id) ?? id).join('; '),
      unique(own.flatMap(({ sharedAuthorities }) => sharedAuthorities.map(({ title }) => title))),
      sharesThemeWith.map((id) => others.get(id) ?? id).join('; '),
      unique(own.flatMap(({ sharedThemes }) => sharedThemes.map(({ title }) => title))),
    ];
  });
  return writeCsv(notCoveredCsvColumns, lines);
}

/** The file name of an export: "alignment-caring-for-redbridge-2018-actions-by-redbridge-people-strategy-2024-priorities.csv". */
export function csvFileName(rows: Axis, columns: Axis, what: 'matrix' | 'not-covered-rows' | 'not-covered-columns'): string {
  const part = (axis: Axis) =>
    fileNamePart(
      [axis.planId, axis.kind === 'PLAN_ACTIONS' ? 'actions' : axis.kind === 'PLAN_PRIORITIES' ? 'priorities' : axis.kind].filter(Boolean).join('-'),
    );
  return `alignment-${part(rows)}-by-${part(columns)}${what === 'matrix' ? '' : `-${what}`}.csv`;
}

/** What an axis holds, in words: "priorities of the People Strategy", "authorities". */
function nouns(axis: Axis, planTitle: (id: string) => string): { plural: string; singular: string } {
  const of = axis.planId ? ` of ${planTitle(axis.planId)}` : '';
  switch (axis.kind) {
    case 'PLAN_PRIORITIES':
      return { plural: `Priorities${of}`, singular: `priority${of}` };
    case 'PLAN_ACTIONS':
      return { plural: `Actions${of}`, singular: `action${of}` };
    case 'PLANS':
      return { plural: 'Plans', singular: 'plan' };
    case 'AUTHORITIES':
      return { plural: 'Authorities', singular: 'authority' };
    case 'THEMES':
      return { plural: 'Themes', singular: 'theme' };
  }
}

/**
 * Headings for the rows and columns nothing connects. Between two plans they answer the
 * strategy author's question: with the earlier plan as rows, what it committed to that the later
 * one drops, and what the later one takes on that the earlier did not. The words say nothing of
 * which came first, as either plan can be put on either axis.
 */
export function uncoveredHeadings(rows: Axis, columns: Axis, planTitle: (id: string) => string): { rows: string; columns: string } {
  if (rows.planId && columns.planId) {
    const [rowPlan, columnPlan] = [planTitle(rows.planId), planTitle(columns.planId)];
    return {
      rows: `What ${rowPlan} committed to that ${columnPlan} does not cover`,
      columns: `What ${columnPlan} takes on that ${rowPlan} does not cover`,
    };
  }
  const [rowNouns, columnNouns] = [nouns(rows, planTitle), nouns(columns, planTitle)];
  return {
    rows: `${rowNouns.plural} connected to no ${columnNouns.singular}`,
    columns: `${columnNouns.plural} connected to no ${rowNouns.singular}`,
  };
}

/** The caption of the matrix: "Priorities of A (rows) against priorities of B (columns)". */
export function matrixCaption(rows: Axis, columns: Axis, planTitle: (id: string) => string): string {
  const columnNouns = nouns(columns, planTitle).plural;
  return `${nouns(rows, planTitle).plural} (rows) against ${columnNouns.charAt(0).toLowerCase()}${columnNouns.slice(1)} (columns)`;
}
