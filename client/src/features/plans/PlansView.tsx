import { useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { graphql } from '../../generated/gql.ts';
import { Link } from '../../routing/Link.tsx';
import { hrefTo, useRoute } from '../../routing/route.ts';
import { PlanHierarchy } from './PlanHierarchy.tsx';

const PlansQuery = graphql(`
  query PlansView_Plans($after: String) {
    plans(first: 50, after: $after) {
      totalCount
      nextCursor
      plans {
        plan { id title status kind }
        publishers { id title }
        periodStart
        periodEnd
        itemCount
      }
    }
  }
`);

const ReferencesQuery = graphql(`
  query PlansView_References {
    plans(first: 100, references: true) {
      totalCount
      plans {
        plan { id title }
        publishers { id title }
      }
    }
  }
`);

const statusNames: Record<string, string> = {
  DRAFT: 'Draft',
  CONSULTATION: 'Out to consultation',
  ADOPTED: 'Adopted',
  EXPIRED: 'Expired',
  SUPERSEDED: 'Superseded',
  UNKNOWN: 'Status not stated',
};

/** Every plan, a page at a time; choosing one shows its hierarchy. */
export function PlansView() {
  const { params } = useRoute();
  const planId = params.get('id');
  const after = params.get('after');
  const [{ data, fetching, error }] = useQuery({ query: PlansQuery, variables: { after } });
  if (planId) return <PlanHierarchy planId={planId} />;
  return (
    <section aria-labelledby="page-heading">
      <PageHeading title="Plans">Plans</PageHeading>
      <QueryState fetching={fetching} error={error} what="the plans">
        {data && (
          <>
            <p>
              {data.plans.totalCount} plans and strategies, with the items (priorities, objectives and actions) each holds. Documents the plans only mention are
              listed below them, as references.
            </p>
            <table className="data-table">
              <caption>Plans in title order</caption>
              <thead>
                <tr>
                  <th scope="col">Plan</th>
                  <th scope="col">Published by</th>
                  <th scope="col">Period</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="numeric">
                    Items
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.plans.plans.map(({ plan, publishers, periodStart, periodEnd, itemCount }) => (
                  <tr key={plan.id}>
                    <th scope="row">
                      <Link href={hrefTo('plans', { id: plan.id })}>{plan.title}</Link>
                    </th>
                    <td>{publishers.map(({ title }) => title).join(', ') || '—'}</td>
                    <td>{periodStart ? `${periodStart}–${periodEnd ?? ''}` : '—'}</td>
                    <td>{statusNames[plan.status ?? 'UNKNOWN'] ?? plan.status}</td>
                    <td className="numeric">{itemCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {data.plans.nextCursor && <Link href={hrefTo('plans', { after: data.plans.nextCursor })}>Next page of plans</Link>}
            <References />
          </>
        )}
      </QueryState>
    </section>
  );
}

/**
 * Documents the plans mention in passing (a name, sometimes a publisher, nothing in them): kept
 * as references, apart from the plans, so they neither crowd the list nor count as plans.
 */
function References() {
  const [{ data, error }] = useQuery({ query: ReferencesQuery });
  if (error)
    return (
      <QueryState fetching={false} error={error} what="the documents referred to">
        {null}
      </QueryState>
    );
  const references = data?.plans;
  if (!references || references.totalCount === 0) return null;
  return (
    <section aria-labelledby="references-heading" className="plan-references">
      <h2 id="references-heading">Documents referred to ({references.totalCount})</h2>
      <p>Plans and strategies the documents above mention by name. Nothing in them has been read, so they have no items and no gaps are checked in them.</p>
      <ul>
        {references.plans.map(({ plan, publishers }) => (
          <li key={plan.id}>
            {plan.title}
            {publishers.length > 0 && ` (${publishers.map(({ title }) => title).join(', ')})`}
          </li>
        ))}
      </ul>
    </section>
  );
}
