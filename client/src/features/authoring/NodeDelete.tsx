import { useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { describeNode, labelName } from '../../components/labels.ts';
import { type FragmentType, readFragment } from '../../generated/fragment-masking.ts';
import { graphql } from '../../generated/gql.ts';
import type { GraphElement_NodeFragment } from '../../generated/graphql.ts';
import { GraphNodeFragment } from '../../graph/toElements.ts';
import { useSelection } from '../../routing/route.ts';
import { reloadFor, type Conflict, writeFailure } from './errors.ts';
import { WhyField } from './forms.tsx';
import { formatTimeOn } from './history.ts';
import { writeContext } from './write-context.ts';

const DeleteMutation = graphql(`
  mutation NodeDelete_Delete($id: ID!, $version: Int!, $why: String, $force: Boolean) {
    deleteNode(id: $id, version: $version, why: $why, force: $force) {
      deleted
      dependents { ...GraphElement_Node }
    }
  }
`);

/** A node as the question about deleting it reads it. */
export const NodeDeleteFragment = graphql(`
  fragment NodeDelete_Node on GraphNode {
    id
    label
    title
    version
    changedBy
    changedAt
  }
`);

interface NodeDeleteProps {
  node: FragmentType<typeof NodeDeleteFragment>;
  /** Reads the node again from the server, past every cache; null when it no longer exists. Rejects with a message for people. */
  reload: () => Promise<FragmentType<typeof NodeDeleteFragment> | null>;
  onDeleted: (message: string) => void;
  onCancel: () => void;
  /** Called when someone else deleted the node first, with what to tell the person. */
  onGone: (message: string) => void;
}

/**
 * Asks before deleting a node. When others depend on it the API deletes nothing and names them:
 * they are listed as links, with the two ways on (deal with them first, or an admin deletes it
 * with everything under it). The delete names the version the person was asked about; if someone
 * else changed it since, nothing is deleted and the person reloads it and is asked again.
 */
export function NodeDelete({ node, reload, onDeleted, onCancel, onGone }: NodeDeleteProps) {
  const [, select] = useSelection();
  const [{ fetching }, remove] = useMutation(DeleteMutation);
  // The version the person is asked about; refreshes of the panel underneath do not change it.
  const [base, setBase] = useState(() => readFragment(NodeDeleteFragment, node));
  const [why, setWhy] = useState('');
  const [dependents, setDependents] = useState<GraphElement_NodeFragment[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [reloading, setReloading] = useState(false);
  const [reloaded, setReloaded] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const kind = labelName(base.label).toLowerCase();

  useEffect(() => {
    heading.current?.focus();
  }, [dependents, base]);

  const run = async (force: boolean) => {
    setFailure(null);
    const result = await remove({ id: base.id, version: base.version, why: why.trim() || null, force }, writeContext);
    if (result.error) {
      const refused = writeFailure(result.error);
      if (refused.conflict?.deleted) {
        onGone(`It was already deleted. ${refused.conflict.message}`);
        return;
      }
      setConflict(refused.conflict);
      setFailure(refused.message);
      return;
    }
    const outcome = result.data?.deleteNode;
    if (!outcome) return;
    if (outcome.deleted)
      onDeleted(`Deleted ${kind} “${base.title}”${force && outcome.dependents.length ? ` and ${outcome.dependents.length} items that depended on it` : ''}.`);
    else setDependents(readFragment(GraphNodeFragment, outcome.dependents));
  };

  /** Reads the node again and asks again about the version now stored. */
  const reloadAndAsk = async () => {
    const current = readFragment(NodeDeleteFragment, await reloadFor(reload, setReloading, setFailure));
    if (current === undefined) return;
    if (!current) {
      onGone('It was already deleted by someone else.');
      return;
    }
    setConflict(null);
    setFailure(null);
    setDependents(null);
    setReloaded(true);
    setBase(current);
  };

  const changedMeanwhile = conflict && !conflict.deleted;

  return (
    <div className="confirm-box warning-box" role="group" aria-labelledby="delete-heading">
      {dependents ? (
        <>
          <h3 id="delete-heading" ref={heading} tabIndex={-1}>
            Nothing was deleted: {dependents.length} {dependents.length === 1 ? 'item depends' : 'items depend'} on this {kind}
          </h3>
          <p>These sit under it or link to it, and would lose that link:</p>
          <ul className="dependents">
            {dependents.map((dependent) => (
              <li key={dependent.id}>
                <span className="badge">{describeNode(dependent)}</span>{' '}
                <button type="button" className="link-button" onClick={() => select(dependent.id)}>
                  {dependent.title}
                </button>
              </li>
            ))}
          </ul>
          <p>
            Delete, move or unlink them first, then delete this {kind}. Or ask an administrator: an admin can delete it together with everything under it, and
            the history keeps a record of what was removed.
          </p>
          <div className="button-row">
            {!changedMeanwhile && (
              <button type="button" className="warning-button" disabled={fetching} onClick={() => void run(true)}>
                Delete it and everything under it (admins only)
              </button>
            )}
            <button type="button" className="secondary-button" onClick={onCancel}>
              Keep it
            </button>
          </div>
        </>
      ) : (
        <>
          <h3 id="delete-heading" ref={heading} tabIndex={-1}>
            Delete “{base.title}”?
          </h3>
          {reloaded && (
            <p className="notice">
              Reloaded: this is version {base.version}
              {base.changedBy && `, saved by ${base.changedBy}`}
              {base.changedAt && (
                <>
                  {' '}
                  at <time dateTime={base.changedAt}>{formatTimeOn(base.changedAt)}</time>
                </>
              )}
              . Check it is still the {kind} you mean to delete.
            </p>
          )}
          <p>
            This removes the {kind} and its links from the graph. The history keeps a record of it, with your name. If other items depend on it, nothing is
            deleted and you are told which.
          </p>
          <WhyField id="delete-why" value={why} onChange={setWhy} />
          <div className="button-row">
            {!changedMeanwhile && (
              <button type="button" className="warning-button" disabled={fetching} onClick={() => void run(false)}>
                Yes, delete it
              </button>
            )}
            <button type="button" className="secondary-button" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </>
      )}
      {failure && (
        <div role="alert" className="message message-error">
          <p>
            Nothing was deleted. {failure}
            {changedMeanwhile && ' Reload it to see what changed, then decide again.'}
          </p>
          {changedMeanwhile && (
            <button type="button" className="secondary-button" disabled={reloading} onClick={() => void reloadAndAsk()}>
              Reload and ask again
            </button>
          )}
        </div>
      )}
    </div>
  );
}
