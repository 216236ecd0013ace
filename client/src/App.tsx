import { GraphOverview } from './features/overview/GraphOverview.tsx';

export function App() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <p className="site-name">Council alignment graph</p>
        <p className="site-tagline">How every action traces back to the law and to the council's priorities</p>
      </header>
      <main id="main" tabIndex={-1}>
        <GraphOverview />
      </main>
    </>
  );
}
