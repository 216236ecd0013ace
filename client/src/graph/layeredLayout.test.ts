import { describe, expect, it } from 'vitest';
import impact from './fixtures/impact-children-and-social-work-act.json';
import trace from './fixtures/trace-care-leavers-covenant.json';
import { layeredLayout, packRow, toSegments, type LayoutEdge, type LayoutNode, type LayoutResult } from './layeredLayout.ts';
import { syntheticTrace } from './synthetic.ts';
import { toElements, type GraphInput } from './toElements.ts';

/** Lays out a fixture or the synthetic trace, which hold every field of the graph's fragments as a query's answer does. */
function layout(graph: { nodes: readonly object[]; edges: readonly object[] }, rootId?: string) {
  const { nodes, edges } = toElements(graph as GraphInput, { rootId });
  const layoutNodes: LayoutNode[] = nodes.map(({ data }) => data);
  const layoutEdges: LayoutEdge[] = edges.map(({ data }) => data);
  return { nodes: nodes.map(({ data }) => data), edges: edges.map(({ data }) => data), result: layeredLayout(layoutNodes, layoutEdges) };
}

type Box = { id: string; left: number; right: number; top: number; bottom: number };

function boxes(nodes: readonly LayoutNode[], { positions }: LayoutResult): Box[] {
  return nodes.map(({ id, width, height }) => {
    const { x, y } = positions.get(id)!;
    return { id, left: x - width / 2, right: x + width / 2, top: y - height / 2, bottom: y + height / 2 };
  });
}

/** Pairs of boxes that overlap, found by sweeping over boxes sorted by their left edge. */
function overlaps(all: Box[]): [string, string][] {
  const sorted = [...all].sort((a, b) => a.left - b.left);
  const found: [string, string][] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.left < a.right; j++) {
      const b = sorted[j]!;
      if (a.top < b.bottom && b.top < a.bottom) found.push([a.id, b.id]);
    }
  }
  return found;
}

/** Bend points that fall inside a node's box (with a little room for the line's width). */
function bendsInBoxes(nodes: readonly LayoutNode[], result: LayoutResult): string[] {
  const all = boxes(nodes, result);
  return [...result.bends].flatMap(([id, points]) =>
    points.filter(({ x, y }) => all.some((box) => x > box.left - 6 && x < box.right + 6 && y > box.top && y < box.bottom)).map(() => id),
  );
}

const careLeavers = trace as GraphInput & { rootId: string };
const actImpact = impact as GraphInput & { rootId: string };

describe('layeredLayout on a trace of the seed data', () => {
  const { nodes, result } = layout(careLeavers, careLeavers.rootId);
  const y = (id: string) => result.positions.get(id)!.y;

  it('places the law at the top, then council priorities, the plan, its priority, the action, then what hangs off it', () => {
    const topToBottom = [
      'authority/children-and-social-work-act-2017',
      'redbridge-corporate-plan/fairness-and-aspiration',
      'redbridge-people-strategy-2024',
      'redbridge-people-strategy-2024/sp2',
      'redbridge-people-strategy-2024/sp2/w3',
      'ofsted-redbridge-2018/recommendation',
    ];
    for (let i = 1; i < topToBottom.length; i++) expect(y(topToBottom[i - 1]!)).toBeLessThan(y(topToBottom[i]!));
    expect(y('authority/care-leavers-covenant')).toBe(y('authority/children-and-social-work-act-2017'));
  });

  it('keeps every layer entirely above the next', () => {
    const all = boxes(nodes, result);
    for (const a of nodes)
      for (const b of nodes) if (a.layer < b.layer) expect(all.find(({ id }) => id === a.id)!.bottom).toBeLessThan(all.find(({ id }) => id === b.id)!.top);
  });

  it('overlaps no two label boxes', () => {
    expect(overlaps(boxes(nodes, result))).toEqual([]);
  });

  it('routes links that span rows in lanes between nodes, not through them', () => {
    const long = 'redbridge-people-strategy-2024/sp2/w3|GIVES_EFFECT_TO|authority/children-and-social-work-act-2017';
    const bends = result.bends.get(long)!;
    expect(bends).toHaveLength(3);
    expect(bends.map(({ y }) => y)).toEqual([...bends.map(({ y }) => y)].sort((a, b) => b - a));
    expect(bendsInBoxes(nodes, result)).toEqual([]);
  });

  it('lists the rows in reading order', () => {
    expect(result.rows[0]).toHaveLength(2);
    expect(result.rows.flat().sort()).toEqual(nodes.map(({ id }) => id).sort());
  });
});

