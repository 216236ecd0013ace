/**
 * A layered (Sugiyama-style) layout, computed in plain TypeScript and applied as Cytoscape's
 * preset layout: law at the top, then council priorities, plans, priorities and objectives,
 * down to actions and their measures and evidence. Pure and deterministic, so it is tested
 * without a browser, and close to linear, so 2,000 elements take tens of milliseconds.
 *
 * 1. Rows: each node's layer comes from its kind; links between nodes of one layer (a priority
 *    under a priority) split that layer into rows by longest path, parent above child.
 * 2. Order: a link spanning several rows gets a waypoint in each row it crosses; barycentre
 *    sweeps down and up reorder every row, and the order with the fewest crossings wins.
 * 3. Coordinates: each row is packed in that order, boxes never closer than `gap` and
 *    waypoints keeping a lane of `laneGap`, every item as near as the order allows to the
 *    mean position of its neighbours (an isotonic regression per row, so packing stays exact).
 *    Waypoints become the bends of their link, so long links run in lanes between nodes
 *    rather than through them. Rows too wide for the space are folded into a grid of sub-rows.
 */

import { hierarchyTypes, type RelationshipType } from '../../../schema/graph-model.ts';

export interface LayoutNode {
  id: string;
  /** Layer from the top, from the node's kind. */
  layer: number;
  /** Box size: labels sit inside boxes, so boxes that do not overlap mean labels that do not. */
  width: number;
  height: number;
}

export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
  /** The relationship type: it decides which end sits higher when both are in one layer. */
  type: string;
}

