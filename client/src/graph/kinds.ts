/**
 * The visual vocabulary of the graph, in one place: for each kind of node its layer, its shape
 * and colour (never colour alone: shape and the written kind differ too), and how much of the
 * shape's box its label may use. The stylesheet, the sizing in toElements, the layout's layers
 * and the legend all read it, so they cannot disagree.
 */
import type { Css } from 'cytoscape';
import type { Basis } from '../generated/graphql.ts';

export type VisualKind =
  | 'Authority'
  | 'Provision'
  | 'CouncilPriority'
  | 'Plan'
  | 'Priority'
  | 'Objective'
  | 'Action'
  | 'Measure'
  | 'Observation'
  | 'Evidence'
  | 'Owner'
  | 'Theme'
  | 'Other';

export interface KindStyle {
  /** Layer from the top: law first, then council priorities, plans, priorities, objectives, actions, and what hangs off actions. */
  layer: number;
  /** What the legend calls it. */
  name: string;
  shape: Css.NodeShape;
  /** Outline colour: at least 3:1 against white (WCAG 2.2 non-text contrast). */
  colour: string;
  /** Fill: a 10% tint of the colour, so the label (black) keeps well over 4.5:1. */
  fill: string;
  /**
   * The share of the box's width and height a centred label can use without touching the
   * outline: 1 for rectangles, less for shapes with slanted or notched sides.
   */
  textArea: { x: number; y: number };
}

export const kinds: Record<VisualKind, KindStyle> = {
  Authority: { layer: 0, name: 'Law, guidance or policy', shape: 'cut-rectangle', colour: '#a4161a', fill: '#f6e8e8', textArea: { x: 1, y: 1 } },
  Provision: { layer: 1, name: 'Provision of an Act', shape: 'hexagon', colour: '#7b3f00', fill: '#f2ece6', textArea: { x: 0.65, y: 0.7 } },
  CouncilPriority: { layer: 2, name: 'Council priority', shape: 'concave-hexagon', colour: '#6b2c91', fill: '#f0eaf4', textArea: { x: 0.75, y: 0.9 } },
  Plan: { layer: 3, name: 'Plan or strategy', shape: 'barrel', colour: '#1d4f91', fill: '#e8edf4', textArea: { x: 0.95, y: 0.8 } },
  Priority: { layer: 4, name: 'Priority', shape: 'round-rectangle', colour: '#00703c', fill: '#e6f1ec', textArea: { x: 1, y: 1 } },
  Objective: { layer: 5, name: 'Objective', shape: 'bottom-round-rectangle', colour: '#00687a', fill: '#e6f0f2', textArea: { x: 1, y: 1 } },
  Action: { layer: 6, name: 'Action', shape: 'rectangle', colour: '#b34700', fill: '#f7ede6', textArea: { x: 1, y: 1 } },
  Measure: { layer: 7, name: 'Measure', shape: 'ellipse', colour: '#6f5b00', fill: '#f1efe6', textArea: { x: 0.8, y: 0.6 } },
  Evidence: { layer: 7, name: 'Inspection evidence', shape: 'octagon', colour: '#a3145f', fill: '#f6e8ef', textArea: { x: 0.7, y: 0.7 } },
  Owner: { layer: 7, name: 'Owner or partner', shape: 'round-hexagon', colour: '#4b5257', fill: '#edeeee', textArea: { x: 0.6, y: 0.7 } },
  Theme: { layer: 7, name: 'Theme', shape: 'rhomboid', colour: '#4a4fa3', fill: '#ededf6', textArea: { x: 0.5, y: 0.5 } },
  Observation: { layer: 8, name: 'Data point', shape: 'round-octagon', colour: '#5c5c5c', fill: '#efefef', textArea: { x: 0.68, y: 0.7 } },
  Other: { layer: 9, name: 'Other', shape: 'round-rectangle', colour: '#595959', fill: '#eeeeee', textArea: { x: 1, y: 1 } },
};

/** Plain-English names of the layers, top to bottom, for the text alternative's headings. */
export const layerNames: readonly string[] = [
  'Law, guidance and policy',
  'Provisions',
  'Council priorities',
  'Plans and strategies',
  'Priorities',
  'Objectives',
  'Actions',
  'Measures, evidence, owners and themes',
  'Data',
  'Other',
];

/** The visual kind of an API node: council-wide priorities are drawn apart from a plan's own. */
export function visualKind(node: { label: string; corporate?: boolean | null }): VisualKind {
  if (node.label === 'Priority' && node.corporate) return 'CouncilPriority';
  if (node.label === 'Role' || node.label === 'Organisation') return 'Owner';
  return node.label in kinds ? (node.label as VisualKind) : 'Other';
}

/**
 * How each basis is drawn: the same colours and line styles as the .basis-* classes in
 * styles.css, with the dash pattern (length drawn, length skipped) the graph and legend use.
 */
export const basisStyles: Record<Basis, { colour: string; line: Css.LineStyle; width: number; dash: number[]; name: string }> = {
  STATED: { colour: '#1b1b1b', line: 'solid', width: 2, dash: [], name: 'Stated in the source' },
  CURATED: { colour: '#1d4f91', line: 'dashed', width: 2, dash: [8, 4], name: 'Curated by a person' },
  // Round dots drawn as very short dashes with round ends: Cytoscape's own dotted style is a
  // dash every pixel, many times slower to draw on a large graph.
  SUGGESTED: { colour: '#8a4b08', line: 'dotted', width: 3, dash: [0.5, 6], name: 'Suggested by the tool (not accepted)' },
};

/** The focus ring, as elsewhere in the app: yellow with a dark outline that keeps 3:1 on white. */
export const focusColours = { ring: '#ffbf47', outline: '#1b1b1b' } as const;

/** The halo around the node open in the detail panel (drawn at 30% opacity). */
export const selectedHalo = '#1d4f91';
