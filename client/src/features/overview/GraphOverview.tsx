import { useQuery } from 'urql';
import { graphql } from '../../generated/gql.ts';
import { LabelCountTable } from '../../components/LabelCountTable.tsx';
import { QueryState } from '../../components/QueryState.tsx';

const GraphOverviewQuery = graphql(`
  query GraphOverview_Stats {
    graphStats {
      nodes
      relationships
      labels {
        ...LabelCountTable_Count
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
            <LabelCountTable caption="Nodes in the graph by kind" counts={data.graphStats.labels} />
          </>
        )}
      </QueryState>
    </section>
  );
}
