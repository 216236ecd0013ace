import { useId } from 'react';
import { useRoute, useUpdateParams } from '../routing/route.ts';
import { AS_AT_PARAM, asAtInWords, isAsAtDate } from './as-at-date.ts';
import './as-at.css';

/**
 * The date the current view is asked as at (`?asAt=2019-04-01`), or null for today. A value that
 * is not a date counts as today, and the control says so.
 */
export function useAsAt(): string | null {
  const value = useRoute().params.get(AS_AT_PARAM);
  return value && isAsAtDate(value) ? value : null;
}

/**
 * The “As at” date of a view: a labelled date field whose value sits in the URL, so the view as
 * at a date can be shared and reloads as it was, and a sentence saying the date in words.
 * Clearing the field, or “Today”, asks as at today again. `compact` keeps it to one line, the
 * date in words beside the field and no explanation, for a view with no height to spare.
 *
 * @example
 * const asAt = useAsAt();
 * const [result] = useQuery({ query, variables: { id, asAt } });
 * return <AsAtControl what="the trace" />;
 */
export function AsAtControl({ what, compact = false }: { what: string; compact?: boolean }) {
  const id = useId();
  const asAt = useAsAt();
  const raw = useRoute().params.get(AS_AT_PARAM);
  const updateParams = useUpdateParams();
  const choose = (value: string) => {
    if (!value) updateParams({ [AS_AT_PARAM]: null });
    // A year still being typed (0002, 0020, 0201) is a valid date too: wait for the fourth digit.
    else if (isAsAtDate(value) && Number(value.slice(0, 4)) >= 1000) updateParams({ [AS_AT_PARAM]: value }, { replace: asAt !== null });
  };
  return (
    <div className={compact ? 'as-at as-at-compact' : 'as-at'}>
      <label htmlFor={`${id}-date`}>As at</label>
      <input id={`${id}-date`} type="date" value={asAt ?? ''} onChange={(event) => choose(event.target.value)} aria-describedby={`${id}-words`} />
      {asAt && (
        <button type="button" className="secondary-button" onClick={() => updateParams({ [AS_AT_PARAM]: null })}>
          Today
        </button>
      )}
      <p id={`${id}-words`} className="as-at-words" aria-live="polite">
        {asAt && compact ? (
          <>
            Showing {what} <strong>as at {asAtInWords(asAt)}</strong>
          </>
        ) : asAt ? (
          <>
            Showing {what} <strong>as at {asAtInWords(asAt)}</strong>: plans in force then, links that held then, and the law as it stood.
          </>
        ) : (
          <>
            Showing {what} as at today{raw ? ` (“${raw}” is not a date written YYYY-MM-DD)` : ''}.
          </>
        )}
      </p>
    </div>
  );
}

/**
 * What the date says about one node, in words beside its name: “repealed on 1 June 2021” for
 * law repealed by then, “not in force then” for a plan or an item of a plan that was not.
 */
export function AsAtNote({ node }: { node: { inForce?: boolean | null; repealedOn?: string | null } }) {
  if (node.repealedOn) return <span className="as-at-note as-at-repealed"> (repealed on {asAtInWords(node.repealedOn)})</span>;
  if (node.inForce === false) return <span className="as-at-note"> (not in force then)</span>;
  return null;
}
