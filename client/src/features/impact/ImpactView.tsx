import { useMemo, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { AsAtControl, AsAtNote, useAsAt } from '../../components/AsAt.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { LabelCountTable } from '../../components/LabelCountTable.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { describeNode, labelName } from '../../components/labels.ts';
import { graphql } from '../../generated/gql.ts';
import type { ImpactResult_ImpactFragment, NodeLabel } from '../../generated/graphql.ts';
import { type FragmentType, readFragment } from '../../generated/fragment-masking.ts';
import { LazyGraphView } from '../../graph/LazyGraphView.tsx';
import { GraphEdgeFragment, GraphNodeFragment } from '../../graph/toElements.ts';
import { Link } from '../../routing/Link.tsx';
import { hrefTo, useRoute, useSelection, useUpdateParams } from '../../routing/route.ts';
import { closeWith, groupedGraph, groupKeyOf, isGrouped, openWith, planGroupKey } from './grouping.ts';
import './impact.css';

const ImpactQuery = graphql(`
  query ImpactView_Impact($id: ID!, $maxDepth: Int!, $asAt: String) {
    impact(id: $id, maxDepth: $maxDepth, asAt: $asAt) {
      root { inForce repealedOn ...GraphElement_Node }
      ...ImpactResult_Impact
    }
  }
`);

const ImpactResultFragment = graphql(`
  fragment ImpactResult_Impact on Impact {
    root { ...GraphElement_Node }
    subgraph {
      nodes { ...GraphElement_Node }
      edges { ...GraphElement_Edge }
    }
    countsByLabel { label count ...LabelCountTable_Count }
    byPlan { plan { id title inForce } count countsByLabel { label count } nodeIds }
    suspectLinkIds
    truncated
  }
`);

const PickQuery = graphql(`
  query ImpactView_Pick($text: String!, $labels: [NodeLabel!]) {
    search(text: $text, labels: $labels, first: 15) {
      hits {
        node { ...GraphElement_Node }
        plan { id title }
      }
    }
  }
`);

// What a person asks the impact of: the law, plans and what sits high in them.
const pickable: NodeLabel[] = ['Authority', 'Provision', 'Plan', 'Priority', 'Objective', 'Evidence'];

// The API's bounds on how far downstream to look (impact.MAX_DEPTH on the server).
const depths = [1, 2, 3, 4, 5, 6];
const defaultDepth = 4;

/** /impact?id=…: everything that depends on one node, what a change to it would touch. */
export function ImpactView() {
  const { params } = useRoute();
  const id = params.get('id');
  const requested = Number(params.get('depth'));
  const depth = depths.includes(requested) ? requested : defaultDepth;
  const asAt = useAsAt();
  if (!id) return <ImpactPick find={params.get('find') ?? ''} />;
  // Keyed by id so a new answer starts with its groups closed.
  return <ImpactOf key={id} id={id} depth={depth} asAt={asAt} />;
}

/** /impact with no item yet: find a law, plan or priority by name and choose it. */
function ImpactPick({ find }: { find: string }) {
  const updateParams = useUpdateParams();
  const [text, setText] = useState(find);
  const [{ data, fetching, error }] = useQuery({ query: PickQuery, variables: { text: find, labels: pickable }, pause: !find.trim() });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    updateParams({ find: text.trim() || null });
  };
  const hits = data?.search.hits ?? [];
  return (
    <>
      <PageHeading title="Impact">Impact: what depends on an item</PageHeading>
      <p>
        Choose a law, plan or priority to see everything downstream of it: the plans, priorities, actions and measures that give effect to it, sit under it or
        cite it, grouped by plan, so you can see what a change to it would touch.
      </p>
      <form className="impact-pick" role="search" aria-label="Find an item to see the impact of" onSubmit={submit}>
        <label htmlFor="impact-find">Law, plan or priority</label>
        <input
          id="impact-find"
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          autoComplete="off"
          placeholder="e.g. Care Act 2014"
        />
        <button type="submit">Find</button>
      </form>
      {find.trim() && (
        <QueryState fetching={fetching} error={error} what="the matching items">
          {hits.length === 0 ? (
            <p>No law, plan or priority matches “{find}”. Try fewer words, or the name of the Act.</p>
          ) : (
            <section aria-labelledby="impact-pick-heading">
              <h2 id="impact-pick-heading" className="impact-graph-heading">
                Matching items
              </h2>
              <ul className="impact-picks">
                {hits.map(({ node: ref, plan }) => {
                  const node = readFragment(GraphNodeFragment, ref);
                  return (
                    <li key={node.id}>
                      <Link href={hrefTo('impact', { id: node.id })}>
                        <span className="badge">{describeNode(node)}</span> {node.title}
                      </Link>
                      {plan && plan.id !== node.id && <span className="node-note"> in {plan.title}</span>}
                    </li>
                  );
                })}
              </ul>
            </section>
          )}
        </QueryState>
      )}
      <p>
        You can also open any item’s details, from a <Link href={hrefTo('plans')}>plan</Link> or the search box at the top of the page, and choose “What depends
        on it”.
      </p>
    </>
  );
}

