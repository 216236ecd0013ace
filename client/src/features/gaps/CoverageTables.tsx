import type { GapsView_CatalogueQuery } from '../../generated/graphql.ts';
import { Link } from '../../routing/Link.tsx';
import { hrefTo } from '../../routing/route.ts';
import type { GapRule } from './GapsView.tsx';
import { coverageText, percent, scopeParams, type GapFilters } from './gaps.ts';

type PlanCoverage = GapsView_CatalogueQuery['coverage']['byPlan'][number];
type InspectionCoverage = GapsView_CatalogueQuery['coverage']['byInspection'][number];

/** The figure as words, with a bar beside it for the eye; the bar repeats the words, so it is hidden from assistive technology. */
function CoverageFigure({ passing, checked, noun, href }: { passing: number; checked: number; noun?: string; href: string | null }) {
  const text = coverageText(passing, checked, noun);
  return (
    <span className="coverage-figure">
      {/* With nothing checked there is no share to draw; the empty slot keeps the figures aligned. */}
      <span className={checked > 0 ? 'coverage-bar' : 'coverage-bar coverage-bar-empty'} aria-hidden="true">
        {checked > 0 && <span className="coverage-fill" style={{ width: `${percent(passing, checked)}%` }} />}
      </span>
      {href ? <Link href={href}>{text}</Link> : <span>{text}</span>}
    </span>
  );
}

interface CoverageTablesProps {
  rules: GapRule[];
  byPlan: PlanCoverage[];
  byInspection: InspectionCoverage[];
  filters: GapFilters;
  scopeTitle: string;
}

/** The gap list behind an inspection report's figure: its scope, narrowed to the one rule that fails there, if only one does. */
function inspectionGapsHref(row: InspectionCoverage, scope: ReturnType<typeof scopeParams>): string | null {
  const failing = row.rules.filter(({ passing, checked }) => passing < checked);
  if (failing.length === 0) return null;
  return hrefTo('gaps', { ...scope, rule: failing.length === 1 ? failing[0]!.code : null });
}

/**
 * Coverage per rule, per plan and per inspection report; each figure with gaps behind it links
 * to that gap list. A plan's figure counts its own items; inspection evidence about the council
 * belongs to no plan, so it has its own table and the two add up to the list below.
 */
export function CoverageTables({ rules, byPlan, byInspection, filters, scopeTitle }: CoverageTablesProps) {
  const scope = scopeParams(filters.scope);
  return (
    <section aria-labelledby="coverage-heading" className="coverage">
      <h2 id="coverage-heading">Coverage in {scopeTitle}</h2>
      <p>How many of the items each rule checks pass it. Choose a figure to list the gaps behind it.</p>
      <div className="coverage-tables">
        <CoverageTable
          caption="By rule"
          subject="Rule"
          figure="Items that pass"
          rows={rules.map((rule) => ({ id: rule.code, title: rule.title, passing: rule.passing, checked: rule.checked, href: rule.findingCount ? hrefTo('gaps', { ...scope, rule: rule.code }) : null }))}
        />
        <CoverageTable
          caption="By plan"
          subject="Plan"
          figure="Checks that pass"
          noun="checks"
          rows={byPlan.map(({ subject, passing, checked }) => ({ id: subject.id, title: subject.title, passing, checked, href: passing < checked ? hrefTo('gaps', { plan: subject.id }) : null }))}
        />
        <CoverageTable
          caption="By inspection report"
          subject="Report"
          figure="Checks that pass"
          noun="checks"
          rows={byInspection.map((row) => ({ id: row.subject.id, title: row.subject.title, passing: row.passing, checked: row.checked, href: inspectionGapsHref(row, scope) }))}
        />
      </div>
    </section>
  );
}

interface CoverageTableProps {
  caption: string;
  /** The heading of the first column: what each row is. */
  subject: string;
  /** The heading of the second column: what the figure counts. */
  figure: string;
  noun?: string;
  rows: { id: string; title: string; passing: number; checked: number; href: string | null }[];
}

/** One table of coverage figures, a row per subject; nothing when there are no rows. */
function CoverageTable({ caption, subject, figure, noun, rows }: CoverageTableProps) {
  if (rows.length === 0) return null;
  return (
    <table className="data-table coverage-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{subject}</th>
          <th scope="col">{figure}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ id, title, passing, checked, href }) => (
          <tr key={id}>
            <th scope="row">{title}</th>
            <td>
              <CoverageFigure passing={passing} checked={checked} noun={noun} href={href} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