describe('layeredLayout on what depends on an Act in the seed data', () => {
  const { nodes, edges, result } = layout(actImpact, actImpact.rootId);

  it('overlaps no two label boxes, even where a wide row is folded', () => {
    expect(overlaps(boxes(nodes, result))).toEqual([]);
  });

  it('runs links into a folded row down the corridors between its columns, never behind a node', () => {
    expect(new Set([...result.positions.values()].map(({ y }) => y)).size).toBeGreaterThan(result.rows.length);
    expect(bendsInBoxes(nodes, result)).toEqual([]);
  });

  it('puts a plan above the plan it informs', () => {
    const layer = (id: string) => nodes.find((node) => node.id === id)!.layer;
    const nested = edges.filter(({ source, target }) => layer(source) === layer(target));
    expect(nested.map(({ type }) => type)).toEqual(['INFORMED_BY']);
    const { source, target } = nested[0]!;
    expect(result.positions.get(target)!.y).toBeLessThan(result.positions.get(source)!.y);
  });

  it('staggers its 51 actions so the picture takes about the shape of the space it is shown in', () => {
    const shape = (aspect: number) => {
      const laidOut = layeredLayout(nodes, edges, { aspect });
      const all = boxes(nodes, laidOut);
      const width = Math.max(...all.map(({ right }) => right)) - Math.min(...all.map(({ left }) => left));
      const height = Math.max(...all.map(({ bottom }) => bottom)) - Math.min(...all.map(({ top }) => top));
      expect(overlaps(all)).toEqual([]);
      return width / height;
    };
    for (const aspect of [0.8, 1.6, 2.5]) {
      expect(shape(aspect)).toBeGreaterThan(aspect / 1.5);
      expect(shape(aspect)).toBeLessThan(aspect * 1.5);
    }
  });
});

describe('layeredLayout on 2,000 elements', () => {
  const synthetic = syntheticTrace(800, 1_200);

  it('is fast, overlaps no label boxes and keeps the layers in order', () => {
    const started = performance.now();
    const { nodes, result } = layout(synthetic.subgraph, synthetic.root.id);
    const elapsed = performance.now() - started;
    expect(nodes.length + synthetic.subgraph.edges.length).toBe(2_000);
    expect(elapsed).toBeLessThan(500);
    expect(overlaps(boxes(nodes, result))).toEqual([]);
    const all = boxes(nodes, result);
    const byLayer = new Map<number, Box[]>();
    nodes.forEach((node, i) => byLayer.set(node.layer, [...(byLayer.get(node.layer) ?? []), all[i]!]));
    const layers = [...byLayer.keys()].sort((a, b) => a - b);
    for (let i = 1; i < layers.length; i++) {
      expect(Math.max(...byLayer.get(layers[i - 1]!)!.map(({ bottom }) => bottom))).toBeLessThan(Math.min(...byLayer.get(layers[i]!)!.map(({ top }) => top)));
    }
  });

  it('is deterministic', () => {
    const first = layout(synthetic.subgraph).result;
    const second = layout(structuredClone(synthetic.subgraph)).result;
    expect([...second.positions]).toEqual([...first.positions]);
    expect(second.rows).toEqual(first.rows);
  });
});

