import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { QueryState } from '../../components/QueryState.tsx';
import { basisNames, constantInWords, describeNode, labelName, linkPhrase, traceableLabels } from '../../components/labels.ts';
import { readFragment } from '../../generated/fragment-masking.ts';
import { graphql } from '../../generated/gql.ts';
import { GraphNodeFragment } from '../../graph/toElements.ts';
import { Link } from '../../routing/Link.tsx';
import { hrefTo, useSelection } from '../../routing/route.ts';
import { AddLinkForm, type ExistingLink } from '../authoring/AddLinkForm.tsx';
import { formatTimeOn } from '../authoring/history.ts';
import { LinkRemoval } from '../authoring/LinkRemoval.tsx';
import { isEditable, isRemovableLink, suggestionKinds } from '../authoring/model.ts';
import { NodeDelete } from '../authoring/NodeDelete.tsx';
import { NodeEditor } from '../authoring/NodeEditor.tsx';
import { NodeHistory } from '../authoring/NodeHistory.tsx';
import { NodeSuggestions } from '../authoring/NodeSuggestions.tsx';
import { useSignedIn } from '../authoring/session.ts';
import type { NodeDetailPanel_NodeQuery } from '../../generated/graphql.ts';

// The page size is a variable: the API's cost limit multiplies a literal `first` into the cost
// of everything under it, and checks a variable's range itself (at most 500).
const NodeQuery = graphql(`
  query NodeDetailPanel_Node($id: ID!, $first: Int!) {
    node(id: $id, first: $first) {
      node {
        id
        label
        title
        text
        status
        discretionary
        properties
        version
        changedBy
        changedAt
        ...GraphElement_Node
        ...NodeEditor_Node
        ...NodeDelete_Node
      }
      plan { id title }
      sources { documentId documentTitle file section excerpt page }
      neighbourCount
      neighbours {
        direction
        edge { id type basis rationale by at excerpt version }
        node { id label title }
      }
    }
  }
`);

// Shown elsewhere in the panel (the source document under Source), or kept by the loader for
// its own use (plan, top priority and position in the document).
const hidden = new Set([
  'id',
  'title',
  'text',
  'code',
  'term',
  'kind',
  'status',
  'corporate',
  'planId',
  'topPriorityId',
  'documentId',
  'position',
  'discretionary',
]);

type Mode = 'view' | 'edit' | 'delete' | 'link';
type Detail = NonNullable<NodeDetailPanel_NodeQuery['node']>;

/** The links a node starts, as the add-link form checks a new link against them. */
const linksFrom = (detail: Detail): ExistingLink[] =>
  detail.neighbours
    .filter(({ direction }) => direction === 'OUT')
    .map(({ edge, node }) => ({ type: edge.type, to: node.id, version: edge.version, basis: edge.basis, rationale: edge.rationale, by: edge.by, at: edge.at }));

/**
 * The detail panel: what a node is, where it comes from, every link in and out with its basis,
 * the links the tool suggests and the node's history. Signed-in editors also edit and delete the
 * node, add and remove links, and accept or reject suggestions here.
 */
