/**
 * Pure helpers of the gap catalogue: reading its URL parameters, filtering the report and
 * writing it as CSV. Kept apart from the view so they are tested without a browser.
 */
import { writeCsv } from '../../../../schema/csv.ts';
import { AS_AT_PARAM, isAsAtDate } from '../../components/as-at-date.ts';
import { fileNamePart } from '../../components/download.ts';

export const severities = ['HIGH', 'MEDIUM', 'LOW', 'INFO'] as const;
export type Severity = (typeof severities)[number];

export const severityNames: Record<Severity, string> = {
  HIGH: 'High',
  MEDIUM: 'Medium',
  LOW: 'Low',
  INFO: 'For information',
};

/** Which part of the graph the catalogue covers, as the URL gives it. */
export type Scope = { kind: 'whole' } | { kind: 'plan'; id: string } | { kind: 'organisation'; id: string };

export interface GapFilters {
  scope: Scope;
  /** A gap rule code, or null for every rule. */
  rule: string | null;
  /** One severity, or null for all of them. */
  severity: Severity | null;
  /** The id of a plan, priority, authority or inspection report: only the gaps behind its coverage figure. */
  subject?: string;
  /** The date the gaps are asked as at (YYYY-MM-DD), or none for today. */
  asAt?: string;
}

const isSeverity = (value: string | null): value is Severity => (severities as readonly (string | null)[]).includes(value);

/**
 * Reads `plan`, `org`, `rule`, `severity`, `subject` and `asAt`; a plan wins over an organisation,
 * unknown severities and dates that are not dates are ignored.
 */
export function parseGapFilters(params: URLSearchParams): GapFilters {
  const plan = params.get('plan');
  const organisation = params.get('org');
  const severity = params.get('severity');
  const scope: Scope = plan ? { kind: 'plan', id: plan } : organisation ? { kind: 'organisation', id: organisation } : { kind: 'whole' };
  const asAt = params.get(AS_AT_PARAM);
  return {
    scope,
    rule: params.get('rule') || null,
    severity: isSeverity(severity) ? severity : null,
    subject: params.get('subject') || undefined,
    asAt: asAt && isAsAtDate(asAt) ? asAt : undefined,
  };
}

/** The API's ScopeInput for a scope. */
export function scopeInput(scope: Scope): { planId?: string; organisationId?: string } | null {
  if (scope.kind === 'plan') return { planId: scope.id };
  if (scope.kind === 'organisation') return { organisationId: scope.id };
  return null;
}

/** The value of a scope in the scope chooser: "", "plan:<id>" or "org:<id>". */
export function scopeValue(scope: Scope): string {
  if (scope.kind === 'plan') return `plan:${scope.id}`;
  if (scope.kind === 'organisation') return `org:${scope.id}`;
  return '';
}

/** The scope a value of the scope chooser stands for. */
export function scopeOfValue(value: string): Scope {
  if (value.startsWith('plan:')) return { kind: 'plan', id: value.slice('plan:'.length) };
  if (value.startsWith('org:')) return { kind: 'organisation', id: value.slice('org:'.length) };
  return { kind: 'whole' };
}

/** The URL parameters of a scope (both always given, so setting one clears the other). */
export function scopeParams(scope: Scope): { plan: string | null; org: string | null } {
  return { plan: scope.kind === 'plan' ? scope.id : null, org: scope.kind === 'organisation' ? scope.id : null };
}

/** The URL parameters a link to other gaps keeps: the scope and the date asked as at. */
export function gapLinkParams(filters: Pick<GapFilters, 'scope' | 'asAt'>): { plan: string | null; org: string | null; asAt: string | null } {
  return { ...scopeParams(filters.scope), asAt: filters.asAt ?? null };
}

/** What filtering needs of a rule: its severity and how many findings it has. */
interface CountedRule {
  code: string;
  severity: string;
  findingCount: number;
  informationCount: number;
}

/** How many findings of a rule have the chosen severity (all of them when none is chosen). */
export function findingsAt(rule: CountedRule, severity: Severity | null): number {
  if (!severity) return rule.findingCount;
  if (severity === 'INFO') return rule.informationCount;
  return severity === rule.severity ? rule.findingCount - rule.informationCount : 0;
}

/**
 * The rules the filters keep. With a severity chosen, rules with no finding of it are dropped,
 * so the list shows only what matches; the API sends only findings of that severity.
 */
export function filterRules<R extends CountedRule>(rules: R[], filters: Pick<GapFilters, 'rule' | 'severity'>): R[] {
  return rules.filter((rule) => (!filters.rule || rule.code === filters.rule) && (!filters.severity || findingsAt(rule, filters.severity) > 0));
}

/** What the CSV needs of a gap report; the API's GapReport has it. */
export interface CsvReport {
  rules: {
    code: string;
    findings: { severity: string; detail: string; node: { id: string; title: string }; plan?: { title: string } | null }[];
  }[];
}

export const csvColumns = ['Rule code', 'Severity', 'Node id', 'Node title', 'Plan', 'Detail'];

/** The findings as CSV, one row per finding, header first; a cell a spreadsheet would run as a formula is written as text. */
export function gapsToCsv(report: CsvReport): string {
  const rows = report.rules.flatMap((rule) =>
    rule.findings.map((finding) => [rule.code, finding.severity, finding.node.id, finding.node.title, finding.plan?.title ?? '', finding.detail]),
  );
  return writeCsv(csvColumns, rows);
}

/** A file name saying what was exported: gaps-<scope>[-<subject>][-<rule>][-<severity>][-as-at-<date>].csv. */
export function csvFileName(filters: GapFilters): string {
  const scope = filters.scope.kind === 'whole' ? 'whole-graph' : fileNamePart(filters.scope.id);
  return `gaps-${[scope, filters.subject, filters.rule, filters.severity, filters.asAt && `as-at-${filters.asAt}`]
    .filter(Boolean)
    .map((part) => fileNamePart(part!))
    .join('-')}.csv`;
}

/** A share as a whole percentage that never rounds a partial result to 0% or 100%. */
export function percent(passing: number, checked: number): number {
  if (checked === 0) return 100;
  const rounded = Math.round((passing / checked) * 100);
  if (passing > 0 && rounded === 0) return 1;
  if (passing < checked && rounded === 100) return 99;
  return rounded;
}

/** "26 of 38 pass (68%)" ("40 of 130 checks pass (31%)" with a noun), or a plain statement when nothing was checked. */
export function coverageText(passing: number, checked: number, noun?: string): string {
  if (checked === 0) return 'Nothing to check';
  return `${passing} of ${checked}${noun ? ` ${noun}` : ''} pass (${percent(passing, checked)}%)`;
}
