import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { saveBlob } from '../components/download.ts';
import { describeNode, linkPhrase } from '../components/labels.ts';
import { readFragment } from '../generated/fragment-masking.ts';
import { useSelection } from '../routing/route.ts';
import { GraphController } from './GraphController.ts';
import { GraphLegend } from './GraphLegend.tsx';
import { GraphLinksTable } from './GraphLinksTable.tsx';
import { GraphNodeList, type ListedNode } from './GraphNodeList.tsx';
import { kinds, layerNames, visualKind, type VisualKind } from './kinds.ts';
import { GraphEdgeFragment, GraphNodeFragment, type EdgeData, type GraphInput } from './toElements.ts';
import './graph.css';

export interface GraphViewProps {
  /**
   * What to draw: nodes and links spreading GraphElement_Node and GraphElement_Edge (an API
   * Subgraph), or several graphs merged with mergeGraphs(). Keep the same object
   * while it has not changed (memoise merges): each new object is diffed against the drawing.
   */
  graph: GraphInput;
  /** The item the page is about: drawn with a double outline and named in the lists. */
  rootId?: string | null;
  /** What the root is to the page, for the key and the lists: "the item traced". */
  rootMeaning?: string;
  /** What the graph shows, as a phrase, for its accessible name: "Trace of …". */
  label: string;
  /** Name of the exported image, without ".png". */
  fileName: string;
  /** Level of the headings of the key and the lists (default 2). */
  headingLevel?: 2 | 3;
  /**
   * What clicking a node or choosing it in the list does, instead of opening its details: for
   * nodes that stand for a group, which open to show what they hold.
   */
  onOpen?: (id: string) => void;
  /** A note the list of items gives after a node's name, e.g. what choosing a group does. */
  nodeNote?: (id: string) => string | undefined;
}

/**
 * A graph with everything needed to use it without seeing it: the drawing (Cytoscape, owned by
 * a GraphController created once and destroyed on unmount), zoom and PNG export buttons, the
 * key, every node as a button (arrow keys move along them and show each on the drawing; Enter
 * opens its details, as does clicking a node) and every link in a table. The node open in the
 * detail panel is the URL's `node` parameter (useSelection).
 *
 * @remarks
 * The lists render just after the drawing (useDeferredValue), so a large graph appears first.
 * The stylesheet (graph.css) comes with the component.
 *
 * @example
 * <GraphView graph={trace.subgraph} rootId={trace.root.id} rootMeaning="the item traced" label={`Trace of ${trace.root.title}`} fileName="trace" />
 */
export function GraphView({ graph, rootId = null, rootMeaning, label, fileName, headingLevel = 2, onOpen, nodeNote }: GraphViewProps) {
  const id = useId();
  const container = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const controller = useRef<GraphController | null>(null);
  const [selected, select] = useSelection();
  const open = onOpen ?? select;
  const openLatest = useRef(open);
  useEffect(() => {
    openLatest.current = open;
  }, [open]);
  const [pointed, setPointed] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);

  useEffect(() => {
    const graphController = new GraphController({ onSelect: (nodeId) => openLatest.current(nodeId), onPoint: setPointed });
    graphController.mount(container.current!);
    controller.current = graphController;
    return () => {
      graphController.destroy();
      controller.current = null;
    };
  }, []);
  useEffect(() => {
    controller.current?.setGraph(graph, { rootId });
  }, [graph, rootId]);
  useEffect(() => {
    controller.current?.select(selected);
  }, [selected]);

  // Closing the detail panel (Escape) removes the element that had focus: give it back to the
  // item whose details were open, so keyboard users carry on where they were.
  const previouslySelected = useRef(selected);
  useEffect(() => {
    const before = previouslySelected.current;
    previouslySelected.current = selected;
    if (!before || selected || (document.activeElement && document.activeElement !== document.body)) return;
    const buttons = stage.current;
    (
      buttons?.querySelector<HTMLButtonElement>(`[data-node-id="${CSS.escape(before)}"]`) ??
      buttons?.querySelector<HTMLButtonElement>('.node-button[tabindex="0"]')
    )?.focus();
  }, [selected]);

  const described = useMemo(() => describeGraph(graph), [graph]);
  const { nodes, edges, shownKinds } = described;
  // The lists of a large graph take longer to render than the drawing: let the drawing go first.
  const listed = useDeferredValue(described, null);
  const layers = [...new Set(nodes.map(({ layer }) => layer))];
  const summary =
    nodes.length === 0
      ? `${label}: nothing to draw.`
      : `${label}: ${nodes.length} ${nodes.length === 1 ? 'item' : 'items'} and ${edges.length} ${edges.length === 1 ? 'link' : 'links'}, in layers from ${layerNames[layers[0]!]} at the top to ${layerNames[layers.at(-1)!]} at the bottom. The list of items and the table of links give the same as text.`;

  const exportPng = () => {
    const image = controller.current?.exportPng();
    if (!image) return;
    saveBlob(image, `${fileName}.png`);
  };

  return (
    <div className="graph-view">
      <div className="graph-toolbar">
        <button type="button" className="secondary-button" onClick={() => controller.current?.zoomBy(1.25)}>
          Zoom in
        </button>
        <button type="button" className="secondary-button" onClick={() => controller.current?.zoomBy(0.8)}>
          Zoom out
        </button>
        <button type="button" className="secondary-button" onClick={() => controller.current?.fit()}>
          Show the whole graph
        </button>
        <button type="button" className="secondary-button" onClick={exportPng}>
          Export PNG
        </button>
      </div>
      {/* The list of items sits beside the drawing where there is room, so the focus ring it
          moves on the graph stays in view while the keyboard walks the list. */}
      <div ref={stage} className="graph-stage">
        <div className="graph-drawing">
          <div ref={container} className="graph-canvas" role="img" aria-label={summary} />
          <NodeCaption id={pointed ?? focused ?? selected} described={described} />
        </div>
        <GraphLegend kinds={shownKinds} rootMeaning={rootId ? rootMeaning : undefined} headingId={`${id}-key`} headingLevel={headingLevel} />
        {listed && (
          <GraphNodeList
            nodes={listed.nodes}
            rootId={rootId}
            rootMeaning={rootMeaning}
            selectedId={selected}
            onFocusNode={(nodeId) => {
              setFocused(nodeId);
              controller.current?.focus(nodeId);
            }}
            onOpen={open}
            nodeNote={nodeNote}
            headingId={`${id}-nodes`}
            headingLevel={headingLevel}
          />
        )}
      </div>
      {listed && (
        <div className="graph-alternative">
          <GraphLinksTable edges={listed.edges} names={listed.names} headingId={`${id}-links`} headingLevel={headingLevel} />
        </div>
      )}
    </div>
  );
}

