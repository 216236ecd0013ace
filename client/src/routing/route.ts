/**
 * The URL holds the view and the selection, so any view can be shared as a link and the back
 * button works. Views are paths; their inputs and the selected node are query parameters.
 */
import { useCallback, useSyncExternalStore } from 'react';

export const views = ['home', 'search', 'plans', 'trace', 'gaps', 'alignment', 'evidence', 'impact', 'law-review', 'import'] as const;
export type View = (typeof views)[number];

export interface Route {
  /** The view the path names, or 'not-found' for a path that names none (a mistyped link). */
  view: View | 'not-found';
  params: URLSearchParams;
}

type Params = Record<string, string | null | undefined>;

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
window.addEventListener('popstate', notify);

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const currentHref = () => `${window.location.pathname}${window.location.search}`;

export function parseRoute(href: string): Route {
  const url = new URL(href, window.location.origin);
  const name = url.pathname.replace(/^\/+|\/+$/g, '') || 'home';
  const view = (views as readonly string[]).includes(name) ? (name as View) : 'not-found';
  return { view, params: url.searchParams };
}

/** The link to a path with the given parameters (empty ones left out). */
function withParams(path: string, params: Params): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const query = search.toString();
  return `${path}${query ? `?${query}` : ''}`;
}

/** The link to a view with the given parameters (empty ones left out). */
export function hrefTo(view: View, params: Params = {}): string {
  return withParams(view === 'home' ? '/' : `/${view}`, params);
}

/** The link to the current page with other parameters: the same path, whatever view it names. */
export function hrefHere(params: Params): string {
  return withParams(window.location.pathname, params);
}

/** Goes to `href` inside the app, adding a history entry unless `replace`. */
export function navigate(href: string, { replace = false } = {}): void {
  if (href === currentHref()) return;
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  notify();
}

/** The current route; re-renders when it changes. */
export function useRoute(): Route {
  const href = useSyncExternalStore(subscribe, currentHref);
  return parseRoute(href);
}

/** Changes some parameters of the current view, keeping the others. */
export function useUpdateParams(): (changes: Params, options?: { replace?: boolean }) => void {
  return useCallback((changes, options) => {
    const next = { ...Object.fromEntries(new URLSearchParams(window.location.search)), ...changes };
    navigate(hrefHere(next), options);
  }, []);
}

/** The node shown in the detail panel (the `node` parameter) and a way to change it. */
export function useSelection(): [string | null, (id: string | null) => void] {
  const { params } = useRoute();
  const update = useUpdateParams();
  const select = useCallback((id: string | null) => update({ node: id }), [update]);
  return [params.get('node'), select];
}
