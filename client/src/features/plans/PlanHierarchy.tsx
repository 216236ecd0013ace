import { useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { describeNode } from '../../components/labels.ts';
import { graphql } from '../../generated/gql.ts';
import type { PlanHierarchy_ItemsQuery } from '../../generated/graphql.ts';
import { Link } from '../../routing/Link.tsx';
import { hrefTo, useSelection } from '../../routing/route.ts';

const HierarchyQuery = graphql(`
  query PlanHierarchy_Items($id: ID!) {
    node(id: $id, first: 1) {
      node { id title status text }
    }
    planHierarchy(id: $id) {
      parentId
      depth
      node { id label title code term corporate kind }
    }
  }
`);

type Item = PlanHierarchy_ItemsQuery['planHierarchy'][number];

/** Nests the flat, document-ordered list under each item's parent. */
export function childrenOf(items: Item[], parentId: string): Item[] {
  return items.filter((item) => item.parentId === parentId);
}

function Items({ items, parentId }: { items: Item[]; parentId: string }) {
  const [, select] = useSelection();
  const children = childrenOf(items, parentId);
  if (children.length === 0) return null;
  return (
    <ul className="hierarchy">
      {children.map(({ node }) => (
        <li key={node.id}>
          <span className="badge">{describeNode(node)}</span>{' '}
          <button type="button" className="link-button" onClick={() => select(node.id)}>
            {node.title}
          </button>
          {' · '}
          <Link href={hrefTo('trace', { id: node.id })} aria-label={`Trace ${node.title}`}>
            Trace
          </Link>
          <Items items={items} parentId={node.id} />
        </li>
      ))}
    </ul>
  );
}

/** A plan's priorities, objectives and actions as a nested list, in the document's order. */
export function PlanHierarchy({ planId }: { planId: string }) {
  const [{ data, fetching, error }] = useQuery({ query: HierarchyQuery, variables: { id: planId } });
  const title = data?.node?.node.title ?? 'Plan';
  return (
    <section aria-labelledby="page-heading">
      <p>
        <Link href={hrefTo('plans')}>All plans</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <QueryState fetching={fetching} error={error} what="the plan">
        {data && (
          <>
            <p>
              <Link href={hrefTo('gaps', { plan: planId })}>Gaps in this plan</Link> · <Link href={hrefTo('trace', { id: planId })}>Trace the plan</Link> ·{' '}
              <Link href={hrefTo('impact', { id: planId })}>What depends on it</Link>
            </p>
            {data.planHierarchy.length === 0 ? <p>The sources name this plan but none of its contents.</p> : <Items items={data.planHierarchy} parentId={planId} />}
          </>
        )}
      </QueryState>
    </section>
  );
}
