import { useMemo, useState, type ReactNode } from 'react';
import { useClient, useQuery } from 'urql';
import { AsAtControl, AsAtNote, useAsAt } from '../../components/AsAt.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { basisNames, describeNode, labelName, linkPhrase, traceableLabels } from '../../components/labels.ts';
import { type FragmentType, readFragment } from '../../generated/fragment-masking.ts';
import { graphql } from '../../generated/gql.ts';
import type { GraphElement_EdgeFragment, GraphElement_NodeFragment, TraceSummary_TraceFragment } from '../../generated/graphql.ts';
import { LazyGraphView } from '../../graph/LazyGraphView.tsx';
import { kinds, visualKind } from '../../graph/kinds.ts';
import { GraphEdgeFragment, GraphNodeFragment, mergeGraphs, type GraphEdgeRef, type GraphNodeRef } from '../../graph/toElements.ts';
import { Link } from '../../routing/Link.tsx';
import { hrefHere, hrefTo, useRoute, useSelection, useUpdateParams } from '../../routing/route.ts';
import './trace.css';

const TraceQuery = graphql(`
  query TraceView_Trace($id: ID!, $includeSuggested: Boolean!, $asAt: String) {
    trace(id: $id, includeSuggested: $includeSuggested, asAt: $asAt) {
      root { ...GraphElement_Node }
      ...TraceResult_Trace
    }
  }
`);

// The view merges neighbours into the trace by id, so it asks for the ids itself.
const TraceResultFragment = graphql(`
  fragment TraceResult_Trace on Trace {
    root { ...GraphElement_Node }
    subgraph {
      nodes { id ...GraphElement_Node }
      edges { id ...GraphElement_Edge }
    }
    ...TraceSummary_Trace
    ...TracePaths_Trace
  }
`);

const TraceSummaryFragment = graphql(`
  fragment TraceSummary_Trace on Trace {
    root { id label discretionary }
    ends {
      node { ...GraphElement_Node }
      reaches
      own
      inheritedFrom { ...GraphElement_Node }
    }
  }
`);

const TracePathsFragment = graphql(`
  fragment TracePaths_Trace on Trace {
    subgraph {
      nodes { id inForce repealedOn ...GraphElement_Node }
      edges { ...GraphElement_Edge }
    }
    paths { nodes edges basis via }
  }
`);

const NeighboursQuery = graphql(`
  query TraceView_Neighbours($id: ID!) {
    node(id: $id, first: 100) {
      node { id ...GraphElement_Node }
      neighbourCount
      neighbours {
        edge { id ...GraphElement_Edge }
        node { id ...GraphElement_Node }
      }
    }
  }
`);

type Subgraph = { nodes: readonly (GraphNodeRef & { id: string })[]; edges: readonly (GraphEdgeRef & { id: string })[] };

/** /trace?id=…: how one item reaches the law and the council's priorities, drawn, listed and explained. */
export function TraceView() {
  const { params } = useRoute();
  const id = params.get('id');
  const asAt = useAsAt();
  if (!id) return <TraceStart />;
  // Keyed by id and date so a new trace starts without the neighbours added to the last one.
  return <TraceOf key={`${id} ${asAt}`} id={id} includeSuggested={params.get('suggested') === 'yes'} asAt={asAt} />;
}

function TraceStart() {
  return (
    <>
      <PageHeading title="Trace">Trace an item to the law and to council priorities</PageHeading>
      <p>
        A trace shows how a plan, priority, objective or action reaches the Acts, guidance and policies it gives effect to and the council priorities it serves,
        link by link, with how each link is known.
      </p>
      <p>
        Find something to trace with the <a href="#site-search">search box</a> at the top of the page, or browse the <Link href={hrefTo('plans')}>plans</Link>{' '}
        and choose “Trace” next to an item.
      </p>
    </>
  );
}

