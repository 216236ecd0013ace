import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';

interface QueryStateProps {
  fetching: boolean;
  error?: CombinedError;
  /** What is being loaded, for the messages: "the trace", "the gap list". */
  what: string;
  children: ReactNode;
}

/**
 * Shows loading and errors the same way everywhere, so no view is ever a blank page. Network
 * failures and errors reported by the API are told apart.
 */
export function QueryState({ fetching, error, what, children }: QueryStateProps) {
  if (error) {
    const message = error.networkError
      ? `Could not reach the server to load ${what}. Check your connection and try again.`
      : error.graphQLErrors.map((graphQLError) => graphQLError.message).join(' ');
    return (
      <div role="alert" className="message message-error">
        <p>
          <strong>Could not load {what}.</strong> {message}
        </p>
      </div>
    );
  }
  if (fetching) {
    return (
      <p role="status" className="message">
        Loading {what}…
      </p>
    );
  }
  return <>{children}</>;
}
