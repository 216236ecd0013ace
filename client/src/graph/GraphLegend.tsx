import type { ReactNode } from 'react';
import type { Css } from 'cytoscape';
import type { Basis } from '../generated/graphql.ts';
import { basisStyles, focusColours, kinds, selectedHalo, type VisualKind } from './kinds.ts';

// Outlines of Cytoscape's polygon shapes on a unit square (-1 to 1), as Cytoscape defines them.
const octagon = [-0.414, -1, 0.414, -1, 1, -0.414, 1, 0.414, 0.414, 1, -0.414, 1, -1, 0.414, -1, -0.414];
const hexagon = [-0.5, -1, 0.5, -1, 1, 0, 0.5, 1, -0.5, 1, -1, 0];
const polygons: Partial<Record<Css.NodeShape, number[]>> = {
  hexagon,
  'round-hexagon': hexagon,
  'concave-hexagon': [-1, -0.95, 1, -0.95, 0.75, 0, 1, 0.95, -1, 0.95, -0.75, 0],
  octagon,
  'round-octagon': octagon,
  rhomboid: [-1, -1, 0.333, -1, 1, 1, -0.333, 1],
  'cut-rectangle': [-0.7, -1, 0.7, -1, 1, -0.6, 1, 0.6, 0.7, 1, -0.7, 1, -1, 0.6, -1, -0.6],
};

const box = { width: 44, height: 26, inset: 3 };

/** A small drawing of a node shape, like the graph's, for the legend. */
function ShapeIcon({ shape, colour, fill, double = false }: { shape: Css.NodeShape; colour: string; fill: string; double?: boolean }) {
  const w = box.width - 2 * box.inset;
  const h = box.height - 2 * box.inset;
  const common = { fill, stroke: colour, strokeWidth: double ? 4 : 2, strokeLinejoin: shape.startsWith('round') ? ('round' as const) : ('miter' as const) };
  const points = polygons[shape];
  let outline: ReactNode;
  if (points) {
    const scaled = [];
    for (let i = 0; i < points.length; i += 2) scaled.push(`${box.inset + ((points[i]! + 1) / 2) * w},${box.inset + ((points[i + 1]! + 1) / 2) * h}`);
    outline = <polygon points={scaled.join(' ')} {...common} />;
  } else if (shape === 'ellipse') {
    outline = <ellipse cx={box.width / 2} cy={box.height / 2} rx={w / 2} ry={h / 2} {...common} />;
  } else if (shape === 'barrel') {
    const [l, r, t, b] = [box.inset, box.inset + w, box.inset, box.inset + h];
    outline = (
      <path
        d={`M${l + 8},${t} L${r - 8},${t} Q${r},${t + 1} ${r},${t + 6} L${r},${b - 6} Q${r},${b - 1} ${r - 8},${b} L${l + 8},${b} Q${l},${b - 1} ${l},${b - 6} L${l},${t + 6} Q${l},${t + 1} ${l + 8},${t} Z`}
        {...common}
      />
    );
  } else if (shape === 'bottom-round-rectangle') {
    const [l, r, t, b] = [box.inset, box.inset + w, box.inset, box.inset + h];
    outline = <path d={`M${l},${t} L${r},${t} L${r},${b - 6} Q${r},${b} ${r - 6},${b} L${l + 6},${b} Q${l},${b} ${l},${b - 6} Z`} {...common} />;
  } else {
    outline = <rect x={box.inset} y={box.inset} width={w} height={h} rx={shape === 'round-rectangle' ? 6 : 0} {...common} />;
  }
  return (
    <svg className="legend-icon" width={box.width} height={box.height} viewBox={`0 0 ${box.width} ${box.height}`} aria-hidden="true" focusable="false">
      {outline}
      {double && <rect x={box.inset + 4} y={box.inset + 4} width={w - 8} height={h - 8} fill="none" stroke={kinds.Action.colour} strokeWidth={1.5} />}
    </svg>
  );
}

function LineIcon({ basis }: { basis: Basis }) {
  const { colour, line, width, dash } = basisStyles[basis];
  return (
    <svg className="legend-icon" width={box.width} height={box.height} viewBox={`0 0 ${box.width} ${box.height}`} aria-hidden="true" focusable="false">
      <line
        x1={3}
        y1={13}
        x2={33}
        y2={13}
        stroke={colour}
        strokeWidth={width}
        strokeDasharray={dash.join(' ') || undefined}
        strokeLinecap={line === 'dotted' ? 'round' : 'butt'}
      />
      <polygon points="32,8 41,13 32,18" fill={colour} />
    </svg>
  );
}

export interface GraphLegendProps {
  /** The kinds drawn in the graph; the legend explains only those. */
  kinds: readonly VisualKind[];
  /** What the double outline marks, e.g. "the item traced"; leave out when no node is marked. */
  rootMeaning?: string;
  /** Id of the legend's heading, for aria-labelledby. */
  headingId: string;
  /** Level of the legend's heading; its parts take the level below. */
  headingLevel?: 2 | 3;
}

/** The key to a graph, in words: what each shape and each line style means. */
export function GraphLegend({ kinds: shown, rootMeaning, headingId, headingLevel = 2 }: GraphLegendProps) {
  const Heading = `h${headingLevel}` as const;
  const Part = `h${headingLevel + 1}` as 'h3' | 'h4';
  return (
    <section className="graph-legend" aria-labelledby={headingId}>
      <Heading id={headingId} className="graph-heading">
        Key
      </Heading>
      <Part className="legend-part">Items</Part>
      <ul>
        {shown.map((kind) => (
          <li key={kind}>
            <ShapeIcon {...kinds[kind]} />
            {kinds[kind].name}
          </li>
        ))}
        {rootMeaning && (
          <li>
            <ShapeIcon shape="rectangle" colour={kinds.Action.colour} fill={kinds.Action.fill} double />
            Double outline, bold label: {rootMeaning}
          </li>
        )}
        <li>
          <svg className="legend-icon" width={box.width} height={box.height} viewBox={`0 0 ${box.width} ${box.height}`} aria-hidden="true" focusable="false">
            <rect x={2} y={2} width={40} height={22} rx={5} fill={focusColours.ring} stroke={focusColours.outline} strokeWidth={2} />
          </svg>
          Yellow ring: the item with keyboard focus in the list of items
        </li>
        <li>
          <svg className="legend-icon" width={box.width} height={box.height} viewBox={`0 0 ${box.width} ${box.height}`} aria-hidden="true" focusable="false">
            <rect x={2} y={2} width={40} height={22} rx={5} fill={selectedHalo} fillOpacity={0.3} />
          </svg>
          Blue halo: the item open in the details panel
        </li>
      </ul>
      <Part className="legend-part">Links</Part>
      <p>
        Arrows point the way a link reads: an action gives effect to an Act; a priority has actions. Point at an item, or move to it in the list of items, and
        its links are named on the drawing.
      </p>
      <ul>
        {(Object.keys(basisStyles) as Basis[]).map((basis) => (
          <li key={basis}>
            <LineIcon basis={basis} />
            {basisStyles[basis].line === 'solid' ? 'Solid' : basisStyles[basis].line === 'dashed' ? 'Dashed' : 'Dotted'}:{' '}
            {basisStyles[basis].name.toLowerCase()}
          </li>
        ))}
      </ul>
    </section>
  );
}