function TraceOf({ id, includeSuggested, asAt }: { id: string; includeSuggested: boolean; asAt: string | null }) {
  const [{ data, fetching, error }] = useQuery({ query: TraceQuery, variables: { id, includeSuggested, asAt } });
  const trace = data?.trace;
  const root = readFragment(GraphNodeFragment, trace?.root);
  return (
    <>
      {root && <p className="badge">{describeNode(root)}</p>}
      <div className="heading-row">
        <PageHeading title={root ? `Trace: ${root.title}` : 'Trace'}>{root?.title ?? 'Trace'}</PageHeading>
        <AsAtControl what="the trace" compact />
      </div>
      <QueryState fetching={fetching && !trace} error={error} what="the trace">
        {trace && <TraceResult trace={trace} includeSuggested={includeSuggested} />}
      </QueryState>
    </>
  );
}

function TraceResult({ trace: ref, includeSuggested }: { trace: FragmentType<typeof TraceResultFragment>; includeSuggested: boolean }) {
  const trace = readFragment(TraceResultFragment, ref);
  const root = readFragment(GraphNodeFragment, trace.root);
  const client = useClient();
  const [selected] = useSelection();
  const asAt = useAsAt();
  const updateParams = useUpdateParams();
  const [added, setAdded] = useState<Subgraph[]>([]);
  const [expanding, setExpanding] = useState(false);
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);
  const graph = useMemo(() => mergeGraphs(trace.subgraph, ...added), [trace.subgraph, added]);
  const selectedNode = readFragment(
    GraphNodeFragment,
    graph.nodes.find(({ id }) => id === selected),
  );

  const expand = async (nodeId: string) => {
    setExpanding(true);
    const result = await client.query(NeighboursQuery, { id: nodeId }).toPromise();
    setExpanding(false);
    const detail = result.data?.node;
    if (result.error || !detail) {
      setStatus({ text: result.error ? `Could not add the neighbours: ${result.error.message}` : `Nothing in the graph has the id ${nodeId}.`, failed: true });
      return;
    }
    const shownNodes = new Set(graph.nodes.map(({ id }) => id));
    const shownEdges = new Set(graph.edges.map(({ id }) => id));
    const newNodes = new Set([detail.node, ...detail.neighbours.map(({ node }) => node)].filter(({ id }) => !shownNodes.has(id)).map(({ id }) => id)).size;
    const newEdges = new Set(detail.neighbours.filter(({ edge }) => !shownEdges.has(edge.id)).map(({ edge }) => edge.id)).size;
    // The node itself too: it may have been opened from the detail panel, outside the graph.
    setAdded((before) => [...before, { nodes: [detail.node, ...detail.neighbours.map(({ node }) => node)], edges: detail.neighbours.map(({ edge }) => edge) }]);
    const partial =
      detail.neighbourCount > detail.neighbours.length ? ` (from the first ${detail.neighbours.length} of its ${detail.neighbourCount} links)` : '';
    const { title } = readFragment(GraphNodeFragment, detail.node);
    setStatus({
      text:
        newNodes + newEdges === 0
          ? `Everything next to ${title} was already shown.`
          : `Added ${count(newNodes, 'item', 'items')} and ${count(newEdges, 'link', 'links')} next to ${title}${partial}.`,
      failed: false,
    });
  };

  return (
    // On a wide screen the drawing stands beside the answer and its paths (trace.css).
    <div className="trace-result">
      <div className="trace-text">
        <TraceSummary trace={trace} />
        <p className="trace-option">
          <label>
            <input type="checkbox" checked={includeSuggested} onChange={(event) => updateParams({ suggested: event.target.checked ? 'yes' : null })} /> Include
            links the tool suggested that no one has accepted yet
          </label>
        </p>
        <TracePaths trace={trace} />
      </div>
      <section className="trace-graph" aria-labelledby="trace-graph-heading">
        <h2 id="trace-graph-heading">Graph</h2>
        {selected && (
          <div className="selection-bar">
            <p>
              Selected: <strong>{selectedNode ? `${describeNode(selectedNode)}: ${selectedNode.title}` : selected}</strong>
            </p>
            {selected !== root.id && (!selectedNode || traceableLabels.has(selectedNode.label)) && (
              <Link href={hrefTo('trace', { id: selected, suggested: includeSuggested ? 'yes' : null, asAt })}>Trace from here</Link>
            )}
            <button type="button" className="secondary-button" disabled={expanding} onClick={() => void expand(selected)}>
              {expanding ? 'Adding neighbours…' : 'Expand neighbours'}
            </button>
          </div>
        )}
        <p role="status" className={status?.failed ? 'message message-error' : 'message'}>
          {status?.text}
        </p>
        <LazyGraphView
          graph={graph}
          rootId={root.id}
          rootMeaning="the item traced"
          label={`Trace of ${root.title}`}
          fileName={`trace-${root.id.replaceAll(/[^a-z0-9]+/gi, '-')}`}
          headingLevel={3}
        />
      </section>
    </div>
  );
}