function ImpactOf({ id, depth, asAt }: { id: string; depth: number; asAt: string | null }) {
  const [{ data, fetching, error }] = useQuery({ query: ImpactQuery, variables: { id, maxDepth: depth, asAt } });
  const impact = data?.impact;
  const root = readFragment(GraphNodeFragment, impact?.root);
  return (
    <>
      {root && <p className="badge">{describeNode(root)}</p>}
      <PageHeading title={root ? `What depends on ${root.title}` : 'What depends on it'}>
        {root ? `What depends on ${root.title}` : 'What depends on it'}
      </PageHeading>
      {impact?.root && (impact.root.repealedOn || impact.root.inForce === false) && (
        <p>
          {root?.title}
          <AsAtNote node={impact.root} />
        </p>
      )}
      {/* One line of choices, so the drawing starts high on a laptop screen. */}
      <div className="impact-choices">
        <DepthChoice depth={depth} />
        <AsAtControl what="what depends on it" compact />
      </div>
      <QueryState fetching={fetching && !impact} error={error} what="what depends on it">
        {impact && <ImpactResult impact={impact} depth={depth} />}
      </QueryState>
    </>
  );
}

function DepthChoice({ depth }: { depth: number }) {
  const updateParams = useUpdateParams();
  return (
    <p className="impact-depth">
      <label htmlFor="impact-depth">Links to follow downstream</label>{' '}
      <select
        id="impact-depth"
        value={depth}
        onChange={(event) => updateParams({ depth: event.target.value === String(defaultDepth) ? null : event.target.value })}
      >
        {depths.map((value) => (
          <option key={value} value={value}>
            {value === 1 ? '1 link' : `up to ${value} links`}
          </option>
        ))}
      </select>
    </p>
  );
}

