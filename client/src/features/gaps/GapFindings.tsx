import { useEffect, useRef, useState } from 'react';
import { useClient, type Client } from 'urql';
import { describeNode } from '../../components/labels.ts';
import { type FragmentType, readFragment } from '../../generated/fragment-masking.ts';
import { graphql } from '../../generated/gql.ts';
import type { GapFindings_RuleFragment } from '../../generated/graphql.ts';
import { GraphNodeFragment } from '../../graph/toElements.ts';
import { Link } from '../../routing/Link.tsx';
import { hrefTo, useSelection } from '../../routing/route.ts';
import { saveFile } from '../../components/download.ts';
import { coverageText, csvFileName, filterRules, findingsAt, gapsToCsv, scopeInput, severityNames, type CsvReport, type GapFilters } from './gaps.ts';
import { SeverityTag } from './SeverityTag.tsx';

const EXPORT_PAGE = 1_000;

// $shown and $severity are the variables of the query that spreads it (GapsView_Catalogue).
export const GapFindingsRuleFragment = graphql(`
  fragment GapFindings_Rule on GapRule {
    code
    severity
    title
    explanation
    counts
    checked
    passing
    findingCount
    informationCount
    findings(first: $shown, severity: $severity) {
      severity
      detail
      node { ...GraphElement_Node }
      plan { id title }
    }
  }
`);

const ExportQuery = graphql(`
  query GapFindings_Export($scope: ScopeInput, $codes: [String!], $severity: Severity, $offset: Int!, $subject: ID, $asAt: String) {
    gaps(scope: $scope, codes: $codes, subject: $subject, asAt: $asAt) {
      rules {
        code
        findings(first: 1000, offset: $offset, severity: $severity) {
          severity
          detail
          node { id title }
          plan { title }
        }
      }
    }
  }
`);