export interface LayoutOptions {
  /** Least horizontal space between boxes in a row. */
  gap?: number;
  /** Least horizontal space between a long link's lane and its neighbours. */
  laneGap?: number;
  /** Vertical space between rows. */
  rowGap?: number;
  /** Vertical space between the sub-rows of a staggered row. */
  staggerGap?: number;
  /** Most rounds of down-and-up barycentre sweeps. */
  sweeps?: number;
  /**
   * Width over height of the space the graph is shown in. Rows are then staggered so the whole
   * picture has about that shape, and fits the space at the largest readable size.
   */
  aspect?: number;
  /** Most nodes side by side before a row is staggered; overrides `aspect`. */
  maxRowNodes?: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface LayoutResult {
  /** Centre of each node's box, in model pixels. */
  positions: Map<string, Point>;
  /** For each link that bends, by id: where, from source to target (long links and folded rows). */
  bends: Map<string, Point[]>;
  /** Node ids row by row, top to bottom, each left to right: the reading order of the picture. */
  rows: string[][];
  /** Crossings between adjacent rows in the chosen order, counting long links in each row. */
  crossings: number;
}

// Links from a parent to what sits under it (the hierarchy, a measure's data) and from what
// holds, measures, publishes, oversees or replaces to what it acts on: their source is drawn
// above their target. Every other link points from the dependent to what it depends on, so its
// target is drawn above.
const downwardTypes: ReadonlySet<string> = new Set<RelationshipType>([
  ...hierarchyTypes,
  'HAS_OBSERVATION',
  'MEASURED_BY',
  'PUBLISHES',
  'OVERSEES',
  'SUPERSEDES',
]);

type Link = { edge: number; source: number; target: number; type: string };

/** The graph with a waypoint wherever a link crosses a row: vertices below `nodeCount` are nodes. */
interface LayeredGraph {
  nodeCount: number;
  rowOf: number[];
  up: number[][];
  down: number[][];
  /** The waypoints of each link spanning rows, top to bottom. */
  chains: Map<number, number[]>;
}

export function layeredLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], options: LayoutOptions = {}): LayoutResult {
  const gap = options.gap ?? 28;
  const laneGap = options.laneGap ?? 12;
  const rowGap = options.rowGap ?? 56;
  const staggerGap = options.staggerGap ?? 18;
  const sweeps = options.sweeps ?? 8;

  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const links: Link[] = [];
  edges.forEach((edge, i) => {
    const source = index.get(edge.source);
    const target = index.get(edge.target);
    if (source !== undefined && target !== undefined && source !== target) links.push({ edge: i, source, target, type: edge.type });
  });

  const row = assignRows(nodes, links);
  const rowCount = nodes.length === 0 ? 0 : Math.max(...row) + 1;
  const graph = withWaypoints(nodes.length, row, links);
  const { order, crossings } = orderRows(graph, rowCount, sweeps);
  const realRows = order.map((members) => members.filter((vertex) => vertex < nodes.length).map((i) => nodes[i]!));

  /**
   * Positions and bends with rows folded to at most `maxRowNodes` side by side. In a folded row,
   * links run down the corridors between its columns: a link to a node below the first line of
   * its column comes down the corridor beside it and enters from the side, a link leaving a node
   * above the last line leaves the same way, and a long link crossing the row takes the nearest
   * corridor. So no link passes behind a node.
   */
  const place = (maxRowNodes: number) => {
    const staggers = realRows.map((members) => Math.ceil(members.length / maxRowNodes));
    const x = assignX(nodes, graph, order, staggers, gap, laneGap);
    const positions = new Map<string, Point>();
    const blocks: { top: number; bottom: number; middle: number; corridors: number[] }[] = [];
    const folded = new Map<number, { corridor: number; first: boolean; last: boolean }>();
    let top = 0;
    realRows.forEach((members, r) => {
      const stagger = staggers[r]!;
      const height = Math.max(...members.map((node) => node.height));
      const widest = Math.max(...members.map((node) => node.width));
      const xOf = (slot: number) => x[index.get(members[slot]!.id)!]!;
      const corridors = stagger > 1 ? [xOf(0) - widest / 2 - gap / 2] : [];
      members.forEach((node, slot) => {
        positions.set(node.id, { x: xOf(slot), y: top + (slot % stagger) * (height + staggerGap) + height / 2 });
        if (stagger === 1) return;
        const lastSlot = Math.min(members.length - 1, (Math.floor(slot / stagger) + 1) * stagger - 1);
        const corridor = xOf(lastSlot) + widest / 2 + gap / 2;
        if (slot === lastSlot) corridors.push(corridor);
        folded.set(index.get(node.id)!, { corridor, first: slot % stagger === 0, last: slot === lastSlot });
      });
      const blockHeight = stagger * height + (stagger - 1) * staggerGap;
      blocks.push({ top, bottom: top + blockHeight, middle: top + blockHeight / 2, corridors });
      top += blockHeight + rowGap;
    });

    const above = (r: number) => blocks[r]!.top - rowGap / 3;
    const below = (r: number) => blocks[r]!.bottom + rowGap / 3;
    const bends = new Map<string, Point[]>();
    for (const link of links) {
      if (row[link.source] === row[link.target]) continue;
      const [upper, lower] = row[link.source]! < row[link.target]! ? [link.source, link.target] : [link.target, link.source];
      const points: Point[] = [];
      const leaving = folded.get(upper);
      if (leaving && !leaving.last) points.push({ x: leaving.corridor, y: positions.get(nodes[upper]!.id)!.y }, { x: leaving.corridor, y: below(row[upper]!) });
      for (const vertex of graph.chains.get(link.edge) ?? []) {
        const r = graph.rowOf[vertex]!;
        const { corridors, middle } = blocks[r]!;
        if (corridors.length === 0) {
          points.push({ x: x[vertex]!, y: middle });
        } else {
          const nearest = corridors.reduce((best, corridor) => (Math.abs(corridor - x[vertex]!) < Math.abs(best - x[vertex]!) ? corridor : best));
          points.push({ x: nearest, y: above(r) }, { x: nearest, y: below(r) });
        }
      }
      const arriving = folded.get(lower);
      if (arriving && !arriving.first)
        points.push({ x: arriving.corridor, y: above(row[lower]!) }, { x: arriving.corridor, y: positions.get(nodes[lower]!.id)!.y });
      if (points.length > 0) bends.set(edges[link.edge]!.id, upper === link.source ? points : points.reverse());
    }
    return { positions, bends };
  };
  const shapeError = (positions: Map<string, Point>, aspect: number) => Math.abs(Math.log(shapeOf(nodes, positions) / aspect));

  const spacing = { gap, rowGap, staggerGap };
  let placed = place(options.maxRowNodes ?? rowLimitFor(realRows, options.aspect ?? 1.6, spacing));
  if (options.maxRowNodes === undefined && nodes.length > 0) {
    // Rows pulled toward their neighbours can sit off-centre, so the picture can come out wider
    // than the estimate; one correction, aiming as far the other way, brings it back.
    const aspect = options.aspect ?? 1.6;
    const error = shapeError(placed.positions, aspect);
    if (error > Math.log(1.25)) {
      const corrected = place(rowLimitFor(realRows, aspect ** 2 / shapeOf(nodes, placed.positions), spacing));
      if (shapeError(corrected.positions, aspect) < error) placed = corrected;
    }
  }
  return { ...placed, rows: realRows.map((members) => members.map(({ id }) => id)), crossings };
}