/** "A", "A and B", "A, B and C". */
const listOf = (parts: readonly string[]) => (parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`);

/** A kind of item in words, as many as `count`: "1 priority", "3 priorities", "2 evidence". */
function kindCount(label: string, count: number): string {
  const name = labelName(label).toLowerCase();
  const plural = count === 1 || name === 'evidence' ? name : name.endsWith('y') ? `${name.slice(0, -1)}ies` : `${name}s`;
  return `${count.toLocaleString('en-GB')} ${plural}`;
}

/** "33 actions, 10 objectives and 1 plan". */
function kindsInWords(counts: readonly { label: string; count: number }[]): string {
  return listOf(counts.map(({ label, count }) => kindCount(label, count)));
}

function ImpactResult({ impact: ref, depth }: { impact: FragmentType<typeof ImpactResultFragment>; depth: number }) {
  const impact = readFragment(ImpactResultFragment, ref);
  const root = readFragment(GraphNodeFragment, impact.root);
  const dependents = impact.subgraph.nodes.length - 1;
  const [, select] = useSelection();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const grouped = isGrouped(impact);
  const graph = useMemo(() => groupedGraph(impact, open), [impact, open]);
  const openNode = (nodeId: string) => {
    const key = groupKeyOf(nodeId);
    if (key) setOpen((before) => openWith(before, key));
    else select(nodeId);
  };
  const plans = impact.byPlan.filter(({ plan }) => plan !== null).length;
  return (
    <>
      <p className="impact-summary">
        <strong>
          {dependents === 0 ? 'Nothing depends on it' : `${dependents.toLocaleString('en-GB')} ${dependents === 1 ? 'item depends' : 'items depend'} on it`}
        </strong>{' '}
        within {depth === 1 ? 'one link' : `${depth} links`}
        {plans > 0 && <>, in {plans === 1 ? 'one plan' : `${plans} plans`}</>}
        {impact.byPlan.length > 0 && (
          <>: {listOf(impact.byPlan.map((group) => `${group.plan?.title ?? 'in no plan'} (${group.count.toLocaleString('en-GB')})`))}</>
        )}
        .
      </p>
      {impact.truncated && (
        <p className="message impact-notice" role="status">
          Only the nearest {dependents.toLocaleString('en-GB')} dependent items are shown: the answer reached the limit. Follow fewer links to see a complete
          answer.
        </p>
      )}
      <SuspectLinks impact={impact} />
      <section aria-labelledby="impact-graph-heading">
        <h2 id="impact-graph-heading" className="impact-graph-heading">
          Graph
        </h2>
        {grouped && (
          <p className="hint">
            With this many items, the drawing shows a group for each plan, with how many items it holds. Choose a group, on the drawing or in the list of items,
            to show what it holds; a plan opens into its levels (its actions, its objectives), and a level with many items is a group again.
          </p>
        )}
        <LazyGraphView
          graph={graph}
          onOpen={openNode}
          nodeNote={(nodeId) => (groupKeyOf(nodeId) ? 'a group: shows what it holds' : undefined)}
          rootId={root.id}
          rootMeaning="the item everything here depends on"
          label={grouped ? `What depends on ${root.title}, grouped by plan` : `What depends on ${root.title}`}
          fileName={`impact-${root.id.replaceAll(/[^a-z0-9]+/gi, '-')}`}
          headingLevel={3}
        />
      </section>
      {/* The breakdowns after the drawing, so the drawing is in view on arrival; the summary above names the plans. */}
      {impact.byPlan.length > 0 && (
        <table className="data-table impact-plans">
          <caption>Dependent items by plan</caption>
          <thead>
            <tr>
              <th scope="col">Plan</th>
              <th scope="col" className="numeric">
                Items
              </th>
              <th scope="col">Of which</th>
              {grouped && <th scope="col">On the drawing</th>}
            </tr>
          </thead>
          <tbody>
            {impact.byPlan.map((group) => {
              const key = planGroupKey(group.plan);
              const name = group.plan?.title ?? 'In no plan';
              return (
                <tr key={key}>
                  <th scope="row">
                    {group.plan ? <Link href={hrefTo('plans', { id: group.plan.id })}>{name}</Link> : name}
                    {group.plan && <AsAtNote node={group.plan} />}
                  </th>
                  <td className="numeric">{group.count.toLocaleString('en-GB')}</td>
                  <td>{kindsInWords(group.countsByLabel)}</td>
                  {grouped && (
                    <td>
                      <button
                        type="button"
                        className="secondary-button"
                        aria-pressed={open.has(key)}
                        aria-label={`Show each item of ${name} on the drawing`}
                        onClick={() => setOpen((before) => (before.has(key) ? closeWith(before, key) : openWith(before, key)))}
                      >
                        Show each item
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">All</th>
              <td className="numeric">{dependents.toLocaleString('en-GB')}</td>
              <td>{kindsInWords(impact.countsByLabel)}</td>
              {grouped && <td />}
            </tr>
          </tfoot>
        </table>
      )}
      {impact.countsByLabel.length > 0 && <LabelCountTable caption="Dependent items by kind" counts={impact.countsByLabel} nameOf={labelName} />}
    </>
  );
}

/**
 * The links to the law drawn here that a change in the law has put in doubt: what to review
 * first, on the Law changes page, before relying on them.
 */
function SuspectLinks({ impact }: { impact: ImpactResult_ImpactFragment }) {
  if (impact.suspectLinkIds.length === 0) return null;
  const suspect = new Set(impact.suspectLinkIds);
  const titles = new Map(readFragment(GraphNodeFragment, impact.subgraph.nodes).map((node) => [node.id, node.title]));
  const links = readFragment(GraphEdgeFragment, impact.subgraph.edges).filter(({ id }) => suspect.has(id));
  return (
    <section className="impact-suspect" aria-labelledby="impact-suspect-heading">
      <h2 id="impact-suspect-heading" className="impact-graph-heading">
        Links in doubt after a change in the law ({links.length})
      </h2>
      <p>
        The law these items give effect to has changed since the links were last reviewed. Review them on the{' '}
        <Link href={hrefTo('law-review')}>Law changes</Link> page.
      </p>
      <ul>
        {links.map((link) => (
          <li key={link.id}>
            {titles.get(link.from) ?? link.from} gives effect to {titles.get(link.to) ?? link.to}
          </li>
        ))}
      </ul>
    </section>
  );
}
