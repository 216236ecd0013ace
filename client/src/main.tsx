import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { App, preloadCodeFor } from './App.tsx';
import { createGraphClient } from './graph-client.ts';
import { parseRoute } from './routing/route.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// A link opened straight into a graph view: its drawing's code comes while React starts, not after.
preloadCodeFor(parseRoute(window.location.href).view);

createRoot(root).render(
  <StrictMode>
    <Provider value={createGraphClient()}>
      <App />
    </Provider>
  </StrictMode>,
);
