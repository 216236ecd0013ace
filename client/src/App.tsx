import type { ReactNode } from 'react';
import { AlignmentView } from './features/alignment/AlignmentView.tsx';
import { ImportView } from './features/authoring/ImportView.tsx';
import { SignInControl } from './features/authoring/SignInControl.tsx';
import { SignInRequiredView } from './features/authoring/SignInRequiredView.tsx';
import { useSignedIn, useSignInRequired } from './features/authoring/session.ts';
import { EvidenceView } from './features/evidence/EvidenceView.tsx';
import { GapsView } from './features/gaps/GapsView.tsx';
import { HomeView } from './features/home/HomeView.tsx';
import { NotFoundView } from './features/home/NotFoundView.tsx';
import { ImpactView } from './features/impact/ImpactView.tsx';
import { LawReviewView } from './features/law-review/LawReviewView.tsx';
import { NodeDetailPanel } from './features/node/NodeDetailPanel.tsx';
import { PlansView } from './features/plans/PlansView.tsx';
import { SearchBox } from './features/search/SearchBox.tsx';
import { SearchView } from './features/search/SearchView.tsx';
import { TraceView } from './features/trace/TraceView.tsx';
import { preloadGraphViewFor } from './graph/LazyGraphView.tsx';
import { Link } from './routing/Link.tsx';
import { hrefTo, useRoute, type Route, type View } from './routing/route.ts';

const pages: Record<Route['view'], () => ReactNode> = {
  home: () => <HomeView />,
  search: () => <SearchView />,
  plans: () => <PlansView />,
  trace: () => <TraceView />,
  gaps: () => <GapsView />,
  alignment: () => <AlignmentView />,
  evidence: () => <EvidenceView />,
  impact: () => <ImpactView />,
  'law-review': () => <LawReviewView />,
  import: () => <ImportView />,
  'not-found': () => <NotFoundView />,
};

const navigation: { view: View; label: string }[] = [
  { view: 'plans', label: 'Plans' },
  { view: 'gaps', label: 'Gaps' },
  { view: 'alignment', label: 'Alignment' },
  { view: 'evidence', label: 'Evidence' },
  { view: 'impact', label: 'Impact' },
  { view: 'law-review', label: 'Law changes' },
  { view: 'import', label: 'Import' },
];

export function App() {
  const { view, params } = useRoute();
  const selected = params.get('node');
  // A server that asks everyone to sign in (REQUIRE_SIGN_IN) gets the sign-in panel, not broken pages.
  const required = useSignInRequired();
  const signedIn = useSignedIn();
  const signInFirst = required !== null && !signedIn;
  // In render, not an effect: an effect would wait for this render to reach the screen.
  preloadGraphViewFor(view);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-brand">
          <Link href={hrefTo('home')} className="site-name">
            Council alignment graph
          </Link>
          <p className="site-tagline">How every action traces back to the law and to the council's priorities</p>
        </div>
        <SearchBox />
        <nav aria-label="Main">
          <ul>
            {navigation.map((item) => (
              <li key={item.view}>
                <Link href={hrefTo(item.view)} aria-current={view === item.view ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <SignInControl />
      </header>
      <div className={selected && !signInFirst ? 'layout with-panel' : 'layout'}>
        <main id="main" tabIndex={-1}>
          {signInFirst ? <SignInRequiredView /> : pages[view]()}
        </main>
        {selected && !signInFirst && <NodeDetailPanel id={selected} />}
      </div>
    </>
  );
}
