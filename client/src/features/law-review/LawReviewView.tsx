import { type ReactNode, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { type FragmentType, readFragment } from '../../generated/fragment-masking.ts';
import { graphql } from '../../generated/gql.ts';
import { Link } from '../../routing/Link.tsx';
import { hrefTo } from '../../routing/route.ts';
import { writeFailure } from '../authoring/errors.ts';
import { useSignedIn } from '../authoring/session.ts';
import { writeContext } from '../authoring/write-context.ts';
import './law-review.css';

const SuspectLinksQuery = graphql(`
  query LawReviewView_SuspectLinks {
    suspectLinks(first: 200) {
      link { id }
      ...SuspectLinkReview_SuspectLink
    }
  }
`);

const SuspectLinkFragment = graphql(`
  fragment SuspectLinkReview_SuspectLink on SuspectLink {
    link { id from to version }
    from { id title label planId }
    to { id title code label }
    act { id title }
    effects { id type date affectedProvisions affectingTitle affectingLegislationId affectingProvisions applied prospective url }
    moveTargets { id title code label }
  }
`);

const ConfirmMutation = graphql(`
  mutation SuspectLinkReview_Confirm($from: ID!, $to: ID!, $version: Int!, $effectIds: [ID!]!) {
    confirmLink(from: $from, to: $to, version: $version, effectIds: $effectIds) { id version }
  }
`);
const MoveMutation = graphql(`
  mutation SuspectLinkReview_Move($from: ID!, $to: ID!, $version: Int!, $newTo: ID!, $rationale: String!) {
    moveLink(from: $from, to: $to, version: $version, newTo: $newTo, rationale: $rationale) { id version }
  }
`);
const RetireMutation = graphql(`
  mutation SuspectLinkReview_Retire($from: ID!, $to: ID!, $version: Int!, $reason: String!) {
    retireLink(from: $from, to: $to, version: $version, reason: $reason) { id version }
  }
`);

/**
 * Links to the law that a change in the law (a repeal, substitution, amendment or commencement
 * loaded from legislation.gov.uk) has put in doubt, each with what changed and when, for an
 * editor to confirm, move to the provision that now applies, or retire.
 */
export function LawReviewView() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: SuspectLinksQuery, requestPolicy: 'cache-and-network' });
  const [done, setDone] = useState<string | null>(null);
  const signedIn = useSignedIn();
  const said = useRef<HTMLParagraphElement>(null);
  // The reviewed link's card is gone: keyboard and screen-reader users go on from what happened.
  useEffect(() => {
    if (done) said.current?.focus();
  }, [done]);
  const reviewed = (message: string) => {
    setDone(message);
    // The list may become empty, which urql's cache cannot tie to the write: read it again.
    refetch({ requestPolicy: 'network-only' });
  };
  const links = data?.suspectLinks ?? [];
  return (
    <section className="law-review" aria-labelledby="page-heading">
      <PageHeading title="Law changes to review">Law changes to review</PageHeading>
      <p className="intro">
        Links to the law made before the law changed. For each, check what changed, then confirm that the link still holds, move it to the provision that now
        applies, or retire it. Each review is kept in the item's history. The <Link href={hrefTo('gaps')}>gap list</Link> counts them as “Link to law that has
        changed since”.
      </p>
      {!signedIn && <p className="message">Sign in as an editor to review these links.</p>}
      <p role="status" ref={said} tabIndex={-1} className="message review-done" hidden={!done}>
        {done}
      </p>
      <QueryState fetching={fetching && !data} error={error} what="the links to review">
        {links.length === 0 ? (
          <p className="message">No link awaits review: nothing the links depend on has changed since they were last reviewed.</p>
        ) : (
          <>
            <p>
              {links.length} {links.length === 1 ? 'link awaits' : 'links await'} review, most recent change first.
            </p>
            <ul className="suspect-links">
              {links.map((row) => (
                <li key={row.link.id}>
                  <SuspectLinkReview suspect={row} canWrite={signedIn} onReviewed={reviewed} />
                </li>
              ))}
            </ul>
          </>
        )}
      </QueryState>
    </section>
  );
}

type Mode = 'idle' | 'move' | 'retire';

/** "repealed by the Care Act 2030 s. 5(2), in force 1 April 2030". */
function effectWords(effect: { type: string; affectingTitle?: string | null; affectingLegislationId?: string | null; affectingProvisions?: string | null }) {
  const by = effect.affectingTitle ?? effect.affectingLegislationId;
  return `${effect.type}${by ? ` by the ${by}` : ''}${effect.affectingProvisions ? ` ${effect.affectingProvisions}` : ''}`;
}

