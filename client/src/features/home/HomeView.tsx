import { PageHeading } from '../../components/PageHeading.tsx';
import { Link } from '../../routing/Link.tsx';
import { hrefTo } from '../../routing/route.ts';
import { GraphOverview } from '../overview/GraphOverview.tsx';

/** The starting page: the three kinds of work, and what the graph holds. */
export function HomeView() {
  return (
    <section aria-labelledby="page-heading">
      <PageHeading title="Home">How every action traces to the law and to the council's priorities</PageHeading>
      <ul className="start-points">
        <li>
          <h2>Check an action</h2>
          <p>
            Does it deliver a council priority, and under which law? Find it by searching, or browse the <Link href={hrefTo('plans')}>plans</Link>, then trace
            it.
          </p>
        </li>
        <li>
          <h2>Find the gaps</h2>
          <p>
            Priorities with no actions, actions with no measure, owner or statutory basis, duties nothing delivers:{' '}
            <Link href={hrefTo('gaps')}>see the gaps</Link> and how plans <Link href={hrefTo('alignment')}>align</Link>.
          </p>
        </li>
        <li>
          <h2>Follow the evidence</h2>
          <p>
            From an inspection finding to what the council does about it and how it knows it works: <Link href={hrefTo('evidence')}>evidence chains</Link>.
          </p>
        </li>
      </ul>
      <GraphOverview />
    </section>
  );
}
