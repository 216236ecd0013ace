/**
 * The one stylesheet of every graph in the app. Sizes and labels come from element data
 * (toElements measured them), shapes and colours from kinds.ts, so a kind looks the same in
 * every view and in the legend. Properties at Cytoscape's defaults (black centred text in
 * Helvetica or the system's sans-serif, solid outlines, no line-length limit) are left out:
 * Cytoscape checks every property of every element when it first draws, so fewer is faster.
 */
import type { StylesheetJson } from 'cytoscape';
import { basisStyles, focusColours, kinds, selectedHalo } from './kinds.ts';
import { labelFont } from './toElements.ts';

/** Labels smaller than this on screen are not drawn: too small to read, and costly on large graphs. */
export const minDrawnLabelSize = 7;

export const stylesheet: StylesheetJson = [
  {
    selector: 'node',
    style: {
      width: 'data(width)',
      height: 'data(height)',
      'border-width': 2,
    },
  },
  {
    // A class of its own, so a large graph can be drawn first without labels too small to draw (see GraphController).
    selector: 'node.labelled',
    style: {
      label: 'data(display)',
      'font-size': labelFont.size,
      'line-height': labelFont.lineHeight,
      'text-valign': 'center',
      // Lines are broken in toElements; Cytoscape only honours the breaks.
      'text-wrap': 'wrap',
      'min-zoomed-font-size': minDrawnLabelSize,
    },
  },
  ...Object.entries(kinds).map(([kind, { shape, colour, fill }]) => ({
    selector: `node[visual = "${kind}"]`,
    style: { shape, 'border-color': colour, 'background-color': fill },
  })),
  {
    selector: 'node[?root]',
    style: { 'border-width': 6, 'border-style': 'double', 'font-weight': 'bold' },
  },
  {
    selector: 'edge',
    style: {
      'curve-style': 'bezier',
      'target-arrow-shape': 'triangle',
    },
  },
  {
    // A link spanning rows bends through the lane the layout kept for it, between nodes.
    selector: 'edge[segmentWeights]',
    style: {
      'curve-style': 'round-segments',
      'edge-distances': 'node-position',
      'segment-weights': 'data(segmentWeights)',
      'segment-distances': 'data(segmentDistances)',
      'segment-radii': [24],
    },
  },
  ...Object.entries(basisStyles).map(([basis, { colour, line, width, dash }]) => ({
    selector: `edge[basis = "${basis}"]`,
    style: {
      'line-color': colour,
      'target-arrow-color': colour,
      width,
      ...(line === 'solid'
        ? {}
        : { 'line-style': 'dashed' as const, 'line-dash-pattern': dash, 'line-cap': line === 'dotted' ? ('round' as const) : ('butt' as const) }),
    },
  })),
  {
    // The links of the node focused, selected or pointed at, named on the drawing: "gives effect to".
    selector: 'edge.named',
    style: {
      label: 'data(phrase)',
      'font-size': labelFont.size,
      color: '#1b1b1b',
      'text-background-color': '#fff',
      'text-background-opacity': 1,
      'text-background-padding': '3px',
      'text-border-color': '#1b1b1b',
      'text-border-width': 1,
      'text-border-opacity': 1,
      'z-index': 10,
      'min-zoomed-font-size': minDrawnLabelSize,
    },
  },
  {
    // Dashes and dots of many links are slow to redraw frame after frame: while the view moves (see GraphController).
    selector: 'edge.moving',
    style: { 'line-style': 'solid' },
  },
  {
    // The node shown in the detail panel.
    selector: 'node.selected',
    style: { 'underlay-color': selectedHalo, 'underlay-opacity': 0.3, 'underlay-padding': 8, 'underlay-shape': 'round-rectangle' },
  },
  {
    // Keyboard focus from the list of nodes: the app's focus ring, yellow with a dark outline.
    selector: 'node.focused',
    style: {
      'underlay-color': focusColours.ring,
      'underlay-opacity': 1,
      'underlay-padding': 8,
      'underlay-shape': 'round-rectangle',
      'outline-width': 3,
      'outline-color': focusColours.outline,
      'outline-offset': 10,
      'outline-style': 'solid',
    },
  },
];
