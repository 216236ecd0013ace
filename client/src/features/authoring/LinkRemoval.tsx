import { useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../generated/gql.ts';
import type { LinkType } from '../../generated/graphql.ts';
import { reloadFor, writeFailure } from './errors.ts';
import { writeContext } from './write-context.ts';

const DeleteLinkMutation = graphql(`
  mutation LinkRemoval_Delete($from: ID!, $type: LinkType!, $to: ID!, $version: Int!) {
    deleteLink(from: $from, type: $type, to: $to, version: $version)
  }
`);

interface LinkRemovalProps {
  link: { from: string; type: LinkType; to: string; version: number };
  /** "gives effect to Care Act 2014", for the button's name and the question. */
  description: string;
  /** Reads the link again from the server, past every cache; null when it no longer exists. Rejects with a message for people. */
  reload: () => Promise<{ version: number } | null>;
  onRemoved: (message: string) => void;
  /** Called when someone else removed the link first, with what to tell the person. */
  onGone: (message: string) => void;
}

/**
 * A "Remove" button for one link that asks first, in place. The removal names the version shown
 * when the person asked; if someone else changed the link since, nothing is removed and the
 * person reloads it and is asked again.
 */
export function LinkRemoval({ link, description, reload, onRemoved, onGone }: LinkRemovalProps) {
  // The version the person is asked about (null: not asking); later refreshes do not change it.
  const [asked, setAsked] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [{ fetching }, remove] = useMutation(DeleteLinkMutation);
  const confirm = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);

  // The confirming button is replaced by "Reload and ask again" on a conflict, and back after it.
  useEffect(() => {
    if (asked !== null) confirm.current?.focus();
  }, [asked, stale]);

  const run = async (version: number) => {
    const result = await remove({ from: link.from, type: link.type, to: link.to, version }, writeContext);
    if (!result.error) {
      onRemoved(`Removed the link: ${description}.`);
      return;
    }
    const refused = writeFailure(result.error);
    if (refused.conflict?.deleted) {
      onGone(`The link “${description}” was already removed. ${refused.conflict.message}`);
      return;
    }
    setStale(refused.conflict !== null);
    setFailure(refused.conflict ? `Not removed. ${refused.message} Reload it to see what changed, then decide again.` : refused.message);
  };

  const reloadAndAsk = async () => {
    const current = await reloadFor(reload, setReloading, setFailure);
    if (current === undefined) return;
    if (!current) {
      onGone(`The link “${description}” was already removed by someone else.`);
      return;
    }
    setStale(false);
    setFailure(null);
    setAsked(current.version);
  };

  if (asked === null) {
    return (
      <button type="button" ref={start} className="small-button" aria-label={`Remove link: ${description}`} onClick={() => setAsked(link.version)}>
        Remove
      </button>
    );
  }
  return (
    <span className="inline-confirm">
      <span>Remove this link?</span>{' '}
      {stale ? (
        <button
          type="button"
          ref={confirm}
          className="small-button"
          disabled={reloading}
          aria-label={`Reload and ask again: ${description}`}
          onClick={() => void reloadAndAsk()}
        >
          Reload and ask again
        </button>
      ) : (
        <button
          type="button"
          ref={confirm}
          className="small-button warning-button"
          disabled={fetching}
          aria-label={`Yes, remove link: ${description}`}
          onClick={() => void run(asked)}
        >
          Yes, remove
        </button>
      )}{' '}
      <button
        type="button"
        className="small-button"
        onClick={() => {
          setAsked(null);
          setFailure(null);
          setStale(false);
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
