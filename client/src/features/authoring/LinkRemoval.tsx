import { useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../generated/gql.ts';
import { writeErrorMessage } from './errors.ts';
import { writeContext } from './write-context.ts';

const DeleteLinkMutation = graphql(`
  mutation LinkRemoval_Delete($from: ID!, $type: String!, $to: ID!, $version: Int!) {
    deleteLink(from: $from, type: $type, to: $to, version: $version)
  }
`);

interface LinkRemovalProps {
  link: { from: string; type: string; to: string; version: number };
  /** "gives effect to Care Act 2014", for the button's name and the question. */
  description: string;
  onRemoved: (message: string) => void;
}

/** A "Remove" button for one link that asks first, in place. */
export function LinkRemoval({ link, description, onRemoved }: LinkRemovalProps) {
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, remove] = useMutation(DeleteLinkMutation);
  const confirm = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);

  const run = async () => {
    const result = await remove(link, writeContext);
    if (result.error) setFailure(writeErrorMessage(result.error));
    else onRemoved(`Removed the link: ${description}.`);
  };

  if (!asking) {
    return (
      <button type="button" ref={start} className="small-button" aria-label={`Remove link: ${description}`} onClick={() => setAsking(true)}>
        Remove
      </button>
    );
  }
  return (
    <span className="inline-confirm">
      <span>Remove this link?</span>{' '}
      <button type="button" ref={confirm} className="small-button warning-button" disabled={fetching} aria-label={`Yes, remove link: ${description}`} onClick={() => void run()}>
        Yes, remove
      </button>{' '}
      <button
        type="button"
        className="small-button"
        onClick={() => {
          setAsking(false);
          setFailure(null);
          requestAnimationFrame(() => start.current?.focus());
        }}
      >
        Cancel
      </button>
      {failure && (
        <span role="alert" className="error-message">
          {failure}
        </span>
      )}
    </span>
  );
}
