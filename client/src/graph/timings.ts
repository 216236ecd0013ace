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
  /** Mark: the first frame Cytoscape drew with elements on it. */
  firstRender: 'graph:first-render',
} as const;