/** Links named in the caption before the rest are left to the table of links. */
const captionLinks = 6;

/**
 * Under the drawing, the full name and the links of the node pointed at, focused in the list or
 * selected: labels on the drawing are shortened to fit their boxes, and links are unnamed there
 * until their node is focused. The node list and the table of links say the same for screen readers.
 */
function NodeCaption({ id, described }: { id: string | null; described: ReturnType<typeof describeGraph> }) {
  const node = id ? described.names.get(id) : undefined;
  if (!id || !node) return <p className="graph-caption hint">Point at an item, or move along the list of items, to read its full name and its links here.</p>;
  const name = (end: string) => {
    if (end === id) return 'this';
    const other = described.names.get(end);
    return other ? `${other.description}: ${other.title}` : end;
  };
  const links = described.edges.filter(({ source, target }) => source === id || target === id);
  return (
    <div className="graph-caption">
      <p>
        <strong>
          {node.description}: {node.title}
        </strong>
      </p>
      {links.length > 0 && (
        <ul>
          {links.slice(0, captionLinks).map((edge) => (
            <li key={edge.id}>
              {name(edge.source)} <em>{edge.phrase}</em> {name(edge.target)}
            </li>
          ))}
          {links.length > captionLinks && <li>and {links.length - captionLinks} more in the table of links</li>}
        </ul>
      )}
    </div>
  );
}

/** The graph as text: nodes in reading order (layer by layer), links with their basis, and the kinds drawn. */
function describeGraph(graph: GraphInput) {
  // First seen wins, as in toElements.
  const distinct = <T extends { id: string }>(items: readonly T[]) => {
    const seen = new Set<string>();
    return items.filter(({ id }) => !seen.has(id) && Boolean(seen.add(id)));
  };
  const graphNodes = readFragment(GraphNodeFragment, graph.nodes);
  const ids = new Set(graphNodes.map(({ id }) => id));
  const edges: EdgeData[] = distinct(readFragment(GraphEdgeFragment, graph.edges))
    .filter(({ from, to }) => ids.has(from) && ids.has(to))
    .map(({ id, type, from, to, basis, rationale }) => ({
      id,
      type,
      source: from,
      target: to,
      basis: basis ?? 'STATED',
      rationale: rationale ?? null,
      phrase: linkPhrase(type),
    }));
  const links = new Map<string, number>();
  for (const { source, target } of edges) for (const end of [source, target]) links.set(end, (links.get(end) ?? 0) + 1);
  const nodes: ListedNode[] = distinct(graphNodes)
    .map((node) => {
      const visual = visualKind(node);
      return { id: node.id, title: node.title, description: describeNode(node), visual, layer: kinds[visual].layer, links: links.get(node.id) ?? 0 };
    })
    // Stable, so nodes keep the API's order within a layer.
    .sort((a, b) => a.layer - b.layer);
  const names = new Map(nodes.map(({ id, description, title }) => [id, { description, title }]));
  const shownKinds = (Object.keys(kinds) as VisualKind[]).filter((kind) => nodes.some(({ visual }) => visual === kind));
  return { nodes, edges, names, shownKinds };
}