const count = (amount: number, one: string, many: string) => `${amount === 0 ? 'no' : amount} ${amount === 1 ? one : many}`;

/** "A", "A and B", "A, B and C". */
function listOf(items: ReactNode[]): ReactNode[] {
  return items.flatMap((item, index) => (index === 0 ? [item] : [index === items.length - 1 ? ' and ' : ', ', item]));
}

/** A link that opens a node's details, keeping the rest of the view as it is. */
function NodeLink({ node }: { node: { id: string; title: string } }) {
  const { params } = useRoute();
  return <Link href={hrefHere({ ...Object.fromEntries(params), node: node.id })}>{node.title}</Link>;
}

type TraceEnd = TraceSummary_TraceFragment['ends'][number];

/**
 * A parent an item inherits from, as the item's own and in the source's word for its level:
 * "its plan", "its strategic objective “Provision of Targeted Services”".
 */
function ParentName({ parent }: { parent: GraphElement_NodeFragment }) {
  if (parent.label === 'Plan') return <>its plan</>;
  return (
    <>
      its {(parent.term ?? labelName(parent.label)).toLowerCase()} “<NodeLink node={parent} />”
    </>
  );
}

/**
 * One sentence on what the item gives effect to (or serves): what it reaches by links of its
 * own, then what it inherits, grouped by the nearest parent it inherits each from.
 */
function EndsSentence({ ends, verb, noun }: { ends: TraceEnd[]; verb: string; noun: string }) {
  const named = (list: TraceEnd[]) =>
    listOf(
      list.map((end) => {
        const node = readFragment(GraphNodeFragment, end.node);
        return <NodeLink key={node.id} node={node} />;
      }),
    );
  if (ends.length === 0) return <>{`${verb} no ${noun}.`} </>;
  const own = ends.filter((end) => end.own);
  const groups = new Map<string, { parent: GraphElement_NodeFragment; ends: TraceEnd[] }>();
  for (const end of ends.filter((candidate) => !candidate.own)) {
    const parent = readFragment(GraphNodeFragment, end.inheritedFrom[0]!);
    groups.set(parent.id, { parent, ends: [...(groups.get(parent.id)?.ends ?? []), end] });
  }
  const inherited = [...groups.values()].map(({ parent, ends: from }) => (
    <span key={parent.id}>
      {named(from)} from <ParentName parent={parent} />
    </span>
  ));
  return (
    <>
      {verb} {own.length > 0 ? <>{named(own)} itself</> : `no ${noun} itself`}
      {inherited.length > 0 && <>; inherits {listOf(inherited)}</>}.{' '}
    </>
  );
}

const reachCount = (ends: TraceEnd[], one: string, many: string) => {
  const own = ends.filter((end) => end.own).length;
  return `${count(own, one, many)} itself${ends.length > own ? ` and inherits ${ends.length - own}` : ''}`;
};

/**
 * The headline: what the item reaches by its own links, told apart from what it inherits from
 * its objective, priority or plan, so no inherited link reads as the item's own.
 */
