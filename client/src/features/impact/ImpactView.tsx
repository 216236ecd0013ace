import { useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { describeNode, labelName } from '../../components/labels.ts';
import { graphql } from '../../generated/gql.ts';
import type { ImpactView_ImpactQuery } from '../../generated/graphql.ts';
import { LazyGraphView } from '../../graph/LazyGraphView.tsx';
import { Link } from '../../routing/Link.tsx';
import { hrefTo, useRoute, useUpdateParams } from '../../routing/route.ts';
import './impact.css';

const ImpactQuery = graphql(`
  query ImpactView_Impact($id: ID!, $maxDepth: Int!) {
    impact(id: $id, maxDepth: $maxDepth) {
      root { id label title code term kind corporate }
      subgraph {
        nodes { id label title code term kind corporate }
        edges { id type from to basis rationale }
      }
      countsByLabel { label count }
      truncated
    }
  }
`);

type Impact = ImpactView_ImpactQuery['impact'];

// The API's bounds on how far downstream to look (impact.MAX_DEPTH on the server).
const depths = [1, 2, 3, 4, 5, 6];
const defaultDepth = 4;

/** /impact?id=…: everything that depends on one node, what a change to it would touch. */
export function ImpactView() {
  const { params } = useRoute();
  const id = params.get('id');
  const requested = Number(params.get('depth'));
  const depth = depths.includes(requested) ? requested : defaultDepth;
  if (!id) {
    return (
      <>
        <PageHeading title="What depends on it">What depends on an item</PageHeading>
        <p>
          This view shows everything downstream of one item: the plans, priorities, actions and measures that give effect to a law, sit under a priority or
          cite a report, so you can see what a change to it would touch.
        </p>
        <p>
          Find the item with the <a href="#site-search">search box</a> at the top of the page, or browse the <Link href={hrefTo('plans')}>plans</Link>, open its
          details and choose “What depends on it”.
        </p>
      </>
    );
  }
  return <ImpactOf id={id} depth={depth} />;
}

function ImpactOf({ id, depth }: { id: string; depth: number }) {
  const [{ data, fetching, error }] = useQuery({ query: ImpactQuery, variables: { id, maxDepth: depth } });
  const impact = data?.impact;
  return (
    <>
      {impact && <p className="badge">{describeNode(impact.root)}</p>}
      <PageHeading title={impact ? `What depends on ${impact.root.title}` : 'What depends on it'}>
        {impact ? `What depends on ${impact.root.title}` : 'What depends on it'}
      </PageHeading>
      <DepthChoice depth={depth} />
      <QueryState fetching={fetching && !impact} error={error} what="what depends on it">
        {impact && <ImpactResult impact={impact} depth={depth} />}
      </QueryState>
    </>
  );
}

function DepthChoice({ depth }: { depth: number }) {
  const updateParams = useUpdateParams();
  return (
    <p className="impact-depth">
      <label htmlFor="impact-depth">Links to follow downstream</label>{' '}
      <select id="impact-depth" value={depth} onChange={(event) => updateParams({ depth: event.target.value === String(defaultDepth) ? null : event.target.value })}>
        {depths.map((value) => (
          <option key={value} value={value}>
            {value === 1 ? '1 link' : `up to ${value} links`}
          </option>
        ))}
      </select>
    </p>
  );
}

function ImpactResult({ impact, depth }: { impact: Impact; depth: number }) {
  const dependents = impact.subgraph.nodes.length - 1;
  return (
    <>
      <p className="impact-summary">
        <strong>
          {dependents === 0 ? 'Nothing depends on it' : `${dependents.toLocaleString('en-GB')} ${dependents === 1 ? 'item depends' : 'items depend'} on it`}
        </strong>{' '}
        within {depth === 1 ? 'one link' : `${depth} links`}.
      </p>
      {impact.truncated && (
        <p className="message impact-notice" role="status">
          Only the nearest {dependents.toLocaleString('en-GB')} dependent items are shown: the answer reached the limit. Follow fewer links to see a complete
          answer.
        </p>
      )}
      {impact.countsByLabel.length > 0 && (
        <table className="data-table">
          <caption>Dependent items by kind</caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col" className="numeric">
                Count
              </th>
            </tr>
          </thead>
          <tbody>
            {impact.countsByLabel.map(({ label, count }) => (
              <tr key={label}>
                <th scope="row">{labelName(label)}</th>
                <td className="numeric">{count.toLocaleString('en-GB')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="impact-graph-heading">
        <h2 id="impact-graph-heading" className="impact-graph-heading">
          Graph
        </h2>
        <LazyGraphView
          graph={impact.subgraph}
          rootId={impact.root.id}
          rootMeaning="the item everything here depends on"
          label={`What depends on ${impact.root.title}`}
          fileName={`impact-${impact.root.id.replaceAll(/[^a-z0-9]+/gi, '-')}`}
          headingLevel={3}
        />
      </section>
    </>
  );
}
