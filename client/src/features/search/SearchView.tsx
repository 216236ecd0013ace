import { useEffect, useRef, useState } from 'react';
import { useClient, useQuery, type CombinedError } from 'urql';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { describeNode, traceableLabels } from '../../components/labels.ts';
import { readFragment } from '../../generated/fragment-masking.ts';
import { graphql } from '../../generated/gql.ts';
import { GraphNodeFragment } from '../../graph/toElements.ts';
import { Link } from '../../routing/Link.tsx';
import { hrefTo, useRoute, useSelection } from '../../routing/route.ts';
import { MAX_SEARCH_LENGTH } from './SearchBox.tsx';
import { planOf, plansOfHits, type Hit } from './plans.ts';

/** How many hits a page of results shows, and each "More results" adds. */
export const SEARCH_PAGE_SIZE = 50;

const SearchQuery = graphql(`
  query SearchView_Search($text: String!, $first: Int!, $offset: Int!) {
    search(text: $text, first: $first, offset: $offset) {
      hits {
        score
        excerpt
        node { id label title ...GraphElement_Node }
        plan { id title }
      }
      hasMore
      nextOffset
      closeMatches
      citations
    }
  }
`);

/** The searched text as a heading shows it: long text is cut short, the search box holds it all. */
function shortened(text: string, length = 80): string {
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
}

const quoted = (words: string[]) => words.map((word) => `‘${shortened(word, 40)}’`).join(' or ');

/** Search results, best first, with a way to narrow them to one plan and to load more. */
export function SearchView() {
  const { params } = useRoute();
  const text = (params.get('q') ?? '').trim();
  const tooLong = text.length > MAX_SEARCH_LENGTH;
  if (!text || tooLong) {
    return (
      <section aria-labelledby="page-heading">
        <PageHeading title="Search">Search</PageHeading>
        {tooLong ? (
          <p role="status" className="message">
            The search text is {text.length.toLocaleString('en-GB')} characters long; a search can be at most {MAX_SEARCH_LENGTH}. Shorten it and search again.
          </p>
        ) : (
          <p>Type words into the search box at the top of the page to find plans, priorities, actions, measures, law and inspection evidence.</p>
        )}
        <p>
          Every word counts, and items with all of them come first. Type NOT in capitals before a word to leave out items that have it, as in “care NOT
          leavers”. A citation such as “section 17 of the Children Act 1989” or “s17 Children Act” finds the Act and the provision first.
        </p>
      </section>
    );
  }
  // A new search starts afresh: no pages loaded, no plan chosen.
  return <SearchResults key={text} text={text} />;
}

function SearchResults({ text }: { text: string }) {
  const client = useClient();
  const [, select] = useSelection();
  const [{ data, fetching, error }] = useQuery({ query: SearchQuery, variables: { text, first: SEARCH_PAGE_SIZE, offset: 0 } });
  const [more, setMore] = useState<{ hits: Hit[]; nextOffset: number | null; loading: boolean; error?: CombinedError }>({
    hits: [],
    nextOffset: null,
    loading: false,
  });
  const [planFilter, setPlanFilter] = useState('');
  // After "More results", focus moves to the first new hit, so keyboard users read on from there.
  const [firstNewId, setFirstNewId] = useState<string>();
  const firstNew = useRef<HTMLButtonElement>(null);
  useEffect(() => firstNew.current?.focus(), [firstNewId]);

  const result = data?.search;
  const hits = result ? [...result.hits, ...more.hits] : [];
  const nextOffset = more.hits.length || more.error ? more.nextOffset : (result?.nextOffset ?? null);
  const plans = plansOfHits(hits);
  const shown = planFilter ? hits.filter((hit) => (planOf(hit)?.id ?? 'none') === planFilter) : hits;

  const loadMore = async () => {
    if (nextOffset === null) return;
    setMore((current) => ({ ...current, loading: true, error: undefined, nextOffset }));
    const next = await client.query(SearchQuery, { text, first: SEARCH_PAGE_SIZE, offset: nextOffset }).toPromise();
    if (next.error || !next.data) {
      setMore((current) => ({ ...current, loading: false, error: next.error }));
      return;
    }
    const page = next.data.search;
    setMore((current) => ({ hits: [...current.hits, ...page.hits], nextOffset: page.nextOffset ?? null, loading: false }));
    setFirstNewId(page.hits[0]?.node.id);
  };

  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={`Search: ${shortened(text)}`}>Results for “{shortened(text)}”</PageHeading>
      <QueryState fetching={fetching} error={error} what="search results">
        {result && result.citations.length > 0 && (
          <p className="message search-note">
            Read as a citation of {result.citations.join(' and of ')}, not as separate words: what it cites comes first, then what names it.
          </p>
        )}
        {result && result.closeMatches.length > 0 && (
          <p role="status" className="message search-note">
            {result.hits.length
              ? `No exact matches for ${quoted(result.closeMatches)}; showing close matches.`
              : `No exact or close matches for ${quoted(result.closeMatches)}.`}
          </p>
        )}
        {result && result.hits.length === 0 && <p>Nothing matches “{shortened(text)}”. Try fewer or different words.</p>}
        {plans.length > 1 && (
          <p className="search-filter">
            <label htmlFor="search-plan">Show results from</label>{' '}
            <select id="search-plan" value={planFilter} onChange={(event) => setPlanFilter(event.target.value)}>
              <option value="">every plan ({hits.length.toLocaleString('en-GB')})</option>
              {plans.map((plan) => (
                <option key={plan.id ?? 'none'} value={plan.id ?? 'none'}>
                  {plan.title} ({plan.count.toLocaleString('en-GB')})
                </option>
              ))}
            </select>
          </p>
        )}
        {shown.length > 0 && (
          <ol className="result-list search-results" aria-label="Search results, best first">
            {shown.map((hit) => {
              const { node, excerpt } = hit;
              const plan = planOf(hit);
              return (
                <li key={node.id} data-node-id={node.id}>
                  <span className="badge">{describeNode(readFragment(GraphNodeFragment, node))}</span>{' '}
                  <button type="button" className="link-button" onClick={() => select(node.id)} ref={node.id === firstNewId ? firstNew : undefined}>
                    {node.title}
                  </button>
                  {traceableLabels.has(node.label) && (
                    <>
                      {' · '}
                      <Link href={hrefTo('trace', { id: node.id })}>Trace</Link>
                    </>
                  )}
                  {node.label === 'Evidence' && (
                    <>
                      {' · '}
                      <Link href={hrefTo('evidence', { id: node.id })}>Evidence chain</Link>
                    </>
                  )}
                  {plan && node.label !== 'Plan' && <span className="result-plan"> · in {plan.title}</span>}
                  {excerpt && <blockquote className="excerpt">{excerpt}</blockquote>}
                </li>
              );
            })}
          </ol>
        )}
        {more.error && (
          <p role="alert" className="message message-error">
            Could not load more results.{' '}
            {more.error.networkError ? 'Check your connection and try again.' : more.error.graphQLErrors.map(({ message }) => message).join(' ')}
          </p>
        )}
        {nextOffset !== null && (
          <p>
            <button type="button" onClick={loadMore} disabled={more.loading}>
              {more.loading ? 'Loading more results…' : 'More results'}
            </button>
          </p>
        )}
        {result && nextOffset === null && hits.length > SEARCH_PAGE_SIZE && (
          <p className="message">That is every result: {hits.length.toLocaleString('en-GB')} in all.</p>
        )}
      </QueryState>
    </section>
  );
}
