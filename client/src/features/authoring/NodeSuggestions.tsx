import { useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { QueryState } from '../../components/QueryState.tsx';
import { labelName, linkPhrase } from '../../components/labels.ts';
import { graphql } from '../../generated/gql.ts';
import type { LinkType } from '../../generated/graphql.ts';
import { useSelection } from '../../routing/route.ts';
import { writeErrorMessage, writeFailure } from './errors.ts';
import { useSignedIn } from './session.ts';
import { suggestionsContext, writeContext } from './write-context.ts';

const SuggestionsQuery = graphql(`
  query NodeSuggestions_List($id: ID!) {
    suggestions(id: $id) {
      edge { id type from to basis version }
      target { id label title }
      score
      reason
    }
  }
`);

const SuggestMutation = graphql(`
  mutation NodeSuggestions_Suggest($id: ID!) {
    suggestLinks(id: $id, first: 10) {
      edge { id type from to basis version }
    }
  }
`);

const AcceptMutation = graphql(`
  mutation NodeSuggestions_Accept($from: ID!, $type: LinkType!, $to: ID!, $version: Int) {
    acceptSuggestion(from: $from, type: $type, to: $to, version: $version) { id type from to basis rationale by at version }
  }
`);

const RejectMutation = graphql(`
  mutation NodeSuggestions_Reject($from: ID!, $type: LinkType!, $to: ID!, $version: Int) {
    rejectSuggestion(from: $from, type: $type, to: $to, version: $version)
  }
`);

/** What the section says after a click; `stale` offers to reload a list someone else changed. */
type Message = { kind: 'status' | 'error'; text: string; stale?: boolean } | null;

/**
 * The links the tool suggests for an item, strongest first, each with its score and reason.
 * Signed-in editors ask for suggestions and accept (the link becomes curated, with the reason as
 * its rationale) or reject (it is removed and not suggested again) each with one click, naming
 * the version of the suggestion they saw: one changed since is refused, and the list reloaded.
 */
export function NodeSuggestions({ id, title }: { id: string; title: string }) {
  const signedIn = useSignedIn();
  const [, select] = useSelection();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: SuggestionsQuery, variables: { id }, context: suggestionsContext });
  const [suggesting, suggest] = useMutation(SuggestMutation);
  const [, accept] = useMutation(AcceptMutation);
  const [, reject] = useMutation(RejectMutation);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const askForSuggestions = async () => {
    setMessage(null);
    const result = await suggest({ id }, writeContext);
    if (result.error) setMessage({ kind: 'error', text: `No suggestions were made. ${writeErrorMessage(result.error)}` });
    else {
      const count = result.data?.suggestLinks.length ?? 0;
      setMessage({
        kind: 'status',
        text: count === 0 ? 'The tool found nothing new to suggest.' : `The tool suggested ${count} ${count === 1 ? 'link' : 'links'}.`,
      });
    }
  };

  const decide = async (
    decision: 'accept' | 'reject',
    edge: { id: string; from: string; type: LinkType; to: string; version: number },
    description: string,
  ) => {
    setBusy(edge.id);
    setMessage(null);
    const variables = { from: edge.from, type: edge.type, to: edge.to, version: edge.version };
    const result = decision === 'accept' ? await accept(variables, writeContext) : await reject(variables, writeContext);
    setBusy(null);
    if (result.error) {
      const refused = writeFailure(result.error);
      const stale = refused.conflict !== null && !refused.conflict.deleted;
      setMessage({
        kind: 'error',
        text: `Could not ${decision} “${description}”. ${refused.message}${stale ? ' Reload the suggestions to see it as it is now, then decide again.' : ''}`,
        stale,
      });
      return;
    }
    setMessage({
      kind: 'status',
      text:
        decision === 'accept'
          ? `Accepted: “${description}” is now curated by a person.`
          : `Rejected: “${description}” is removed and will not be suggested again.`,
    });
    // The button pressed is gone; the section's heading keeps the reader's place.
    heading.current?.focus();
  };

  const suggestions = data?.suggestions ?? [];
  return (
    <section aria-labelledby="suggestions-heading" className="panel-section">
      <h3 id="suggestions-heading" ref={heading} tabIndex={-1}>
        Suggested links
      </h3>
      <p className="hint">
        The tool proposes these from the item’s own words and from items worded like it. They count for nothing until a person accepts them.
      </p>
      {signedIn ? (
        <p>
          <button type="button" className="secondary-button" disabled={suggesting.fetching} onClick={() => void askForSuggestions()}>
            Suggest links
          </button>
        </p>
      ) : (
        <p>Sign in to edit to ask for suggestions and to accept or reject them.</p>
      )}
      <div role="status" className="panel-status">
        {suggesting.fetching && 'Looking for links to suggest…'}
        {message?.kind === 'status' && message.text}
      </div>
      {message?.kind === 'error' && (
        <div role="alert" className="message message-error">
          <p>{message.text}</p>
          {message.stale && (
            <button
              type="button"
              className="secondary-button"
              onClick={() => {
                reexecute({ requestPolicy: 'network-only' });
                setMessage({ kind: 'status', text: 'Reloaded the suggestions.' });
                heading.current?.focus();
              }}
            >
              Reload the suggestions
            </button>
          )}
        </div>
      )}
      <QueryState fetching={fetching && !data} error={error} what="the suggestions">
        {data && suggestions.length === 0 && <p>No suggestions waiting.</p>}
        {suggestions.length > 0 && (
          <ul className="suggestion-list" aria-label={`Suggestions for ${title}`}>
            {suggestions.map(({ edge, target, score, reason }) => {
              const description = `${linkPhrase(edge.type)} ${target.title}`;
              return (
                <li key={edge.id} className="suggestion">
                  <p className="suggestion-link">
                    {linkPhrase(edge.type)} <span className="badge">{labelName(target.label)}</span>{' '}
                    <button type="button" className="link-button" onClick={() => select(target.id)}>
                      {target.title}
                    </button>
                  </p>
                  <p className="suggestion-score">Score {score.toFixed(2)} of 1</p>
                  <p className="rationale">{reason}</p>
                  {signedIn && (
                    <p className="button-row">
                      <button
                        type="button"
                        className="secondary-button"
                        disabled={busy !== null}
                        aria-label={`Accept: ${description}`}
                        onClick={() => void decide('accept', edge, description)}
                      >
                        Accept
                      </button>
                      <button
                        type="button"
                        className="secondary-button"
                        disabled={busy !== null}
                        aria-label={`Reject: ${description}`}
                        onClick={() => void decide('reject', edge, description)}
                      >
                        Reject
                      </button>
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
