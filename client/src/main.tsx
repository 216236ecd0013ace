import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { App } from './App.tsx';
import { completeSignIn } from './features/authoring/identity-provider.ts';
import { createGraphClient } from './graph-client.ts';
import { preloadGraphViewFor } from './graph/LazyGraphView.tsx';
import { parseRoute } from './routing/route.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// A link opened straight into a graph view: its drawing's code comes while React starts, not after.
preloadGraphViewFor(parseRoute(window.location.href).view);

// Back from the identity provider: the sign-in is finished (and the address put back) first.
completeSignIn().finally(() =>
  createRoot(root).render(
    <StrictMode>
      <Provider value={createGraphClient()}>
        <App />
      </Provider>
    </StrictMode>,
  ),
);
