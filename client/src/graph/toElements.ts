/**
 * API subgraphs to Cytoscape elements: pure, so what the graph draws is tested without a
 * browser. Labels are wrapped here, not by Cytoscape, so each node's box is known before
 * drawing and the layout can space nodes by their real size.
 */
import type { EdgeDefinition, NodeDefinition } from 'cytoscape';
import { describeNode, linkPhrase } from '../components/labels.ts';
import { type FragmentType, readFragment } from '../generated/fragment-masking.ts';
import { graphql } from '../generated/gql.ts';
import type { Basis, GraphElement_NodeFragment } from '../generated/graphql.ts';
import { kinds, visualKind, type VisualKind } from './kinds.ts';

/**
 * A node as the graph draws it: its kind (label, corporate), what the source calls it (code,
 * term, kind) and its title. These are also the fields describeNode names a node by, so every
 * view that names or draws a node spreads this fragment instead of listing them again.
 */
export const GraphNodeFragment = graphql(`
  fragment GraphElement_Node on GraphNode {
    id
    label
    title
    code
    term
    kind
    corporate
  }
`);

/** A link as the graph draws it. */
export const GraphEdgeFragment = graphql(`
  fragment GraphElement_Edge on GraphEdge {
    id
    type
    from
    to
    basis
    rationale
  }
`);

/** A node of a query that spread GraphElement_Node; readFragment(GraphNodeFragment, …) reads it. */
export type GraphNodeRef = FragmentType<typeof GraphNodeFragment>;
/** A link of a query that spread GraphElement_Edge. */
export type GraphEdgeRef = FragmentType<typeof GraphEdgeFragment>;

/** Nodes and links to draw: an API Subgraph, or several merged with mergeGraphs(). */
export interface GraphInput {
  nodes: readonly GraphNodeRef[];
  edges: readonly GraphEdgeRef[];
}

export interface NodeData {
  id: string;
  /** The API label: Action, Authority, … */
  label: string;
  /** How the node is drawn (a council priority is a Priority drawn apart). */
  visual: VisualKind;
  title: string;
  /** What it is in the source's words: "Deliverable 13", "Council priority", "Act". */
  description: string;
  /** The label drawn on the graph: description and title, wrapped, shortened with "…". */
  display: string;
  /** Layer from the top (see kinds.ts). */
  layer: number;
  /** Box size in model pixels, from the wrapped label. */
  width: number;
  height: number;
  /** True for the item the view is about. */
  root: boolean;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  /** The API leaves basis unset on structural links; they are stated by the source's own structure. */
  basis: Basis;
  rationale: string | null;
  /** The relationship as words: "gives effect to". */
  phrase: string;
}

export interface GraphElements {
  nodes: (NodeDefinition & { data: NodeData })[];
  edges: (EdgeDefinition & { data: EdgeData })[];
}

/** Label font size and line height, shared with the stylesheet so measured boxes match what is drawn. */
export const labelFont = { size: 13, lineHeight: 1.3 } as const;

const maxLineChars = 28;
const maxLines = 4;
const padding = { x: 10, y: 8 };
const minSize = { width: 72, height: 36 };

/**
 * Breaks text into at most `lines` lines of at most `width` characters at spaces, splitting
 * words longer than a line; anything left over is cut with "…".
 */
export function wrapText(text: string, width = maxLineChars, lines = maxLines): string[] {
  const words = text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => (word.length <= width ? [word] : (word.match(new RegExp(`.{1,${width}}`, 'g')) ?? [])));
  const result: string[] = [];
  let index = 0;
  while (index < words.length && result.length < lines) {
    let line = words[index++]!;
    while (index < words.length && line.length + 1 + words[index]!.length <= width) line += ` ${words[index++]}`;
    result.push(line);
  }
  if (index < words.length) {
    const last = result.pop()!;
    const space = last.lastIndexOf(' ');
    const kept = last.length < width ? last : space > 0 ? last.slice(0, space) : last.slice(0, width - 1);
    result.push(`${kept}…`);
  }
  return result;
}

