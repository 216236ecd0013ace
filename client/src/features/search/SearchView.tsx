import { useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { describeNode, labelName, traceableLabels } from '../../components/labels.ts';
import { graphql } from '../../generated/gql.ts';
import type { SearchView_SearchQuery } from '../../generated/graphql.ts';
import { Link } from '../../routing/Link.tsx';
import { hrefTo, useRoute, useSelection } from '../../routing/route.ts';
import { MAX_SEARCH_LENGTH } from './SearchBox.tsx';

const SearchQuery = graphql(`
  query SearchView_Search($text: String!) {
    search(text: $text, first: 50) {
      hits {
        score
        excerpt
        node { id label title code term kind corporate planId }
        plan { id title }
      }
    }
  }
`);

type Hit = SearchView_SearchQuery['search']['hits'][number];

/** Groups hits by plan (items outside any plan together), keeping each group's best-first order. */
export function groupByPlan(hits: Hit[]): { title: string; id: string | null; hits: Hit[] }[] {
  const groups = new Map<string, { title: string; id: string | null; hits: Hit[] }>();
  for (const hit of hits) {
    const key = hit.plan?.id ?? (hit.node.label === 'Plan' ? hit.node.id : '');
    const title = hit.plan?.title ?? (hit.node.label === 'Plan' ? hit.node.title : 'Law, evidence, bodies and themes');
    const group = groups.get(key) ?? { title, id: key || null, hits: [] };
    group.hits.push(hit);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The searched text as a heading shows it: long text is cut short, the search box holds it all. */
function shortened(text: string, length = 80): string {
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
}

/** Search results grouped by plan and, within a plan, by kind. */
export function SearchView() {
  const { params } = useRoute();
  const text = (params.get('q') ?? '').trim();
  const tooLong = text.length > MAX_SEARCH_LENGTH;
  const [, select] = useSelection();
  const [{ data, fetching, error }] = useQuery({ query: SearchQuery, variables: { text }, pause: !text || tooLong });
  const groups = data ? groupByPlan(data.search.hits) : [];
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
          leavers”.
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="page-heading">
      <PageHeading title={`Search: ${shortened(text)}`}>Results for “{shortened(text)}”</PageHeading>
      <QueryState fetching={fetching} error={error} what="search results">
        {data && data.search.hits.length === 0 && <p>Nothing matches “{shortened(text)}”. Try fewer or different words.</p>}
        {groups.map((group) => (
          <section key={group.id ?? 'other'} className="result-group" aria-label={group.title}>
            <h2>{group.title}</h2>
            {[...new Set(group.hits.map(({ node }) => node.label))].map((label) => (
              <div key={label}>
                <h3 className="result-kind">{labelName(label)}</h3>
                <ul className="result-list">
                  {group.hits
                    .filter(({ node }) => node.label === label)
                    .map(({ node, excerpt }) => (
                      <li key={node.id}>
                        <span className="badge">{describeNode(node)}</span>{' '}
                        <button type="button" className="link-button" onClick={() => select(node.id)}>
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
                        {excerpt && <blockquote className="excerpt">{excerpt}</blockquote>}
                      </li>
                    ))}
                </ul>
              </div>
            ))}
          </section>
        ))}
      </QueryState>
    </section>
  );
}
