import { type ReactNode, StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { App } from './App.tsx';
import { completeSignIn } from './features/authoring/identity-provider.ts';
import { useSignedIn } from './features/authoring/session.ts';
import { createGraphClient } from './graph-client.ts';
import { preloadGraphViewFor } from './graph/LazyGraphView.tsx';
import { parseRoute } from './routing/route.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// A link opened straight into a graph view: its drawing's code comes while React starts, not after.
preloadGraphViewFor(parseRoute(window.location.href).view);

/**
 * The urql client, made afresh when someone signs in or out: answers differ by who asks (who
 * changed what is shown to signed-in users only), so nothing cached for one is shown to the other,
 * and every query on the page asks again.
 */
function GraphProvider({ children }: { children: ReactNode }) {
  const signedIn = useSignedIn();
  // A new client, and so an empty cache, for each sign-in state.
  const client = useMemo(() => createGraphClient(), [signedIn]);
  return <Provider value={client}>{children}</Provider>;
}

// Back from the identity provider: the sign-in is finished (and the address put back) first.
completeSignIn().finally(() =>
  createRoot(root).render(
    <StrictMode>
      <GraphProvider>
        <App />
      </GraphProvider>
    </StrictMode>,
  ),
);
