import { useCallback, useState } from 'react';
import { useQuery } from 'urql';
import { AsAtControl } from '../../components/AsAt.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { graphql } from '../../generated/gql.ts';
import type { GapsView_CatalogueQuery, GapsView_ScopesQuery } from '../../generated/graphql.ts';
import { Link } from '../../routing/Link.tsx';
import { hrefTo, useRoute, useUpdateParams } from '../../routing/route.ts';
import { CoverageTables } from './CoverageTables.tsx';
import { GapFindings } from './GapFindings.tsx';
import { parseGapFilters, scopeInput, scopeOfValue, scopeParams, scopeValue, severities, severityNames, type GapFilters, type Severity } from './gaps.ts';
import './gaps.css';

const ScopesQuery = graphql(`
  query GapsView_Scopes {
    plans(first: 100) {
      plans {
        plan { id title }
        publishers { id title }
      }
    }
  }
`);

const CatalogueQuery = graphql(`
  query GapsView_Catalogue($scope: ScopeInput, $severity: Severity, $shown: Int!, $subject: ID, $asAt: String) {
    gaps(scope: $scope, subject: $subject, asAt: $asAt) {
      total
      rules {
        code
        title
        ...CoverageTables_Rule
        ...GapFindings_Rule
      }
    }
    coverage(scope: $scope, asAt: $asAt) {
      byPlan { subject { id title } }
      byPriority { subject { id title } }
      byAuthority { subject { id title } }
      byInspection { subject { id title } }
      ...CoverageTables_Coverage
    }
  }
`);

type GapRule = GapsView_CatalogueQuery['gaps']['rules'][number];

/** Findings listed per rule; a whole graph can have thousands, which the CSV export gives in full. */
const FINDINGS_SHOWN = 200;
type ScopePlans = GapsView_ScopesQuery['plans']['plans'];

/** The organisations that publish any of the plans, each once, in title order. */
function organisationsOf(plans: ScopePlans): { id: string; title: string }[] {
  const byId = new Map(plans.flatMap(({ publishers }) => publishers.map((organisation) => [organisation.id, organisation] as const)));
  return [...byId.values()].sort((a, b) => a.title.localeCompare(b.title));
}

/** The title of a coverage subject, from the coverage tables that list it (its id when none does). */
function subjectTitle(coverage: GapsView_CatalogueQuery['coverage'], id: string): string {
  const rows = [...coverage.byPlan, ...coverage.byPriority, ...coverage.byAuthority, ...coverage.byInspection];
  return rows.find(({ subject }) => subject.id === id)?.subject.title ?? id;
}

function scopeTitle(filters: GapFilters, plans: ScopePlans | undefined): string {
  const { scope } = filters;
  if (scope.kind === 'whole') return 'the whole graph';
  if (scope.kind === 'plan') return plans?.find(({ plan }) => plan.id === scope.id)?.plan.title ?? scope.id;
  return organisationsOf(plans ?? []).find(({ id }) => id === scope.id)?.title ?? scope.id;
}

/**
 * The gap catalogue for the whole graph, one organisation or one plan: coverage per rule and
 * per plan, then every finding grouped by rule, filterable by rule and severity, exportable as CSV.
 * Filters live in the URL, so a filtered list can be shared as a link.
 */
