import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useMutation } from 'urql';
import { labelName } from '../../components/labels.ts';
import { type FragmentType, readFragment } from '../../generated/fragment-masking.ts';
import { graphql } from '../../generated/gql.ts';
import type { NodeEditor_NodeFragment } from '../../generated/graphql.ts';
import { formErrors, reloadFor, type Conflict } from './errors.ts';
import { ErrorSummary, fieldLabels, noProblems, PropertyFields, SubmitOrCancel, WhyField, type Problems } from './forms.tsx';
import { formatTimeOn } from './history.ts';
import { checkValues, initialValues, propertyChanges, rebaseValues, type ChangedMeanwhile, type FormValues } from './model.ts';
import { writeContext } from './write-context.ts';

const UpdateMutation = graphql(`
  mutation NodeEditor_Update($id: ID!, $version: Int!, $properties: JSON!, $why: String) {
    updateNode(id: $id, version: $version, properties: $properties, why: $why) { id title }
  }
`);

/** A node as the editor reads it: its properties and the version they belong to. */
export const NodeEditorFragment = graphql(`
  fragment NodeEditor_Node on GraphNode {
    id
    label
    title
    properties
    version
    changedBy
    changedAt
  }
`);

interface NodeEditorProps {
  node: FragmentType<typeof NodeEditorFragment>;
  /** Reads the node again from the server, past every cache; null when it no longer exists. Rejects with a message for people. */
  reload: () => Promise<FragmentType<typeof NodeEditorFragment> | null>;
  /** Called with what was done, to announce it; or with null when cancelled. */
  onDone: (message: string | null) => void;
  /** Called when someone else deleted the node meanwhile, with what to tell the person. */
  onGone: (message: string) => void;
}

/** What a reload after a conflict found: the version now stored and the fields changed meanwhile. */
interface Reloaded {
  version: number;
  changedBy: string | null;
  changedAt: string | null;
  changed: ChangedMeanwhile[];
}

/** The stored properties a form starts from, title included. */
const storedValues = (node: NodeEditor_NodeFragment) => ({ ...((node.properties ?? {}) as Record<string, unknown>), title: node.title });

/**
 * The edit form of a node: its kind's properties, checked here and by the API, with a reason to
 * record. A save names the version the form was opened with; if someone else saved first, the
 * form keeps what the person typed, says who changed it and when, and on reload shows what they
 * changed and saves against the new version.
 */
