import { PageHeading } from '../../components/PageHeading.tsx';
import { Link } from '../../routing/Link.tsx';
import { hrefTo } from '../../routing/route.ts';

/** A path that names no view, such as a mistyped or shortened link: says so instead of showing another page. */
export function NotFoundView() {
  return (
    <section aria-labelledby="page-heading">
      <PageHeading title="Page not found">Page not found</PageHeading>
      <p>No page has the address {window.location.pathname}. If you typed it, check it; if a link brought you here, the link is wrong.</p>
      <p>
        Search for what you wanted with the box above, or go to the <Link href={hrefTo('home')}>home page</Link> or the list of{' '}
        <Link href={hrefTo('plans')}>plans</Link>.
      </p>
    </section>
  );
}
