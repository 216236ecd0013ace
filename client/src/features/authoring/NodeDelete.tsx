import { useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { describeNode, labelName } from '../../components/labels.ts';
import { graphql } from '../../generated/gql.ts';
import type { NodeDelete_DeleteMutation } from '../../generated/graphql.ts';
import { useSelection } from '../../routing/route.ts';
import { writeErrorMessage } from './errors.ts';
import { WhyField } from './forms.tsx';
import { writeContext } from './write-context.ts';

const DeleteMutation = graphql(`
  mutation NodeDelete_Delete($id: ID!, $version: Int!, $why: String, $force: Boolean) {
    deleteNode(id: $id, version: $version, why: $why, force: $force) {
      deleted
      dependents { id label title code term corporate kind }
    }
  }
`);

type Dependent = NodeDelete_DeleteMutation['deleteNode']['dependents'][number];

interface NodeDeleteProps {
  node: { id: string; label: string; title: string; version: number };
  onDeleted: (message: string) => void;
  onCancel: () => void;
}

/**
 * Asks before deleting a node. When others depend on it the API deletes nothing and names them:
 * they are listed as links, with the two ways on (deal with them first, or an admin deletes it
 * with everything under it).
 */
export function NodeDelete({ node, onDeleted, onCancel }: NodeDeleteProps) {
  const [, select] = useSelection();
  const [{ fetching }, remove] = useMutation(DeleteMutation);
  const [why, setWhy] = useState('');
  const [dependents, setDependents] = useState<Dependent[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const kind = labelName(node.label).toLowerCase();

  useEffect(() => {
    heading.current?.focus();
  }, [dependents]);

  const run = async (force: boolean) => {
    setFailure(null);
    const result = await remove({ id: node.id, version: node.version, why: why.trim() || null, force }, writeContext);
    if (result.error) {
      setFailure(writeErrorMessage(result.error));
      return;
    }
    const outcome = result.data?.deleteNode;
    if (!outcome) return;
    if (outcome.deleted) onDeleted(`Deleted ${kind} “${node.title}”${force && outcome.dependents.length ? ` and ${outcome.dependents.length} items that depended on it` : ''}.`);
    else setDependents(outcome.dependents);
  };

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
            <button type="button" className="warning-button" disabled={fetching} onClick={() => void run(true)}>
              Delete it and everything under it (admins only)
            </button>
            <button type="button" className="secondary-button" onClick={onCancel}>
              Keep it
            </button>
          </div>
        </>
      ) : (
        <>
          <h3 id="delete-heading" ref={heading} tabIndex={-1}>
            Delete “{node.title}”?
          </h3>
          <p>
            This removes the {kind} and its links from the graph. The history keeps a record of it, with your name. If other items depend on it, nothing is
            deleted and you are told which.
          </p>
          <WhyField id="delete-why" value={why} onChange={setWhy} />
          <div className="button-row">
            <button type="button" className="warning-button" disabled={fetching} onClick={() => void run(false)}>
              Yes, delete it
            </button>
            <button type="button" className="secondary-button" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </>
      )}
      {failure && (
        <p role="alert" className="message message-error">
          Nothing was deleted. {failure}
        </p>
      )}
    </div>
  );
}