/** Every finding of the chosen rules and severity, read from the API page by page. */
async function allFindings(client: Client, filters: GapFilters, codes: string[]): Promise<CsvReport> {
  const rules = new Map<string, CsvReport['rules'][number]['findings']>(codes.map((code) => [code, []]));
  for (let offset = 0; ; offset += EXPORT_PAGE) {
    const { data, error } = await client
      .query(
        ExportQuery,
        { scope: scopeInput(filters.scope), codes, severity: filters.severity, offset, subject: filters.subject ?? null, asAt: filters.asAt ?? null },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (error || !data) throw error ?? new Error('The gap list could not be read.');
    for (const rule of data.gaps.rules) rules.get(rule.code)?.push(...rule.findings);
    if (data.gaps.rules.every((rule) => rule.findings.length < EXPORT_PAGE)) break;
  }
  return { rules: codes.map((code) => ({ code, findings: rules.get(code) ?? [] })) };
}

function summary(gaps: number, information: number, scopeTitle: string): string {
  const counted = `${gaps} ${gaps === 1 ? 'gap' : 'gaps'} in ${scopeTitle}`;
  return information ? `${counted}, and ${information} ${information === 1 ? 'item' : 'items'} listed for information only.` : `${counted}.`;
}

interface GapFindingsProps {
  rules: FragmentType<typeof GapFindingsRuleFragment>[];
  filters: GapFilters;
  scopeTitle: string;
  /** The title of the coverage subject the list is narrowed to, if any. */
  subjectTitle: string | null;
  /** True when a coverage figure was just chosen: the list is brought into view, once. */
  drilled: boolean;
  onDrilled: () => void;
}

/**
 * The findings the filters keep, grouped by rule, the first of each rule listed and all of them
 * in the CSV export.
 */
export function GapFindings({ rules: ruleRefs, filters, scopeTitle, subjectTitle, drilled, onDrilled }: GapFindingsProps) {
  const rules = readFragment(GapFindingsRuleFragment, ruleRefs);
  const client = useClient();
  const heading = useRef<HTMLHeadingElement>(null);
  // The figure was chosen far above the list: move the list, and the keyboard focus, to where
  // the person is looking.
  useEffect(() => {
    if (!drilled || !heading.current) return;
    heading.current.focus({ preventScroll: true });
    heading.current.scrollIntoView({ block: 'start' });
    onDrilled();
  }, [drilled, onDrilled, rules]);
  const [exporting, setExporting] = useState<'idle' | 'busy' | 'failed'>('idle');
  // Behind one subject's figure, only the rules that fail there.
  const shown = filterRules(rules, filters).filter((rule) => !filters.subject || rule.findingCount > 0);
  const count = shown.reduce((sum, rule) => sum + findingsAt(rule, filters.severity), 0);
  // INFO findings are listed, but are not gaps.
  const information = filters.severity && filters.severity !== 'INFO' ? 0 : shown.reduce((sum, rule) => sum + rule.informationCount, 0);
  const exportCsv = async () => {
    if (exporting === 'busy') return;
    setExporting('busy');
    try {
      const report = await allFindings(
        client,
        filters,
        shown.map(({ code }) => code),
      );
      saveFile(gapsToCsv(report), csvFileName(filters), 'text/csv');
      setExporting('idle');
    } catch {
      setExporting('failed');
    }
  };
  const filtered = [
    subjectTitle && `gaps counted against ${subjectTitle}`,
    filters.rule && rules.find(({ code }) => code === filters.rule)?.title,
    filters.severity && `${severityNames[filters.severity]} severity`,
  ].filter(Boolean);

  return (
    <section aria-labelledby="findings-heading" className="gap-findings">
      <div className="findings-header">
        <h2 id="findings-heading" ref={heading} tabIndex={-1}>
          Gaps found
        </h2>
        <button type="button" className="primary-button" disabled={count === 0} aria-busy={exporting === 'busy'} onClick={exportCsv}>
          {exporting === 'busy' ? 'Preparing the CSV…' : 'Export this list as CSV'}
        </button>
      </div>
      {exporting === 'failed' && (
        <p role="alert" className="message message-error">
          The CSV could not be prepared: the gap list could not be read. Try again.
        </p>
      )}
      <p role="status">
        {summary(count - information, information, scopeTitle)}
        {filtered.length > 0 && ` Showing only: ${filtered.join(', ')}.`}
      </p>
      {shown.length === 0 && <p>No gaps match these choices. Choose “All rules” or “All severities” to see more.</p>}
      {shown.map((rule) => (
        <section key={rule.code} aria-labelledby={`rule-${rule.code}`} className="gap-rule">
          <h3 id={`rule-${rule.code}`}>{rule.title}</h3>
          <p className="rule-facts">
            <span>
              Severity: <SeverityTag severity={rule.severity} />
            </span>
            <span>{coverageText(rule.passing, rule.checked)}</span>
            <span>
              Rule code <code>{rule.code}</code>
            </span>
          </p>
          <p>{rule.explanation}</p>
          <p className="rule-counts">
            <strong>What counts:</strong> {rule.counts}
          </p>
          <RuleFindings rule={rule} count={findingsAt(rule, filters.severity)} asAt={filters.asAt} />
        </section>
      ))}
    </section>
  );
}

/** The findings of one rule the API sent (the first of them), as a table; each item traced as at the same date. */
function RuleFindings({ rule, count, asAt }: { rule: GapFindings_RuleFragment; count: number; asAt?: string }) {
  const [, select] = useSelection();
  if (rule.findings.length === 0) return <p>No gaps: everything this rule checks here passes.</p>;
  return (
    <>
      {rule.findings.length < count && (
        <p>
          Showing the first {rule.findings.length.toLocaleString('en-GB')} of {count.toLocaleString('en-GB')} findings; the CSV export lists them all.
        </p>
      )}
      <table className="data-table findings-table">
        <caption className="visually-hidden">
          {count} findings of the rule “{rule.title}”
        </caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Plan</th>
            <th scope="col">What is missing</th>
            <th scope="col">Severity</th>
          </tr>
        </thead>
        <tbody>
          {rule.findings.map(({ node: ref, plan, detail, severity }, index) => {
            const node = readFragment(GraphNodeFragment, ref);
            return (
              // One item can fail a rule more than once (an Act cited by two plans).
              <tr key={`${node.id}-${index}`}>
                <td>
                  <span className="badge">{describeNode(node)}</span> <Link href={hrefTo('trace', { id: node.id, asAt })}>{node.title}</Link>{' '}
                  <button type="button" className="secondary-button details-button" onClick={() => select(node.id)} aria-label={`Details of ${node.title}`}>
                    Details
                  </button>
                </td>
                <td>{plan?.title ?? '—'}</td>
                <td>{detail}</td>
                <td>
                  <SeverityTag severity={severity} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
