import type { View } from './route.ts';

/**
 * Views that draw a graph. Their drawing code (Cytoscape) comes in a chunk of its own, fetched as
 * soon as one of them is opened (LazyGraphView.tsx), or with the first page when a link opens
 * one (client/vite.config.ts).
 */
export const graphViews: readonly View[] = ['trace', 'impact'];
