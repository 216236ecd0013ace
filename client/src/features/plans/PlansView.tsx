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
            <p>{data.plans.totalCount} plans and strategies, with the items (priorities, objectives and actions) each holds.</p>
            <table className="data-table">
              <caption>Plans in title order</caption>
              <thead>
                <tr>
                  <th scope="col">Plan</th>
                  <th scope="col">Published by</th>
                  <th scope="col">Period</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="numeric">Items</th>
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
          </>
        )}
      </QueryState>
    </section>
  );
}
