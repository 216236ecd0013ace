/**
 * Names of the User Timing entries GraphController records, for performance tooling and
 * bench/client-graph.ts (`performance.getEntriesByName(name)`). Marks are taken on every
 * occurrence; the first of each belongs to the first graph shown.
 */
export const graphTimings = {
  /** Measure: one setGraph call (diff, layout, positions applied), synchronous work only. */
  setGraph: 'graph:set-graph',
  /** Measure: computing the layered layout. */
  layout: 'graph:layout',
  /** Mark: positions applied and the view fitted, each time the set of elements changed. */
  laidOut: 'graph:laid-out',
  /**
   * Mark: Cytoscape finished drawing its first frame with elements on it (the browser shows it
   * at the end of that frame). Later than laidOut: styles, label sizes, link routes and the
   * drawing itself are all Cytoscape's work in that frame.
   */
  firstRender: 'graph:first-render',
  /**
   * Mark: the first frame drawn with labels, when a large graph's first frame went without
   * because they were too small to draw at its zoom (see GraphController.setGraph).
   */
  labelled: 'graph:labelled',
} as const;