export function NodeDetailPanel({ id }: { id: string }) {
  const [, select] = useSelection();
  const signedIn = useSignedIn();
  const heading = useRef<HTMLHeadingElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const linkButton = useRef<HTMLButtonElement>(null);
  const client = useClient();
  const [{ data, fetching, error }] = useQuery({ query: NodeQuery, variables: { id, first: 200 } });
  const [mode, setMode] = useState<Mode>('view');
  const [notice, setNotice] = useState<string | null>(null);
  // `gone`: someone else deleted it while this person was changing it.
  const [deleted, setDeleted] = useState<{ id: string; message: string; gone?: boolean } | null>(null);
  const detail = data?.node;

  /**
   * Reads the node again past every cache, for a write refused because someone else changed it
   * first. The panel's own query shares the answer, so it shows the current version too.
   */
  const reload = useCallback(async (): Promise<Detail | null> => {
    const result = await client.query(NodeQuery, { id, first: 200 }, { requestPolicy: 'network-only' }).toPromise();
    if (result.error) {
      throw new Error(
        result.error.networkError
          ? 'Could not reach the server to reload it. Check your connection and try again.'
          : `Could not reload it. ${result.error.graphQLErrors.map(({ message }) => message).join(' ')}`,
      );
    }
    return result.data?.node ?? null;
  }, [client, id]);
  const reloadNode = useCallback(async () => (await reload())?.node ?? null, [reload]);

  useEffect(() => {
    if (detail) heading.current?.focus();
  }, [detail?.node.id]);

  useEffect(() => {
    setMode('view');
    setNotice(null);
  }, [id]);

  /** Ends an edit, announces what was done and puts focus back where the edit began. */
  const finish = (message: string | null, returnTo: HTMLElement | null) => {
    setMode('view');
    if (message) setNotice(message);
    requestAnimationFrame(() => returnTo?.focus());
  };

  /** Someone else deleted the node while this person was changing it: say so, and offer nothing to reapply. */
  const gone = (message: string) => {
    setMode('view');
    setDeleted({ id, message, gone: true });
  };

  // Focus moves to the "Deleted" heading once it is on the page, not before React has drawn it.
  useEffect(() => {
    if (deleted?.gone) heading.current?.focus();
  }, [deleted]);

  return (
    <aside className="detail-panel" aria-labelledby="detail-heading" onKeyDown={(event) => event.key === 'Escape' && select(null)}>
      <button type="button" className="close-button" onClick={() => select(null)} aria-label="Close details">
        Close
      </button>
      <div role="status" className="panel-status">
        {notice && <p className="notification notification-success">{notice}</p>}
      </div>
      {deleted?.id === id ? (
        <>
          <h2 id="detail-heading" ref={heading} tabIndex={-1}>
            Deleted
          </h2>
          {deleted.gone ? (
            <p role="alert" className="message message-error">
              {deleted.message} The history keeps a record of it.
            </p>
          ) : (
            <p>{deleted.message} The history keeps a record of it.</p>
          )}
        </>
      ) : (
        <QueryState fetching={fetching && !data} error={error} what="the details">
          {data && !detail && <p role="alert">Nothing in the graph has the id {id}.</p>}
          {detail && (
            <>
              <p className="badge">{describeNode(readFragment(GraphNodeFragment, detail.node))}</p>
              <h2 id="detail-heading" ref={heading} tabIndex={-1}>
                {detail.node.title}
              </h2>
              {detail.plan && <p>In {detail.plan.title}</p>}
              <p className="version-line">
                Version {detail.node.version}
                {detail.node.changedBy && `, last changed by ${detail.node.changedBy}`}
                {detail.node.changedAt && (
                  <>
                    {' '}
                    at <time dateTime={detail.node.changedAt}>{formatTimeOn(detail.node.changedAt)}</time>
                  </>
                )}
              </p>
              {detail.node.text && detail.node.text !== detail.node.title && <p>{detail.node.text}</p>}
              <p className="actions">
                {traceableLabels.has(detail.node.label) && <Link href={hrefTo('trace', { id })}>Trace to law and priorities</Link>}
                {(detail.node.label === 'Evidence' || detail.node.label === 'Action') && <Link href={hrefTo('evidence', { id })}>Evidence chain</Link>}
                <Link href={hrefTo('impact', { id })}>What depends on it</Link>
              </p>
              {signedIn && isEditable(detail.node.label) && (
                <p className="actions authoring-actions">
                  <button
                    type="button"
                    ref={editButton}
                    className="secondary-button"
                    aria-expanded={mode === 'edit'}
                    onClick={() => setMode(mode === 'edit' ? 'view' : 'edit')}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="secondary-button"
                    aria-expanded={mode === 'delete'}
                    onClick={() => setMode(mode === 'delete' ? 'view' : 'delete')}
                  >
                    Delete
                  </button>
                </p>
              )}
              {mode === 'edit' && (
                <NodeEditor
                  key={detail.node.id}
                  node={detail.node}
                  reload={reloadNode}
                  onGone={gone}
                  onDone={(message) => finish(message, editButton.current)}
                />
              )}
              {mode === 'delete' && (
                <NodeDelete
                  key={detail.node.id}
                  node={detail.node}
                  reload={reloadNode}
                  onGone={gone}
                  onCancel={() => finish(null, editButton.current)}
                  onDeleted={(message) => {
                    setMode('view');
                    setDeleted({ id, message });
                    requestAnimationFrame(() => heading.current?.focus());
                  }}
                />
              )}
              <dl className="properties">
                {detail.node.status && (
                  <>
                    <dt>Status</dt>
                    <dd>{constantInWords(detail.node.status)}</dd>
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
                      <dd>{typeof value === 'string' ? constantInWords(value) : String(value)}</dd>
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
                    {source.page ? `, p. ${source.page}` : ''}
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
                        {/* Suggested links are accepted or rejected under "Suggested links". */}
                        {signedIn && isRemovableLink(edge.type) && edge.basis !== 'SUGGESTED' && (
                          <LinkRemoval
                            link={
                              direction === 'OUT'
                                ? { from: id, type: edge.type, to: node.id, version: edge.version }
                                : { from: node.id, type: edge.type, to: id, version: edge.version }
                            }
                            description={direction === 'OUT' ? `${linkPhrase(edge.type)} ${node.title}` : `${node.title} ${linkPhrase(edge.type)} this`}
                            reload={async () =>
                              (await reload())?.neighbours.find(
                                (fresh) => fresh.direction === direction && fresh.edge.type === edge.type && fresh.node.id === node.id,
                              )?.edge ?? null
                            }
                            onRemoved={(message) => finish(message, heading.current)}
                            onGone={(message) => finish(message, heading.current)}
                          />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {signedIn && isEditable(detail.node.label) && (
                <p>
                  <button
                    type="button"
                    ref={linkButton}
                    className="secondary-button"
                    aria-expanded={mode === 'link'}
                    onClick={() => setMode(mode === 'link' ? 'view' : 'link')}
                  >
                    Add link
                  </button>
                </p>
              )}
              {mode === 'link' && (
                <AddLinkForm
                  key={detail.node.id}
                  node={detail.node}
                  links={linksFrom(detail)}
                  reload={async () => {
                    const fresh = await reload();
                    return fresh && linksFrom(fresh);
                  }}
                  onDone={(message) => finish(message, linkButton.current)}
                />
              )}

              {suggestionKinds.has(detail.node.label) && <NodeSuggestions id={id} title={detail.node.title} />}
              <NodeHistory id={id} />
            </>
          )}
        </QueryState>
      )}
    </aside>
  );
}
