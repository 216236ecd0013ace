import { useState } from 'react';
import { useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { describeNode } from '../../components/labels.ts';
import { readFragment } from '../../generated/fragment-masking.ts';
import { graphql } from '../../generated/gql.ts';
import type { PlanHierarchy_ItemsQuery } from '../../generated/graphql.ts';
import { GraphNodeFragment } from '../../graph/toElements.ts';
import { Link } from '../../routing/Link.tsx';
import { hrefTo, useSelection } from '../../routing/route.ts';
import { AddItemForm } from '../authoring/AddItemForm.tsx';
import { ExportButtons } from '../authoring/ExportButtons.tsx';
import { childKinds } from '../authoring/model.ts';
import { useSignedIn } from '../authoring/session.ts';

const HierarchyQuery = graphql(`
  query PlanHierarchy_Items($id: ID!) {
    node(id: $id, first: 1) {
      node { id label title status text }
    }
    planHierarchy(id: $id) {
      parentId
      depth
      node { id label title ...GraphElement_Node }
    }
  }
`);

type Item = PlanHierarchy_ItemsQuery['planHierarchy'][number];

/** Nests the flat, document-ordered list under each item's parent. */
export function childrenOf(items: Item[], parentId: string): Item[] {
  return items.filter((item) => item.parentId === parentId);
}

/** Which item's "Add item" form is open, and what to do when it closes. */
interface Adding {
  parentId: string | null;
  open: (parentId: string | null) => void;
  done: (created: { id: string; label: string; title: string } | null, parent: { title: string }) => void;
}

// Items under which a person usually adds: plans hold priorities, priorities and objectives hold actions.
const holders = new Set(['Plan', 'Priority', 'Objective']);

function AddItemButton({ parent, adding }: { parent: { id: string; label: string; title: string }; adding: Adding }) {
  const signedIn = useSignedIn();
  if (!signedIn || !holders.has(parent.label) || childKinds(parent.label).length === 0) return null;
  const open = adding.parentId === parent.id;
  return (
    <>
      {' · '}
      <button
        type="button"
        className="link-button"
        id={`add-under-${parent.id}`}
        aria-expanded={open}
        aria-label={`Add item under ${parent.title}`}
        onClick={() => adding.open(open ? null : parent.id)}
      >
        Add item
      </button>
      {open && <AddItemForm parent={parent} onDone={(created) => adding.done(created, parent)} />}
    </>
  );
}

function Items({ items, parentId, adding }: { items: Item[]; parentId: string; adding: Adding }) {
  const [, select] = useSelection();
  const children = childrenOf(items, parentId);
  if (children.length === 0) return null;
  return (
    <ul className="hierarchy">
      {children.map(({ node }) => (
        <li key={node.id}>
          <span className="badge">{describeNode(readFragment(GraphNodeFragment, node))}</span>{' '}
          <button type="button" className="link-button" onClick={() => select(node.id)}>
            {node.title}
          </button>
          {' · '}
          <Link href={hrefTo('trace', { id: node.id })} aria-label={`Trace ${node.title}`}>
            Trace
          </Link>
          <AddItemButton parent={node} adding={adding} />
          <Items items={items} parentId={node.id} adding={adding} />
        </li>
      ))}
    </ul>
  );
}

/** A plan's priorities, objectives and actions as a nested list, in the document's order. */
export function PlanHierarchy({ planId }: { planId: string }) {
  const [{ data, fetching, error }] = useQuery({ query: HierarchyQuery, variables: { id: planId } });
  const [, select] = useSelection();
  const [addingUnder, setAddingUnder] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const title = data?.node?.node.title ?? 'Plan';
  const adding: Adding = {
    parentId: addingUnder,
    open: (parentId) => {
      setAddingUnder(parentId);
      setNotice(null);
    },
    done: (created, parent) => {
      const opener = addingUnder;
      setAddingUnder(null);
      if (created) {
        setNotice(`Added ${describeNode(created).toLowerCase()} “${created.title}” under ${parent.title}.`);
        select(created.id);
      } else if (opener) requestAnimationFrame(() => document.getElementById(`add-under-${opener}`)?.focus());
    },
  };
  return (
    <section aria-labelledby="page-heading">
      <p>
        <Link href={hrefTo('plans')}>All plans</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <QueryState fetching={fetching && !data} error={error} what="the plan">
        {data && (
          <>
            <p>
              <Link href={hrefTo('gaps', { plan: planId })}>Gaps in this plan</Link> · <Link href={hrefTo('impact', { id: planId })}>What depends on it</Link>
              {data.node && <AddItemButton parent={{ id: planId, label: data.node.node.label, title: data.node.node.title }} adding={adding} />}
            </p>
            <div role="status">{notice && <p className="notification notification-success">{notice}</p>}</div>
            {data.planHierarchy.length === 0 ? (
              <p>The sources name this plan but none of its contents.</p>
            ) : (
              <Items items={data.planHierarchy} parentId={planId} adding={adding} />
            )}
            <ExportButtons planId={planId} subject="this plan" />
          </>
        )}
      </QueryState>
    </section>
  );
}