function TraceSummary({ trace }: { trace: FragmentType<typeof TraceSummaryFragment> }) {
  const { ends, root } = readFragment(TraceSummaryFragment, trace);
  if (ends.length === 0) {
    if (root.label === 'Plan') {
      return (
        <p className="trace-summary">
          <strong>A plan is traced through its items.</strong> Nothing links the plan itself to the law or to a council priority: its priorities, objectives and
          actions carry those links. Open <Link href={hrefTo('plans', { id: root.id })}>the plan</Link> to trace any of them, or see{' '}
          <Link href={hrefTo('gaps', { plan: root.id })}>its gaps and coverage</Link>.
        </p>
      );
    }
    return (
      <p className="trace-summary">
        <strong>Reaches no authority and no council priority.</strong>{' '}
        {root.discretionary ? 'It is marked discretionary, so it needs no statutory basis.' : 'Nothing recorded links it to the law or to a council priority.'}
      </p>
    );
  }
  const authorities = ends.filter(({ reaches }) => reaches === 'AUTHORITY');
  const priorities = ends.filter(({ reaches }) => reaches === 'CORPORATE_PRIORITY');
  return (
    <p className="trace-summary">
      <strong>
        Gives effect to {reachCount(authorities, 'authority', 'authorities')}; serves {reachCount(priorities, 'council priority', 'council priorities')}.
      </strong>{' '}
      <EndsSentence ends={authorities} verb="Gives effect to" noun="authority" />
      <EndsSentence ends={priorities} verb="Serves" noun="council priority" />
    </p>
  );
}

/** The kind of a node in a path outline: the Authority's own kind ("Act"), otherwise the legend's name. */
const kindName = (node: GraphElement_NodeFragment) => (node.label === 'Authority' ? describeNode(node) : kinds[visualKind(node)].name);

function TracePaths({ trace: ref }: { trace: FragmentType<typeof TracePathsFragment> }) {
  const trace = readFragment(TracePathsFragment, ref);
  const nodes = new Map(readFragment(GraphNodeFragment, trace.subgraph.nodes).map((node) => [node.id, node]));
  const edges = new Map(readFragment(GraphEdgeFragment, trace.subgraph.edges).map((edge) => [edge.id, edge]));
  const asAtNotes = new Map(trace.subgraph.nodes.map((node) => [node.id, node]));
  return (
    <section className="trace-paths" aria-labelledby="trace-paths-heading">
      <h2 id="trace-paths-heading">Paths ({trace.paths.length})</h2>
      {trace.paths.length === 0 ? (
        <p>No path leads from this item to an authority or a council priority.</p>
      ) : (
        <ol className="path-list">
          {trace.paths.map((path) => (
            <li key={path.edges.join(' ')}>
              <p className="path-outline">
                {path.nodes.map((id) => kindName(nodes.get(id)!)).join(' → ')}{' '}
                <span className="path-basis">
                  (as certain as its weakest link: <span className={`basis basis-${path.basis.toLowerCase()}`}>{basisNames[path.basis]}</span>)
                </span>{' '}
                <span className="path-claim">
                  {path.via ? (
                    <>
                      — inherited from <ParentName parent={nodes.get(path.via)!} />
                    </>
                  ) : (
                    '— its own link'
                  )}
                </span>
              </p>
              <ol className="path-steps">
                {path.nodes.map((id, step) => {
                  const node = nodes.get(id)!;
                  const edge = step > 0 ? edges.get(path.edges[step - 1]!) : undefined;
                  return (
                    <li key={id}>
                      {edge && <PathLink edge={edge} upward={edge.from === path.nodes[step - 1]} />}
                      <p className="path-node">
                        <span className="badge">{describeNode(node)}</span> <NodeLink node={node} />
                        <AsAtNote node={asAtNotes.get(id)!} />
                      </p>
                    </li>
                  );
                })}
              </ol>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** One link of a path in words: what it says, how it is known and, when a person drew it, why. */
function PathLink({ edge, upward }: { edge: GraphElement_EdgeFragment; upward: boolean }) {
  const basis = edge.basis ?? 'STATED';
  // A path climbs from a child to its parent against the hierarchy link's own direction.
  const phrase = upward ? linkPhrase(edge.type) : 'sits under';
  return (
    <div className="path-link" title={edge.rationale ?? undefined}>
      <p>
        <span aria-hidden="true">↑ </span>
        {phrase} — <span className={`basis basis-${basis.toLowerCase()}`}>{basisNames[basis]}</span>
      </p>
      {edge.rationale && <p className="rationale">Why: {edge.rationale}</p>}
    </div>
  );
}
