import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { labelName } from '../../components/labels.ts';
import { graphql } from '../../generated/gql.ts';
import { formErrors } from './errors.ts';
import { ErrorSummary, fieldLabels, noProblems, PropertyFields, WhyField, type Problems } from './forms.tsx';
import { checkValues, initialValues, propertyChanges, type FormValues } from './model.ts';
import { writeContext } from './write-context.ts';

const UpdateMutation = graphql(`
  mutation NodeEditor_Update($id: ID!, $version: Int!, $properties: JSON!, $why: String) {
    updateNode(id: $id, version: $version, properties: $properties, why: $why) { id label title code term text kind status corporate discretionary properties version changedBy changedAt }
  }
`);

interface NodeEditorProps {
  node: { id: string; label: string; title: string; properties: unknown; version: number };
  /** Called with what was done, to announce it; or with null when cancelled. */
  onDone: (message: string | null) => void;
}

/** The edit form of a node: its kind's properties, checked here and by the API, with a reason to record. */
export function NodeEditor({ node, onDone }: NodeEditorProps) {
  const properties = (node.properties ?? {}) as Record<string, unknown>;
  const [values, setValues] = useState<FormValues>(() => initialValues(node.label, { ...properties, title: node.title }));
  const [why, setWhy] = useState('');
  const [problems, setProblems] = useState<Problems>(noProblems);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);
  const [{ fetching }, update] = useMutation(UpdateMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkValues(node.label, values);
    if (found.length) {
      setProblems({ fields: found, general: [] });
      return;
    }
    const changes = propertyChanges(node.label, { ...properties, title: node.title }, values);
    if (Object.keys(changes).length === 0) {
      setProblems({ fields: [], general: ['You have not changed anything. Change a value, or cancel.'] });
      return;
    }
    const result = await update({ id: node.id, version: node.version, properties: changes, why: why.trim() || null }, writeContext);
    if (result.error) {
      setProblems(formErrors(result.error, fieldLabels(node.label)));
      return;
    }
    setProblems(noProblems);
    onDone(`Saved your changes to ${labelName(node.label).toLowerCase()} “${result.data?.updateNode.title ?? node.title}”.`);
  };

  return (
    <form className="authoring-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="edit-heading">
      <h3 id="edit-heading" ref={heading} tabIndex={-1}>Edit this {labelName(node.label).toLowerCase()}</h3>
      <ErrorSummary problems={problems} idPrefix="edit" />
      <PropertyFields label={node.label} idPrefix="edit" values={values} problems={problems} onChange={(key, value) => setValues((current) => ({ ...current, [key]: value }))} />
      <WhyField id="edit-why" value={why} onChange={setWhy} />
      <div className="button-row">
        <button type="submit" className="primary-button" disabled={fetching}>
          Save changes
        </button>
        <button type="button" className="secondary-button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
      <p role="status" className="message">
        {fetching ? 'Saving…' : ''}
      </p>
    </form>
  );
}