const longDate = (day: string | null | undefined) =>
  day && /^\d{4}-\d{2}-\d{2}/.test(day)
    ? new Date(`${day.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    : null;

/** One suspect link: what it joins, what changed and when, and the three ways to review it. */
function SuspectLinkReview({
  suspect: ref,
  canWrite,
  onReviewed,
}: {
  suspect: FragmentType<typeof SuspectLinkFragment>;
  canWrite: boolean;
  onReviewed: (message: string) => void;
}) {
  const suspect = readFragment(SuspectLinkFragment, ref);
  const [mode, setMode] = useState<Mode>('idle');
  const [failure, setFailure] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [newTo, setNewTo] = useState('');
  const [{ fetching: confirming }, confirm] = useMutation(ConfirmMutation);
  const [{ fetching: moving }, move] = useMutation(MoveMutation);
  const [{ fetching: retiring }, retire] = useMutation(RetireMutation);
  const opener = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  // A form opened in place takes the focus to its first field.
  useEffect(() => {
    if (mode !== 'idle') form.current?.querySelector<HTMLElement>('select, textarea')?.focus();
  }, [mode]);
  const ids = useId();
  const { link, from, to, act, effects } = suspect;
  const target = act ? `${to.code ?? to.title} of the ${act.title}` : to.title;
  const description = `${from.title} gives effect to ${target}`;
  const busy = confirming || moving || retiring;

  const outcome = (error: Parameters<typeof writeFailure>[0] | undefined, message: string) => {
    if (!error) return onReviewed(message);
    const refused = writeFailure(error);
    setFailure(refused.conflict ? `Not saved. ${refused.message} The list has been read again: review the link as it is now.` : refused.message);
  };
  const close = () => {
    setMode('idle');
    setFailure(null);
    requestAnimationFrame(() => opener.current?.focus());
  };

  return (
    <article className="suspect-link" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>
        <Link href={hrefTo('trace', { id: from.id })}>{from.title}</Link> gives effect to {target}
      </h2>
      <ul className="effects" aria-label="What changed">
        {effects.map((effect) => (
          <li key={effect.id}>
            <strong>{effectWords(effect)}</strong>
            {effect.affectedProvisions ? ` (${effect.affectedProvisions})` : ''}
            {effect.date
              ? `, ${effect.prospective && !effect.applied ? 'expected' : 'in force'} ${longDate(effect.date) ?? effect.date}`
              : ', date not yet set'}
            {effect.applied ? '' : ' (not yet in the revised text)'}
            {effect.url && (
              <>
                {' '}
                <a href={effect.url}>on legislation.gov.uk</a>
              </>
            )}
          </li>
        ))}
      </ul>
      {canWrite && mode === 'idle' && (
        <div className="review-actions">
          <button
            type="button"
            disabled={busy}
            aria-label={`Confirm: ${description}`}
            onClick={async () => {
              setFailure(null);
              const result = await confirm({ from: link.from, to: link.to, version: link.version, effectIds: effects.map(({ id }) => id) }, writeContext);
              outcome(result.error, `Confirmed: ${description}.`);
            }}
          >
            Confirm
          </button>
          <button type="button" ref={opener} disabled={busy} aria-label={`Move to…: ${description}`} onClick={() => setMode('move')}>
            Move to…
          </button>
          <button type="button" disabled={busy} aria-label={`Retire: ${description}`} onClick={() => setMode('retire')}>
            Retire
          </button>
        </div>
      )}
      {canWrite && mode === 'move' && (
        <ReviewForm
          formRef={form}
          reasonId={`${ids}-why`}
          reasonLabel="Why it moves (required)"
          reason={reason}
          onReason={setReason}
          submitLabel="Move link"
          busy={busy}
          onCancel={close}
          onSubmit={async () => {
            if (!newTo) return setFailure('Choose the provision the link moves to.');
            if (!reason.trim()) return setFailure('Say why the link moves.');
            const result = await move({ from: link.from, to: link.to, version: link.version, newTo, rationale: reason }, writeContext);
            outcome(result.error, `Moved: ${from.title} now gives effect to ${suspect.moveTargets.find(({ id }) => id === newTo)?.title ?? newTo}.`);
          }}
        >
          <label htmlFor={`${ids}-to`}>Move the link to</label>
          <select id={`${ids}-to`} value={newTo} onChange={(event) => setNewTo(event.target.value)} aria-required="true">
            <option value="">Choose a provision</option>
            {suspect.moveTargets.map((node) => (
              <option key={node.id} value={node.id}>
                {node.code ? `${node.code} ${node.title}` : node.title}
              </option>
            ))}
          </select>
        </ReviewForm>
      )}
      {canWrite && mode === 'retire' && (
        <ReviewForm
          formRef={form}
          reasonId={`${ids}-reason`}
          reasonLabel="Why the link ends (required)"
          reason={reason}
          onReason={setReason}
          submitLabel="Retire link"
          warning
          busy={busy}
          onCancel={close}
          onSubmit={async () => {
            if (!reason.trim()) return setFailure('Say why the link ends.');
            const result = await retire({ from: link.from, to: link.to, version: link.version, reason }, writeContext);
            outcome(result.error, `Retired: ${description}.`);
          }}
        />
      )}
      {failure && (
        <p role="alert" className="message message-error">
          {failure}
        </p>
      )}
    </article>
  );
}

/** A review that needs a reason: the fields the choice needs, the reason, then submit or cancel. */
function ReviewForm({
  formRef,
  reasonId,
  reasonLabel,
  reason,
  onReason,
  submitLabel,
  warning = false,
  busy,
  onCancel,
  onSubmit,
  children,
}: {
  formRef: RefObject<HTMLFormElement | null>;
  reasonId: string;
  reasonLabel: string;
  reason: string;
  onReason: (reason: string) => void;
  submitLabel: string;
  warning?: boolean;
  busy: boolean;
  onCancel: () => void;
  onSubmit: () => Promise<void>;
  /** The fields the choice needs before the reason. */
  children?: ReactNode;
}) {
  return (
    <form
      ref={formRef}
      className="review-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      {children}
      <label htmlFor={reasonId}>{reasonLabel}</label>
      <textarea id={reasonId} value={reason} onChange={(event) => onReason(event.target.value)} rows={2} aria-required="true" />
      <div className="review-actions">
        <button type="submit" className={warning ? 'warning-button' : undefined} disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
