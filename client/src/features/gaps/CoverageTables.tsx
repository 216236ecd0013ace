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
        <table className="data-table coverage-table">
          <caption>By rule</caption>
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Items that pass</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule) => (
              <tr key={rule.code}>
                <th scope="row">{rule.title}</th>
                <td>
                  <CoverageFigure passing={rule.passing} checked={rule.checked} href={rule.findingCount ? hrefTo('gaps', { ...scope, rule: rule.code }) : null} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {byPlan.length > 0 && (
          <table className="data-table coverage-table">
            <caption>By plan</caption>
            <thead>
              <tr>
                <th scope="col">Plan</th>
                <th scope="col">Checks that pass</th>
              </tr>
            </thead>
            <tbody>
              {byPlan.map(({ subject, passing, checked }) => (
                <tr key={subject.id}>
                  <th scope="row">{subject.title}</th>
                  <td>
                    <CoverageFigure passing={passing} checked={checked} noun="checks" href={passing < checked ? hrefTo('gaps', { plan: subject.id }) : null} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {byInspection.length > 0 && (
          <table className="data-table coverage-table">
            <caption>By inspection report</caption>
            <thead>
              <tr>
                <th scope="col">Report</th>
                <th scope="col">Checks that pass</th>
              </tr>
            </thead>
            <tbody>
              {byInspection.map((row) => (
                <tr key={row.subject.id}>
                  <th scope="row">{row.subject.title}</th>
                  <td>
                    <CoverageFigure passing={row.passing} checked={row.checked} noun="checks" href={inspectionGapsHref(row, scope)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
