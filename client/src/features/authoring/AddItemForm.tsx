import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Options } from '../../components/Options.tsx';
import { labelName } from '../../components/labels.ts';
import { graphql } from '../../generated/gql.ts';
import { formErrors } from './errors.ts';
import { ErrorSummary, Field, fieldLabels, noProblems, PropertyFields, SubmitOrCancel, WhyField, type Problems } from './forms.tsx';
import { checkValues, childKinds, newNodeInput, type FormValues } from './model.ts';
import { writeContext } from './write-context.ts';

const CreateMutation = graphql(`
  mutation AddItemForm_Create($input: NodeInput!, $why: String) {
    createNode(input: $input, why: $why) { id label title }
  }
`);

interface AddItemFormProps {
  parent: { id: string; label: string; title: string };
  /** Called with the new node, or null when cancelled. */
  onDone: (created: { id: string; label: string; title: string } | null) => void;
}

/** Adds a priority, objective or action under a plan or item, placed there by a curated link. */
export function AddItemForm({ parent, onDone }: AddItemFormProps) {
  const kinds = childKinds(parent.label);
  // Under a plan the next level is usually a priority; under anything else, an action.
  const [label, setLabel] = useState(parent.label !== 'Plan' && kinds.includes('Action') ? 'Action' : (kinds[0] ?? 'Action'));
  const [values, setValues] = useState<FormValues>({});
  const [why, setWhy] = useState('');
  const [problems, setProblems] = useState<Problems>(noProblems);
  const [{ fetching }, create] = useMutation(CreateMutation);
  const heading = useRef<HTMLHeadingElement>(null);
  const idPrefix = 'add-item';

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkValues(label, values);
    if (found.length) {
      setProblems({ fields: found, general: [] });
      return;
    }
    const { title, properties } = newNodeInput(label, values);
    const result = await create({ input: { label, parentId: parent.id, title, properties }, why: why.trim() || null }, writeContext);
    if (result.error || !result.data) {
      setProblems(
        result.error ? formErrors(result.error, fieldLabels(label, { label: 'Kind of item' })) : { fields: [], general: ['The server sent no answer.'] },
      );
      return;
    }
    onDone(result.data.createNode);
  };

  return (
    <form className="authoring-form add-item-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${idPrefix}-heading`}>
      <h3 id={`${idPrefix}-heading`} ref={heading} tabIndex={-1}>
        Add an item under {parent.title}
      </h3>
      <ErrorSummary problems={problems} idPrefix={idPrefix} />
      <Field id={`${idPrefix}-label`} label="Kind of item" error={problems.fields.find(({ field }) => field === 'label')?.message}>
        {(described) => (
          <select {...described} value={label} onChange={(event) => setLabel(event.target.value as typeof label)}>
            <Options values={kinds} name={labelName} />
          </select>
        )}
      </Field>
      <PropertyFields
        label={label}
        idPrefix={idPrefix}
        values={values}
        problems={problems}
        onChange={(key, value) => setValues((current) => ({ ...current, [key]: value }))}
      />
      <WhyField id={`${idPrefix}-why`} value={why} onChange={setWhy} />
      <SubmitOrCancel label={`Add ${labelName(label).toLowerCase()}`} busy={fetching} onCancel={() => onDone(null)} />
    </form>
  );
}