/** Width over height of the boxes at `positions`. */
function shapeOf(nodes: readonly LayoutNode[], positions: Map<string, Point>): number {
  let [left, right, top, bottom] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const { id, width, height } of nodes) {
    const { x, y } = positions.get(id)!;
    left = Math.min(left, x - width / 2);
    right = Math.max(right, x + width / 2);
    top = Math.min(top, y - height / 2);
    bottom = Math.max(bottom, y + height / 2);
  }
  return (right - left) / Math.max(bottom - top, 1);
}

/**
 * The most nodes a row may hold side by side for the picture to come closest to `aspect`, from
 * the rows' sizes: wide rows staggered over more sub-rows make it narrower and taller.
 */
function rowLimitFor(rows: readonly LayoutNode[][], aspect: number, { gap, rowGap, staggerGap }: { gap: number; rowGap: number; staggerGap: number }): number {
  const sizes = rows.map((members) => ({
    count: members.length,
    width: members.reduce((sum, { width }) => sum + width + gap, -gap),
    widest: Math.max(...members.map(({ width }) => width)),
    height: Math.max(...members.map(({ height }) => height)),
  }));
  const most = Math.max(0, ...sizes.map(({ count }) => count));
  let best = most;
  let bestError = Infinity;
  // From one line per row down to a few nodes a line: the first best keeps rows straightest.
  for (let limit = most; limit >= Math.min(4, most); limit--) {
    let width = 0;
    let height = (sizes.length - 1) * rowGap;
    for (const row of sizes) {
      const stagger = Math.ceil(row.count / limit);
      width = Math.max(width, stagger > 1 ? Math.ceil(row.count / stagger) * (row.widest + gap) : row.width);
      height += stagger * row.height + (stagger - 1) * staggerGap;
    }
    const error = Math.abs(Math.log(width / height / aspect));
    if (error < bestError) {
      best = limit;
      bestError = error;
    }
  }
  return Math.max(best, 1);
}

/**
 * Bend points as Cytoscape's segments edges take them: `weight` along the line from the source
 * centre to the target centre (0 to 1) and `distance` from that line along Cytoscape's normal
 * to it, as measured with `edge-distances: node-position`.
 */
export function toSegments(source: Point, target: Point, bends: readonly Point[]): { weights: number[]; distances: number[] } {
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  const length = Math.hypot(dx, dy) || 1;
  return {
    weights: bends.map(({ x, y }) => ((x - source.x) * dx + (y - source.y) * dy) / (length * length)),
    distances: bends.map(({ x, y }) => ((y - source.y) * dx - (x - source.x) * dy) / length),
  };
}

/** Row of each node: its layer's first row plus its depth among the links inside the layer. */
function assignRows(nodes: readonly LayoutNode[], links: readonly Link[]): number[] {
  const depth = nodes.map(() => 0);
  const children = nodes.map(() => [] as number[]);
  const parents = nodes.map(() => 0);
  for (const { source, target, type } of links) {
    if (nodes[source]!.layer !== nodes[target]!.layer) continue;
    const [upper, lower] = downwardTypes.has(type) ? [source, target] : [target, source];
    children[upper]!.push(lower);
    parents[lower]!++;
  }
  // Longest path by Kahn's algorithm; a cycle is broken at its first node in input order.
  const done = nodes.map(() => false);
  const queue = nodes.map((_, i) => i).filter((i) => parents[i] === 0);
  let next = 0;
  let remaining = nodes.length;
  while (remaining > 0) {
    // Everything queued is placed, so what is left sits on a cycle.
    if (next === queue.length) queue.push(done.indexOf(false));
    const node = queue[next++]!;
    done[node] = true;
    remaining--;
    for (const child of children[node]!) {
      if (done[child]) continue;
      depth[child] = Math.max(depth[child]!, depth[node]! + 1);
      if (--parents[child]! === 0) queue.push(child);
    }
  }
  const layers = [...new Set(nodes.map(({ layer }) => layer))].sort((a, b) => a - b);
  const rowsInLayer = new Map(layers.map((layer) => [layer, 0]));
  nodes.forEach(({ layer }, i) => rowsInLayer.set(layer, Math.max(rowsInLayer.get(layer)!, depth[i]! + 1)));
  const firstRow = new Map<number, number>();
  let offset = 0;
  for (const layer of layers) {
    firstRow.set(layer, offset);
    offset += rowsInLayer.get(layer)!;
  }
  return nodes.map(({ layer }, i) => firstRow.get(layer)! + depth[i]!);
}