export function NodeEditor({ node, reload, onDone, onGone }: NodeEditorProps) {
  // The version the person is editing: the one opened, or the one reloaded after a conflict.
  // Refreshes of the panel underneath do not change it, so no save ever skips a conflict.
  const [base, setBase] = useState(() => readFragment(NodeEditorFragment, node));
  const [values, setValues] = useState<FormValues>(() => initialValues(base.label, storedValues(base)));
  const [why, setWhy] = useState('');
  const [problems, setProblems] = useState<Problems>(noProblems);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [reloaded, setReloaded] = useState<Reloaded | null>(null);
  const [reloading, setReloading] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const reloadedHeading = useRef<HTMLHeadingElement>(null);
  const kind = labelName(base.label).toLowerCase();

  useEffect(() => {
    heading.current?.focus();
  }, []);
  useEffect(() => {
    if (reloaded) reloadedHeading.current?.focus();
  }, [reloaded]);
  const [{ fetching }, update] = useMutation(UpdateMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkValues(base.label, values);
    if (found.length) {
      setProblems({ fields: found, general: [] });
      return;
    }
    const changes = propertyChanges(base.label, storedValues(base), values);
    if (Object.keys(changes).length === 0) {
      setProblems({ fields: [], general: ['You have not changed anything. Change a value, or cancel.'] });
      return;
    }
    const result = await update({ id: base.id, version: base.version, properties: changes, why: why.trim() || null }, writeContext);
    if (result.error) {
      const refused = formErrors(result.error, fieldLabels(base.label));
      if (refused.conflict?.deleted) {
        onGone(`Your changes were not saved. ${refused.conflict.message}`);
        return;
      }
      setConflict(refused.conflict);
      setProblems(refused);
      return;
    }
    setProblems(noProblems);
    onDone(`Saved your changes to ${kind} “${result.data?.updateNode.title ?? base.title}”.`);
  };

  const reloadCurrent = async () => {
    const current = readFragment(NodeEditorFragment, await reloadFor(reload, setReloading, (message) => setProblems({ fields: [], general: [message] })));
    if (current === undefined) return;
    if (!current) {
      onGone(`Your changes were not saved: someone else deleted this ${kind}.`);
      return;
    }
    const rebased = rebaseValues(base.label, storedValues(base), storedValues(current), values);
    setValues(rebased.values);
    setBase(current);
    setConflict(null);
    setProblems(noProblems);
    setReloaded({ version: current.version, changedBy: current.changedBy ?? null, changedAt: current.changedAt ?? null, changed: rebased.changed });
  };

  return (
    <form className="authoring-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="edit-heading">
      <h3 id="edit-heading" ref={heading} tabIndex={-1}>
        Edit this {kind}
      </h3>
      <ErrorSummary problems={problems} idPrefix="edit" title={conflict ? 'Your changes were not saved' : undefined}>
        {conflict && (
          <>
            <p>What you typed is still in the form. Reload the current version to see what changed; your changes are kept, and you can save them again.</p>
            <button type="button" className="secondary-button" disabled={reloading} onClick={() => void reloadCurrent()}>
              Reload the current version
            </button>
          </>
        )}
      </ErrorSummary>
      {reloaded && <ReloadedNotice reloaded={reloaded} headingRef={reloadedHeading} />}
      <PropertyFields
        label={base.label}
        idPrefix="edit"
        values={values}
        problems={problems}
        onChange={(key, value) => setValues((current) => ({ ...current, [key]: value }))}
      />
      <WhyField id="edit-why" value={why} onChange={setWhy} />
      <SubmitOrCancel label="Save changes" busy={fetching || reloading} onCancel={() => onDone(null)} />
      <p role="status" className="message">
        {fetching ? 'Saving…' : reloading ? 'Reloading the current version…' : ''}
      </p>
    </form>
  );
}

/** After a reload: which version the form now edits, and each field changed meanwhile beside what the person typed. */
function ReloadedNotice({ reloaded, headingRef }: { reloaded: Reloaded; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const { version, changedBy, changedAt, changed } = reloaded;
  return (
    <div className="notice reloaded-notice" role="region" aria-labelledby="edit-reloaded-heading">
      <h4 id="edit-reloaded-heading" ref={headingRef} tabIndex={-1}>
        Reloaded: you are now editing version {version}
      </h4>
      <p>
        {changedBy ?? 'Someone else'} saved it
        {changedAt && (
          <>
            {' '}
            at <time dateTime={changedAt}>{formatTimeOn(changedAt)}</time>
          </>
        )}
        .
      </p>
      {changed.length === 0 ? (
        <p>None of the values in this form changed meanwhile.</p>
      ) : (
        <>
          <p id="edit-meanwhile-title" className="meanwhile-title">
            Changed while you were editing:
          </p>
          <ul className="meanwhile-list" aria-labelledby="edit-meanwhile-title">
            {changed.map((row) => (
              <li key={row.key}>
                <span className="meanwhile-field">{row.label}</span>
                <dl>
                  <div>
                    <dt>When you opened it</dt>
                    <dd>{row.before}</dd>
                  </div>
                  <div>
                    <dt>Now</dt>
                    <dd>{row.now}</dd>
                  </div>
                  <div>
                    <dt>Yours</dt>
                    <dd>{row.yours ?? 'unchanged by you, so the form shows the new value'}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>What you typed is kept in the form below. Check it, then save your changes again.</p>
    </div>
  );
}