export function GapsView() {
  const { params } = useRoute();
  const update = useUpdateParams();
  const asked = parseGapFilters(params);
  const [scopes] = useQuery({ query: ScopesQuery });
  const [{ data, fetching, error }] = useQuery({
    query: CatalogueQuery,
    variables: { scope: scopeInput(asked.scope), severity: asked.severity, shown: FINDINGS_SHOWN, subject: asked.subject ?? null, asAt: asked.asAt ?? null },
  });
  const plans = scopes.data?.plans.plans;
  // A coverage figure chosen: its findings are brought into view once they are shown.
  const [drilled, setDrilled] = useState(false);
  const drilledDone = useCallback(() => setDrilled(false), []);

  // The rules are the same in every scope, so the rule chooser keeps the last list while
  // another scope loads instead of losing its options (and the keyboard focus with them).
  const [ruleOptions, setRuleOptions] = useState<GapRule[]>([]);
  if (data && data.gaps.rules !== ruleOptions) setRuleOptions(data.gaps.rules);
  // A rule code the catalogue does not have (a mistyped or outdated link) filters nothing: every
  // rule is shown, and the page says why.
  const unknownRule = asked.rule && ruleOptions.length > 0 && !ruleOptions.some(({ code }) => code === asked.rule) ? asked.rule : null;
  const filters = unknownRule ? { ...asked, rule: null } : asked;

  const sortedPlans = [...(plans ?? [])].sort((a, b) => a.plan.title.localeCompare(b.plan.title));
  const title = scopeTitle(filters, plans);
  // A link naming a plan or organisation the graph does not have: said in words, with a way on.
  const scopeNotFound = error?.graphQLErrors.some(({ extensions }) => extensions?.code === 'NOT_FOUND' && String(extensions.field).startsWith('scope'));
  const chosenScope = scopeValue(filters.scope);
  const scopeListed =
    chosenScope === '' ||
    [...sortedPlans.map(({ plan }) => `plan:${plan.id}`), ...organisationsOf(plans ?? []).map(({ id }) => `org:${id}`)].includes(chosenScope);

  return (
    <>
      <PageHeading title="Gaps">Gaps</PageHeading>
      <p>
        What the plans leave undone: priorities with no actions, actions with no measure, owner or statutory basis, duties nothing delivers, inspection
        recommendations nobody answers.
      </p>
      <form className="gap-filters" aria-label="Choose which gaps to show" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="gap-scope">Scope</label>
          <select id="gap-scope" value={chosenScope} onChange={(event) => update(scopeParams(scopeOfValue(event.target.value)))}>
            <option value="">Whole graph</option>
            {/* The chooser shows the scope the page is for, even one it does not list. */}
            {!scopeListed && <option value={chosenScope}>{title}</option>}
            {plans && (
              <>
                <optgroup label="Organisations (every plan they publish)">
                  {organisationsOf(plans).map((organisation) => (
                    <option key={organisation.id} value={scopeValue({ kind: 'organisation', id: organisation.id })}>
                      {organisation.title}
                    </option>
                  ))}
                </optgroup>
                <optgroup label="Plans">
                  {sortedPlans.map(({ plan }) => (
                    <option key={plan.id} value={scopeValue({ kind: 'plan', id: plan.id })}>
                      {plan.title}
                    </option>
                  ))}
                </optgroup>
              </>
            )}
          </select>
        </div>
        <div className="field">
          <label htmlFor="gap-rule">Rule</label>
          <select id="gap-rule" value={filters.rule ?? ''} onChange={(event) => update({ rule: event.target.value })}>
            <option value="">All rules</option>
            {ruleOptions.map((rule) => (
              <option key={rule.code} value={rule.code}>
                {rule.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="gap-severity">Severity</label>
          <select id="gap-severity" value={filters.severity ?? ''} onChange={(event) => update({ severity: event.target.value as Severity | '' })}>
            <option value="">All severities</option>
            {severities.map((severity) => (
              <option key={severity} value={severity}>
                {severityNames[severity]}
              </option>
            ))}
          </select>
        </div>
      </form>
      <AsAtControl what="the gaps" />
      {unknownRule && (
        <p role="status" className="message">
          No gap rule has the code “{unknownRule}”, so every rule is shown.
        </p>
      )}
      <QueryState fetching={false} error={scopes.error} what="the plans to choose from">
        {null}
      </QueryState>
      {scopeNotFound && (
        <p role="alert" className="message message-error">
          No {filters.scope.kind === 'plan' ? 'plan' : 'organisation'} has the id “{title}”, so there are no gaps to show. Choose a scope above, or see the gaps
          in the <Link href={hrefTo('gaps')}>whole graph</Link>.
        </p>
      )}
      <QueryState fetching={fetching} error={scopeNotFound ? undefined : error} what="the gap list">
        {data && (
          <>
            <CoverageTables rules={data.gaps.rules} coverage={data.coverage} filters={filters} scopeTitle={title} onDrill={() => setDrilled(true)} />
            <GapFindings
              rules={data.gaps.rules}
              filters={filters}
              scopeTitle={title}
              subjectTitle={filters.subject ? subjectTitle(data.coverage, filters.subject) : null}
              drilled={drilled}
              onDrilled={drilledDone}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
