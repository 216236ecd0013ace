import { useQuery } from 'urql';
import { QueryState } from '../../components/QueryState.tsx';
import { graphql } from '../../generated/gql.ts';
import { formatWhen, valueChanges } from './history.ts';
import { historyContext } from './write-context.ts';

const HistoryQuery = graphql(`
  query NodeHistory_Changes($id: ID!) {
    history(id: $id, first: 20) {
      id
      at
      by
      operation
      summary
      why
      before
      after
    }
  }
`);

/** The recorded changes to a node, newest first: who, when, what and why. Anyone may read them. */
export function NodeHistory({ id }: { id: string }) {
  const [{ data, fetching, error }] = useQuery({ query: HistoryQuery, variables: { id }, context: historyContext });
  return (
    <section aria-labelledby="history-heading" className="panel-section">
      <h3 id="history-heading">History</h3>
      <QueryState fetching={fetching && !data} error={error} what="the history">
        {data && data.history.length === 0 && <p>No changes recorded: it is as its source document gave it.</p>}
        {data && data.history.length > 0 && (
          <ol className="history-list">
            {data.history.map((change) => {
              const rows = valueChanges(change.before, change.after);
              return (
                <li key={change.id}>
                  <p className="history-summary">{change.summary}</p>
                  <p className="history-meta">
                    {change.by && `${change.by}, `}
                    <time dateTime={change.at}>{formatWhen(change.at)}</time>
                  </p>
                  {change.why && <p className="history-why">Why: {change.why}</p>}
                  {rows.length > 0 && change.operation !== 'CREATE_NODE' && (
                    <table className="data-table history-values">
                      <caption className="visually-hidden">Values changed</caption>
                      <thead>
                        <tr>
                          <th scope="col">Property</th>
                          <th scope="col">Before</th>
                          <th scope="col">After</th>
                        </tr>
                      </thead>
                      <tbody>
                        {rows.map((row) => (
                          <tr key={row.key}>
                            <th scope="row">{row.key}</th>
                            <td>{row.before}</td>
                            <td>{row.after}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </QueryState>
    </section>
  );
}