// Advance widths in em of DejaVu Sans, the widest of the usual sans-serif faces (and what a
// Linux browser draws for Cytoscape's Helvetica): an estimate that errs wide keeps labels inside their boxes.
const lowerWidths: Record<string, number> = {
  a: 0.613,
  b: 0.635,
  c: 0.55,
  d: 0.635,
  e: 0.615,
  f: 0.352,
  g: 0.635,
  h: 0.634,
  i: 0.278,
  j: 0.278,
  k: 0.579,
  l: 0.278,
  m: 0.974,
  n: 0.634,
  o: 0.612,
  p: 0.635,
  q: 0.635,
  r: 0.411,
  s: 0.521,
  t: 0.392,
  u: 0.634,
  v: 0.592,
  w: 0.818,
  x: 0.592,
  y: 0.592,
  z: 0.525,
};
const upperWidths: Record<string, number> = {
  A: 0.684,
  B: 0.686,
  C: 0.698,
  D: 0.77,
  E: 0.632,
  F: 0.575,
  G: 0.775,
  H: 0.752,
  I: 0.295,
  J: 0.295,
  K: 0.656,
  L: 0.557,
  M: 0.863,
  N: 0.748,
  O: 0.787,
  P: 0.603,
  Q: 0.787,
  R: 0.695,
  S: 0.635,
  T: 0.611,
  U: 0.732,
  V: 0.684,
  W: 0.989,
  X: 0.685,
  Y: 0.611,
  Z: 0.685,
};
const otherWidths: Record<string, number> = {
  ' ': 0.318,
  ',': 0.318,
  '.': 0.318,
  ':': 0.337,
  ';': 0.337,
  "'": 0.275,
  '’': 0.318,
  '-': 0.361,
  '–': 0.5,
  '(': 0.39,
  ')': 0.39,
  '/': 0.337,
  '…': 1,
  '&': 0.78,
};

/** Estimated width of one line of label text in pixels at `size`, bold being about 10% wider. */
export function textWidth(line: string, size: number = labelFont.size, bold = false): number {
  let em = 0;
  for (const char of line) em += lowerWidths[char] ?? upperWidths[char] ?? otherWidths[char] ?? (/\d/.test(char) ? 0.636 : 0.75);
  return em * size * (bold ? 1.1 : 1);
}

/** The label and box of one node. */
export function nodeLabel(node: GraphElement_NodeFragment, root = false): Pick<NodeData, 'description' | 'display' | 'width' | 'height'> {
  const description = describeNode(node);
  const lines = wrapText(`${description}: ${node.title}`);
  const area = kinds[visualKind(node)].textArea;
  const textBox = {
    width: Math.max(...lines.map((line) => textWidth(line, labelFont.size, root))),
    height: lines.length * labelFont.size * labelFont.lineHeight,
  };
  return {
    description,
    display: lines.join('\n'),
    width: Math.ceil(Math.max(minSize.width, textBox.width / area.x + 2 * padding.x)),
    height: Math.ceil(Math.max(minSize.height, textBox.height / area.y + 2 * padding.y)),
  };
}

/**
 * Turns an API subgraph into Cytoscape elements. Links whose ends are not both in the graph
 * are left out (Cytoscape cannot draw them); duplicates by id keep the first.
 */
export function toElements(graph: GraphInput, { rootId = null }: { rootId?: string | null } = {}): GraphElements {
  const nodes: GraphElements['nodes'] = [];
  const seen = new Set<string>();
  for (const node of readFragment(GraphNodeFragment, graph.nodes)) {
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    const visual = visualKind(node);
    const root = node.id === rootId;
    nodes.push({
      group: 'nodes',
      data: { id: node.id, label: node.label, visual, title: node.title, layer: kinds[visual].layer, root, ...nodeLabel(node, root) },
    });
  }
  const edges: GraphElements['edges'] = [];
  const seenEdges = new Set<string>();
  for (const edge of readFragment(GraphEdgeFragment, graph.edges)) {
    if (seenEdges.has(edge.id) || !seen.has(edge.from) || !seen.has(edge.to)) continue;
    seenEdges.add(edge.id);
    edges.push({
      group: 'edges',
      data: {
        id: edge.id,
        source: edge.from,
        target: edge.to,
        type: edge.type,
        basis: edge.basis ?? 'STATED',
        rationale: edge.rationale ?? null,
        phrase: linkPhrase(edge.type),
      },
    });
  }
  return { nodes, edges };
}

/** Merges subgraphs by id, first seen wins: a trace plus the neighbours added to it. */
export function mergeGraphs<N extends { id: string }, E extends { id: string }>(
  ...graphs: { nodes: readonly N[]; edges: readonly E[] }[]
): { nodes: N[]; edges: E[] } {
  const nodes = new Map<string, N>();
  const edges = new Map<string, E>();
  for (const graph of graphs) {
    for (const node of graph.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
    for (const edge of graph.edges) if (!edges.has(edge.id)) edges.set(edge.id, edge);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