/** Adds a waypoint in every row a link passes through, so each link joins adjacent rows. */
function withWaypoints(nodeCount: number, row: readonly number[], links: readonly Link[]): LayeredGraph {
  const graph: LayeredGraph = { nodeCount, rowOf: [...row], up: row.map(() => []), down: row.map(() => []), chains: new Map() };
  const connect = (upper: number, lower: number) => {
    graph.down[upper]!.push(lower);
    graph.up[lower]!.push(upper);
  };
  for (const { edge, source, target } of links) {
    // Links inside one row (only where a cycle was broken) take no part in ordering.
    if (row[source] === row[target]) continue;
    const [upper, lower] = row[source]! < row[target]! ? [source, target] : [target, source];
    const chain: number[] = [];
    let previous = upper;
    for (let r = row[upper]! + 1; r < row[lower]!; r++) {
      const waypoint = graph.rowOf.length;
      graph.rowOf.push(r);
      graph.up.push([]);
      graph.down.push([]);
      connect(previous, waypoint);
      chain.push(waypoint);
      previous = waypoint;
    }
    connect(previous, lower);
    if (chain.length > 0) graph.chains.set(edge, chain);
  }
  return graph;
}

/** Orders each row, waypoints included, by barycentre sweeps; keeps the order with the fewest crossings. */
function orderRows({ rowOf, up, down }: LayeredGraph, rowCount: number, sweeps: number) {
  const rows: number[][] = Array.from({ length: rowCount }, () => []);
  rowOf.forEach((r, vertex) => rows[r]!.push(vertex));
  const position = new Array<number>(rowOf.length);
  const renumber = (members: number[]) => members.forEach((vertex, place) => (position[vertex] = place));
  rows.forEach(renumber);

  const key = new Float64Array(rowOf.length);
  const reorder = (members: number[], neighbours: number[][]) => {
    for (const vertex of members) {
      const around = neighbours[vertex]!;
      let sum = 0;
      for (const other of around) sum += position[other]!;
      key[vertex] = around.length === 0 ? position[vertex]! : sum / around.length;
    }
    // Stable, so ties keep their current order and the result is deterministic.
    members.sort((a, b) => key[a]! - key[b]!);
    renumber(members);
  };

  let best = rows.map((members) => [...members]);
  let fewest = countCrossings(rows, down, position);
  for (let sweep = 0; sweep < sweeps && fewest > 0; sweep++) {
    for (let r = 1; r < rowCount; r++) reorder(rows[r]!, up);
    for (let r = rowCount - 2; r >= 0; r--) reorder(rows[r]!, down);
    const crossings = countCrossings(rows, down, position);
    if (crossings < fewest) {
      fewest = crossings;
      best = rows.map((members) => [...members]);
    }
  }
  return { order: best, crossings: fewest };
}

