import { describeNode } from '../../components/labels.ts';
import { Link } from '../../routing/Link.tsx';
import { hrefTo, useSelection } from '../../routing/route.ts';
import type { GapRule } from './GapsView.tsx';
import { coverageText, csvFileName, filterReport, gapsToCsv, severityNames, type GapFilters } from './gaps.ts';
import { SeverityTag } from './SeverityTag.tsx';

/**
 * Saves text as a file through a Blob URL. The byte-order mark makes Excel read the file as
 * UTF-8, so curly quotes and dashes in titles survive.
 */
function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: revoking at once can cancel the download before it starts.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function summary(gaps: number, information: number, scopeTitle: string): string {
  const counted = `${gaps} ${gaps === 1 ? 'gap' : 'gaps'} in ${scopeTitle}`;
  return information ? `${counted}, and ${information} ${information === 1 ? 'item' : 'items'} listed for information only.` : `${counted}.`;
}

/** The findings the filters keep, grouped by rule, with the CSV export of exactly that list. */
export function GapFindings({ rules, filters, scopeTitle }: { rules: GapRule[]; filters: GapFilters; scopeTitle: string }) {
  const [, select] = useSelection();
  const shown = filterReport(rules, filters);
  const findings = shown.flatMap((rule) => rule.findings);
  const information = findings.filter(({ severity }) => severity === 'INFO').length;
  const filtered = [filters.rule && rules.find(({ code }) => code === filters.rule)?.title, filters.severity && `${severityNames[filters.severity]} severity`].filter(Boolean);

  return (
    <section aria-labelledby="findings-heading" className="gap-findings">
      <div className="findings-header">
        <h2 id="findings-heading">Gaps found</h2>
        <button type="button" className="primary-button" disabled={findings.length === 0} onClick={() => download(gapsToCsv({ rules: shown }), csvFileName(filters))}>
          Export this list as CSV
        </button>
      </div>
      <p role="status">
        {summary(findings.length - information, information, scopeTitle)}
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
          {rule.findings.length === 0 ? (
            <p>No gaps: everything this rule checks here passes.</p>
          ) : (
            <table className="data-table findings-table">
              <caption className="visually-hidden">
                {rule.findings.length} findings of the rule “{rule.title}”
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
                {rule.findings.map(({ node, plan, detail, severity }, index) => (
                  // One item can fail a rule more than once (an Act cited by two plans).
                  <tr key={`${node.id}-${index}`}>
                    <td>
                      <span className="badge">{describeNode(node)}</span> <Link href={hrefTo('trace', { id: node.id })}>{node.title}</Link>{' '}
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
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </section>
  );
}