describe('layeredLayout ordering', () => {
  const box = (id: string, layer: number): LayoutNode => ({ id, layer, width: 100, height: 40 });
  const link = (source: string, type: string, target: string): LayoutEdge => ({ id: `${source}|${type}|${target}`, source, target, type });

  it('untangles crossings by barycentre sweeps', () => {
    const nodes = [box('A', 0), box('B', 0), box('C', 0), box('c', 1), box('b', 1), box('a', 1)];
    const edges = ['a', 'b', 'c'].map((id) => link(id, 'GIVES_EFFECT_TO', id.toUpperCase()));
    const result = layeredLayout(nodes, edges);
    expect(result.crossings).toBe(0);
    const x = (id: string) => result.positions.get(id)!.x;
    expect(Math.sign(x('B') - x('A'))).toBe(Math.sign(x('b') - x('a')));
    expect(Math.sign(x('C') - x('B'))).toBe(Math.sign(x('c') - x('b')));
  });

  it('routes long links through every row they cross when ordering', () => {
    const nodes = [box('law', 0), box('other law', 0), box('plan', 3), box('priority', 4), box('action', 6), box('second action', 6)];
    const edges = [
      link('plan', 'HAS_PRIORITY', 'priority'),
      link('priority', 'HAS_ACTION', 'action'),
      link('priority', 'HAS_ACTION', 'second action'),
      link('second action', 'GIVES_EFFECT_TO', 'law'),
      link('action', 'GIVES_EFFECT_TO', 'other law'),
    ];
    const result = layeredLayout(nodes, edges);
    expect(result.crossings).toBe(0);
    expect(result.rows).toHaveLength(4);
  });

  it('puts a parent above what sits under it when both are of one kind', () => {
    const nodes = [box('action', 6), box('sub-action', 6), box('sub-sub-action', 6), box('measure', 7)];
    const edges = [link('action', 'HAS_ACTION', 'sub-action'), link('sub-action', 'HAS_ACTION', 'sub-sub-action'), link('action', 'MEASURED_BY', 'measure')];
    expect(layeredLayout(nodes, edges).rows).toEqual([['action'], ['sub-action'], ['sub-sub-action'], ['measure']]);
  });

  it('places an empty graph and a single node', () => {
    expect(layeredLayout([], []).rows).toEqual([]);
    expect([...layeredLayout([box('only', 6)], []).positions]).toEqual([['only', { x: 0, y: 20 }]]);
  });

  it('survives a cycle inside one layer', () => {
    const nodes = [box('p', 4), box('q', 4), box('r', 4)];
    const edges = [link('p', 'CONTRIBUTES_TO', 'q'), link('q', 'CONTRIBUTES_TO', 'r'), link('r', 'CONTRIBUTES_TO', 'p')];
    const result = layeredLayout(nodes, edges);
    expect(result.rows.flat().sort()).toEqual(['p', 'q', 'r']);
  });
});

describe('toSegments', () => {
  it('gives each bend as a weight along the line between the centres and a distance across it', () => {
    const { weights, distances } = toSegments({ x: 0, y: 0 }, { x: 0, y: 100 }, [
      { x: 20, y: 25 },
      { x: -10, y: 50 },
    ]);
    expect(weights).toEqual([0.25, 0.5]);
    // Cytoscape's normal to a line running down the screen points left (negative x).
    expect(distances).toEqual([-20, 10]);
  });
});

describe('packRow', () => {
  it('packs boxes centred on zero when nothing pulls them', () => {
    expect(packRow([0, 0, 0], [0, 10, 10])).toEqual([-10, 0, 10]);
  });

  it('puts each where it is wanted when there is room, and spreads them evenly when not', () => {
    expect(packRow([0, 50, 100], [0, 10, 10])).toEqual([0, 50, 100]);
    expect(packRow([0, 0, 100], [0, 10, 10])).toEqual([-5, 5, 100]);
  });
});
