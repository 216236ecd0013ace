/**
 * Pure helpers of the alignment matrix: the axes and the open cell as URL parameters, the shade
 * of a cell, and the plain-English names of what each axis holds.
 */

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

/** People Strategy priorities against the Caring for Redbridge objectives they follow on from. */
export const defaultRows: Axis = { kind: 'PLAN_PRIORITIES', planId: 'caring-for-redbridge-2018' };
export const defaultColumns: Axis = { kind: 'PLAN_PRIORITIES', planId: 'redbridge-people-strategy-2024' };

export const needsPlan = (kind: AxisKind) => kind === 'PLAN_PRIORITIES' || kind === 'PLAN_ACTIONS';

const isAxisKind = (value: string): value is AxisKind => (axisKinds as readonly string[]).includes(value);

/** Reads an axis written as KIND:planId ("PLANS:" for kinds without a plan); anything else gives the fallback. */
export function parseAxis(value: string | null, fallback: Axis): Axis {
  if (!value) return fallback;
  const separator = value.indexOf(':');
  const kind = separator < 0 ? value : value.slice(0, separator);
  if (!isAxisKind(kind)) return fallback;
  const planId = separator < 0 ? '' : value.slice(separator + 1);
  return { kind, planId: needsPlan(kind) && planId ? planId : null };
}

export const axisParam = (axis: Axis) => `${axis.kind}:${axis.planId ?? ''}`;

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

export const shadeLevels = 5;

/** The shade of a cell, 1 (faint) to 5 (dark), by its strength against the strongest cell; 0 for none. */
export function shadeLevel(strength: number, strongest: number): number {
  if (strength <= 0 || strongest <= 0) return 0;
  return Math.min(shadeLevels, Math.max(1, Math.ceil((strength / strongest) * shadeLevels)));
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
