import { useState } from 'react';
import { describeNode } from '../../components/labels.ts';
import { type FragmentType, readFragment } from '../../generated/fragment-masking.ts';
import { graphql } from '../../generated/gql.ts';
import type { CoverageTables_CoverageFragment } from '../../generated/graphql.ts';
import { Link } from '../../routing/Link.tsx';
import { hrefTo } from '../../routing/route.ts';
import { coverageText, gapLinkParams, percent, type GapFilters } from './gaps.ts';

export const CoverageRuleFragment = graphql(`
  fragment CoverageTables_Rule on GapRule {
    code
    severity
    title
    checked
    passing
    findingCount
  }
`);

export const CoverageFragment = graphql(`
  fragment CoverageTables_Coverage on Coverage {
    byPlan {
      subject { id title }
      checked
      passing
    }
    byPriority {
      subject { id title code term corporate planId }
      checked
      passing
      rules { code checked passing }
    }
    byAuthority {
      subject { id title }
      checked
      passing
      rules { code checked passing }
    }
    byInspection {
      subject { id title }
      checked
      passing
      rules { code checked passing }
    }
  }
`);

type SubjectCoverage = CoverageTables_CoverageFragment['byInspection'][number];

/** Rows a table shows before "Show all": enough to see the weakest, few enough to keep the findings near. */
const ROWS_SHOWN = 8;

/** The figure as words, with a bar beside it for the eye; the bar repeats the words, so it is hidden from assistive technology. */
function CoverageFigure({
  passing,
  checked,
  noun,
  href,
  onDrill,
}: {
  passing: number;
  checked: number;
  noun?: string;
  href: string | null;
  onDrill: () => void;
}) {
  const text = coverageText(passing, checked, noun);
  return (
    <span className="coverage-figure">
      {/* With nothing checked there is no share to draw; the empty slot keeps the figures aligned. */}
      <span className={checked > 0 ? 'coverage-bar' : 'coverage-bar coverage-bar-empty'} aria-hidden="true">
        {checked > 0 && <span className="coverage-fill" style={{ width: `${percent(passing, checked)}%` }} />}
      </span>
      {href ? (
        <Link href={href} onClick={onDrill}>
          {text}
        </Link>
      ) : (
        <span>{text}</span>
      )}
    </span>
  );
}

interface CoverageTablesProps {
  rules: FragmentType<typeof CoverageRuleFragment>[];
  coverage: FragmentType<typeof CoverageFragment>;
  filters: GapFilters;
  scopeTitle: string;
  /** Called when a figure is chosen, so the findings it opens are brought into view. */
  onDrill: () => void;
}

/**
 * The gap list behind one subject's figure: the scope's gaps that count against the subject,
 * narrowed to the one rule that fails there when only one does.
 */
function subjectGapsHref(row: SubjectCoverage, scope: ReturnType<typeof gapLinkParams>, informational: Set<string>): string | null {
  const failing = row.rules.filter(({ code, passing, checked }) => passing < checked && !informational.has(code));
  if (failing.length === 0) return null;
  return hrefTo('gaps', { ...scope, subject: row.subject.id, rule: failing.length === 1 ? failing[0]!.code : null });
}

/**
 * Coverage per rule, per plan, per top-level priority, per authority cited and per inspection
 * report; each figure with gaps behind it opens that gap list, brought into view. A plan's
 * figure counts its own items; inspection evidence about the council belongs to no plan, so it
 * has its own table and the two add up to the list below.
 */
export function CoverageTables({ rules: ruleRefs, coverage: coverageRef, filters, scopeTitle, onDrill }: CoverageTablesProps) {
  const rules = readFragment(CoverageRuleFragment, ruleRefs);
  const coverage = readFragment(CoverageFragment, coverageRef);
  const scope = gapLinkParams(filters);
  const informational = new Set(rules.filter(({ severity }) => severity === 'INFO').map(({ code }) => code));
  const subjectRows = (rows: SubjectCoverage[], title: (row: SubjectCoverage) => string = ({ subject }) => subject.title) =>
    rows.map((row) => ({
      id: row.subject.id,
      title: title(row),
      passing: row.passing,
      checked: row.checked,
      href: subjectGapsHref(row, scope, informational),
    }));
  return (
    <section aria-labelledby="coverage-heading" className="coverage">
      <h2 id="coverage-heading">Coverage in {scopeTitle}</h2>
      <p>How many of the items each rule checks pass it, weakest first. Choose a figure to list the gaps behind it.</p>
      <div className="coverage-tables">
        <CoverageTable
          caption="By rule"
          subject="Rule"
          figure="Items that pass"
          limit={Infinity}
          onDrill={onDrill}
          rows={rules.map((rule) => ({
            id: rule.code,
            title: rule.severity === 'INFO' ? `${rule.title} (for information)` : rule.title,
            passing: rule.passing,
            checked: rule.checked,
            href: rule.findingCount ? hrefTo('gaps', { ...scope, rule: rule.code }) : null,
          }))}
        />
        <CoverageTable
          caption="By plan"
          subject="Plan"
          figure="Checks that pass"
          noun="checks"
          onDrill={onDrill}
          rows={coverage.byPlan.map(({ subject, passing, checked }) => ({
            id: subject.id,
            title: subject.title,
            passing,
            checked,
            href: passing < checked ? hrefTo('gaps', { plan: subject.id, asAt: scope.asAt }) : null,
          }))}
        />
        <CoverageTable
          caption="By priority"
          subject="Top-level priority"
          figure="Checks that pass"
          noun="checks"
          onDrill={onDrill}
          rows={subjectRows(coverage.byPriority, ({ subject }) => `${describeNode({ label: 'Priority', ...subject })}: ${subject.title}`)}
        />
        <CoverageTable
          caption="By authority cited"
          subject="Authority"
          figure="Checks that pass"
          noun="checks"
          onDrill={onDrill}
          rows={subjectRows(coverage.byAuthority)}
        />
        <CoverageTable
          caption="By inspection report"
          subject="Report"
          figure="Checks that pass"
          noun="checks"
          onDrill={onDrill}
          rows={subjectRows(coverage.byInspection)}
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
  /** Rows shown until the person asks for all. */
  limit?: number;
  onDrill: () => void;
  rows: { id: string; title: string; passing: number; checked: number; href: string | null }[];
}

/** One table of coverage figures, a row per subject, the first few until asked for all; nothing when there are no rows. */
function CoverageTable({ caption, subject, figure, noun, limit = ROWS_SHOWN, onDrill, rows }: CoverageTableProps) {
  const [all, setAll] = useState(false);
  if (rows.length === 0) return null;
  const shown = all ? rows : rows.slice(0, limit);
  return (
    <div className="coverage-table-block">
      <table className="data-table coverage-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{subject}</th>
            <th scope="col">{figure}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map(({ id, title, passing, checked, href }) => (
            <tr key={id}>
              <th scope="row">{title}</th>
              <td>
                <CoverageFigure passing={passing} checked={checked} noun={noun} href={href} onDrill={onDrill} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > limit && (
        <button type="button" className="secondary-button" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? `Show the first ${limit} only` : `Show all ${rows.length} (${caption.toLowerCase()})`}
        </button>
      )}
    </div>
  );
}
