import { useQuery } from 'urql';
import { graphql } from '../../generated/gql.ts';
import { QueryState } from '../../components/QueryState.tsx';

const GraphOverviewQuery = graphql(`
  query GraphOverview_Stats {
    graphStats {
      nodes
      relationships
      labels {
        label
        count
      }
    }
  }
`);

/** What the graph holds, counted by label, read live from the API. */
export function GraphOverview() {
  const [{ data, fetching, error }] = useQuery({ query: GraphOverviewQuery });
  return (
    <section aria-labelledby="overview-heading">
      <h2 id="overview-heading">What the graph holds</h2>
      <QueryState fetching={fetching} error={error} what="the graph's contents">
        {data && (
          <>
            <p data-testid="graph-totals">
              {data.graphStats.nodes.toLocaleString('en-GB')} nodes and {data.graphStats.relationships.toLocaleString('en-GB')} links.
            </p>
            <table className="data-table">
              <caption>Nodes in the graph by kind</caption>
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col" className="numeric">
                    Count
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.graphStats.labels.map(({ label, count }) => (
                  <tr key={label} data-label={label}>
                    <th scope="row">{label}</th>
                    <td className="numeric">{count.toLocaleString('en-GB')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </QueryState>
    </section>
  );
}