/** Crossings between each pair of adjacent rows, by counting inversions with a Fenwick tree. */
function countCrossings(rows: readonly number[][], down: readonly number[][], position: readonly number[]): number {
  let total = 0;
  for (let r = 0; r + 1 < rows.length; r++) {
    const size = rows[r + 1]!.length;
    // Each link as one number, upper position then lower, so a typed array sorts them natively
    // rather than calling a comparator some 10,000 times on a large graph.
    const links: number[] = [];
    for (const vertex of rows[r]!) for (const lower of down[vertex]!) links.push(position[vertex]! * size + position[lower]!);
    const sorted = Float64Array.from(links).sort();
    const tree = new Int32Array(size + 1);
    let seen = 0;
    for (const link of sorted) {
      const lower = link % size;
      let atOrBelow = 0;
      for (let i = lower + 1; i > 0; i -= i & -i) atOrBelow += tree[i]!;
      total += seen - atOrBelow;
      for (let i = lower + 1; i <= size; i += i & -i) tree[i]!++;
      seen++;
    }
  }
  return total;
}

/**
 * Horizontal centres of nodes and waypoints: every row packed in its order, pulled toward
 * its neighbours in the rows above, then below, a few times, then toward both at once. A
 * staggered row is a grid, filled column by column (so each column's nodes share one line only
 * with other columns), and its waypoints keep no lane (the row is too dense for lanes to
 * help): they sit midway between their neighbours.
 */
function assignX(
  nodes: readonly LayoutNode[],
  { nodeCount, up, down }: LayeredGraph,
  order: readonly number[][],
  staggers: readonly number[],
  gap: number,
  laneGap: number,
): number[] {
  const x = new Array<number>(up.length).fill(0);
  const width = (vertex: number) => (vertex < nodeCount ? nodes[vertex]!.width : 0);
  const packed = order.map((members, r) => (staggers[r]! > 1 ? members.filter((vertex) => vertex < nodeCount) : members));
  const separations = packed.map((members, r) => {
    const stagger = staggers[r]!;
    const widest = Math.max(...members.map(width));
    return members.map((vertex, place) => {
      if (place === 0) return 0;
      if (stagger > 1) return place % stagger === 0 ? widest + gap : 0;
      const previous = members[place - 1]!;
      return (width(previous) + width(vertex)) / 2 + (previous < nodeCount && vertex < nodeCount ? gap : laneGap);
    });
  });
  const mean = (vertices: readonly number[], fallback: number) => {
    if (vertices.length === 0) return fallback;
    let sum = 0;
    for (const vertex of vertices) sum += x[vertex]!;
    return sum / vertices.length;
  };
  const place = (r: number, pull: (vertex: number) => readonly number[]) => {
    const members = packed[r]!;
    const desired = members.map((vertex) => mean(pull(vertex), x[vertex]!));
    packRow(desired, separations[r]!).forEach((value, k) => (x[members[k]!] = value));
    if (staggers[r]! > 1) for (const vertex of order[r]!) if (vertex >= nodeCount) x[vertex] = mean([...up[vertex]!, ...down[vertex]!], x[vertex]!);
  };
  order.forEach((_, r) => place(r, () => []));
  for (let pass = 0; pass < 3; pass++) {
    for (let r = 1; r < order.length; r++) place(r, (vertex) => up[vertex]!);
    for (let r = order.length - 2; r >= 0; r--) place(r, (vertex) => down[vertex]!);
  }
  for (let r = 0; r < order.length; r++) place(r, (vertex) => [...up[vertex]!, ...down[vertex]!]);
  return x;
}

/**
 * The positions nearest `desired` (least squares) with each at least `separation[k]` right of
 * the one before: an isotonic regression on the positions less their running separation,
 * solved by pooling adjacent violators. All zeros for `desired` gives a packing centred on 0.
 */
export function packRow(desired: readonly number[], separation: readonly number[]): number[] {
  const offset: number[] = [];
  let running = 0;
  for (let k = 0; k < desired.length; k++) {
    running += k === 0 ? 0 : separation[k]!;
    offset.push(running);
  }
  const blocks: { mean: number; size: number }[] = [];
  for (let k = 0; k < desired.length; k++) {
    blocks.push({ mean: desired[k]! - offset[k]!, size: 1 });
    while (blocks.length > 1 && blocks.at(-2)!.mean > blocks.at(-1)!.mean) {
      const last = blocks.pop()!;
      const previous = blocks.at(-1)!;
      previous.mean = (previous.mean * previous.size + last.mean * last.size) / (previous.size + last.size);
      previous.size += last.size;
    }
  }
  const result: number[] = [];
  for (const { mean, size } of blocks) for (let k = 0; k < size; k++) result.push(mean + offset[result.length]!);
  return result;
}
