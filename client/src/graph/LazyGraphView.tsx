/**
 * The graph drawing, loaded on demand. Cytoscape and the graph view are most of the app's code
 * and only the trace and impact views draw graphs, so they come in a chunk of their own instead
 * of with the first page.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { CombinedError } from 'urql';
import { QueryState } from '../components/QueryState.tsx';
import { graphViews } from '../routing/graph-views.ts';
import type { GraphViewProps } from './GraphView.tsx';

type GraphViewModule = typeof import('./GraphView.tsx');

let loaded: { module: GraphViewModule | null; error: CombinedError | null } = { module: null, error: null };
// biome-ignore lint/correctness/noUnusedVariables: read by `??=`, so the chunk is fetched once however many views ask.
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Starts fetching the graph's code unless it is here or on its way. The app calls it as soon as
 * a view that draws a graph is opened, so the code arrives while the view's data does. After a
 * failed fetch, the next call tries again.
 */
export function preloadGraphView(): void {
  loading ??= import('./GraphView.tsx')
    .then(
      (module) => {
        loaded = { module, error: null };
      },
      (cause: unknown) => {
        loading = null;
        loaded = { module: null, error: new CombinedError({ networkError: cause instanceof Error ? cause : new Error(String(cause)) }) };
      },
    )
    .finally(() => listeners.forEach((listener) => listener()));
}

const drawsGraph: ReadonlySet<string> = new Set(graphViews);

/** Starts fetching the graph's code (preloadGraphView) when `view` is one that draws a graph. */
export function preloadGraphViewFor(view: string): void {
  if (drawsGraph.has(view)) preloadGraphView();
}

/**
 * GraphView (see GraphView.tsx) once its code is here; until then the app's loading message,
 * or its error if the code could not be fetched.
 *
 * @remarks
 * Not React.lazy: React holds back what a Suspense boundary reveals for up to 300 ms after it
 * showed a fallback, which would delay every drawing whose code arrived with its data.
 */
export function LazyGraphView(props: GraphViewProps) {
  useEffect(preloadGraphView, []);
  const { module, error } = useSyncExternalStore(subscribe, () => loaded);
  if (!module) {
    return (
      <QueryState fetching={!error} error={error ?? undefined} what="the graph">
        {null}
      </QueryState>
    );
  }
  const { GraphView } = module;
  return <GraphView {...props} />;
}
