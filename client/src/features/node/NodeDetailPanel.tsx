import { useEffect, useRef } from 'react';
import { useQuery } from 'urql';
import { QueryState } from '../../components/QueryState.tsx';
import { basisNames, describeNode, labelName, linkPhrase } from '../../components/labels.ts';
import { graphql } from '../../generated/gql.ts';
import { Link } from '../../routing/Link.tsx';
import { hrefTo, useSelection } from '../../routing/route.ts';

const NodeQuery = graphql(`
  query NodeDetailPanel_Node($id: ID!) {
    node(id: $id, first: 200) {
      node { id label title code term text kind status corporate discretionary properties }
      plan { id title }
      sources { documentId documentTitle file section excerpt }
      neighbourCount
      neighbours {
        direction
        edge { id type basis rationale by at excerpt }
        node { id label title code term corporate kind }
      }
    }
  }
`);

// Shown elsewhere in the panel, or internal.
const hidden = new Set(['id', 'title', 'text', 'code', 'term', 'kind', 'status', 'corporate', 'planId', 'position', 'discretionary']);

const traceable = new Set(['Plan', 'Priority', 'Objective', 'Action']);

/** The detail panel: what a node is, where it comes from, and every link in and out with its basis. */
export function NodeDetailPanel({ id }: { id: string }) {
  const [, select] = useSelection();
  const heading = useRef<HTMLHeadingElement>(null);
  const [{ data, fetching, error }] = useQuery({ query: NodeQuery, variables: { id } });
  const detail = data?.node;

  useEffect(() => {
    if (detail) heading.current?.focus();
  }, [detail?.node.id]);

  return (
    <aside className="detail-panel" aria-labelledby="detail-heading" onKeyDown={(event) => event.key === 'Escape' && select(null)}>
      <button type="button" className="close-button" onClick={() => select(null)} aria-label="Close details">
        Close
      </button>
      <QueryState fetching={fetching} error={error} what="the details">
        {data && !detail && <p role="alert">Nothing in the graph has the id {id}.</p>}
        {detail && (
          <>
            <p className="badge">{describeNode(detail.node)}</p>
            <h2 id="detail-heading" ref={heading} tabIndex={-1}>
              {detail.node.title}
            </h2>
            {detail.plan && <p>In {detail.plan.title}</p>}
            {detail.node.text && detail.node.text !== detail.node.title && <p>{detail.node.text}</p>}
            <p className="actions">
              {traceable.has(detail.node.label) && <Link href={hrefTo('trace', { id })}>Trace to law and priorities</Link>}
              {(detail.node.label === 'Evidence' || detail.node.label === 'Action') && <Link href={hrefTo('evidence', { id })}>Evidence chain</Link>}
              <Link href={hrefTo('impact', { id })}>What depends on it</Link>
            </p>
            <dl className="properties">
              {detail.node.status && (
                <>
                  <dt>Status</dt>
                  <dd>{detail.node.status.toLowerCase().replaceAll('_', ' ')}</dd>
                </>
              )}
              {detail.node.discretionary && (
                <>
                  <dt>Statutory basis</dt>
                  <dd>Not needed: marked discretionary</dd>
                </>
              )}
              {Object.entries(detail.node.properties as Record<string, unknown>)
                .filter(([key, value]) => !hidden.has(key) && value !== null && value !== '')
                .map(([key, value]) => (
                  <div key={key} className="property">
                    <dt>{key.replace(/([A-Z])/g, ' $1').toLowerCase()}</dt>
                    <dd>{String(value)}</dd>
                  </div>
                ))}
            </dl>

            <h3>Source</h3>
            {detail.sources.length === 0 && <p>No source recorded.</p>}
            {detail.sources.map((source) => (
              <figure key={`${source.documentId}-${source.section}-${source.excerpt}`} className="source">
                <blockquote className="excerpt">{source.excerpt}</blockquote>
                <figcaption>
                  {source.documentTitle}, {source.section}
                </figcaption>
              </figure>
            ))}

            <h3>Links ({detail.neighbourCount})</h3>
            <table className="data-table links-table">
              <caption className="visually-hidden">Links in and out of {detail.node.title}</caption>
              <thead>
                <tr>
                  <th scope="col">Link</th>
                  <th scope="col">To or from</th>
                  <th scope="col">Basis</th>
                </tr>
              </thead>
              <tbody>
                {detail.neighbours.map(({ direction, edge, node }) => (
                  <tr key={`${edge.id}-${direction}`}>
                    <td>{direction === 'OUT' ? linkPhrase(edge.type) : `${linkPhrase(edge.type)} (from)`}</td>
                    <td>
                      <span className="badge">{labelName(node.label)}</span>{' '}
                      <button type="button" className="link-button" onClick={() => select(node.id)}>
                        {node.title}
                      </button>
                    </td>
                    <td>
                      <span className={`basis basis-${(edge.basis ?? 'STATED').toLowerCase()}`}>{basisNames[edge.basis ?? 'STATED']}</span>
                      {edge.rationale && <p className="rationale">{edge.rationale}</p>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </QueryState>
    </aside>
  );
}
