import { useEffect, useRef, type ReactNode } from 'react';
import { Options } from '../../components/Options.tsx';
import './authoring.css';
import type { FieldMessage } from './errors.ts';
import { fieldSpecs, optionLabel, type FieldSpec, type FormValues } from './model.ts';

/** What a form shows after a failed check or write. */
export interface Problems {
  fields: FieldMessage[];
  general: string[];
}

export const noProblems: Problems = { fields: [], general: [] };

export const hasProblems = (problems: Problems) => problems.fields.length > 0 || problems.general.length > 0;

/** The message for one input, if any. */
export const problemOf = (problems: Problems, field: string) => problems.fields.find((problem) => problem.field === field)?.message;

/**
 * The error summary at the top of a form (as GOV.UK designs it): a heading, then each problem as
 * a link to the input at fault, then what the person can do about it (`children`, such as a
 * button to reload). It takes focus when it appears, so screen-reader users hear it.
 */
export function ErrorSummary({
  problems,
  idPrefix,
  title = 'There is a problem',
  children,
}: {
  problems: Problems;
  idPrefix: string;
  title?: string;
  children?: ReactNode;
}) {
  const summary = useRef<HTMLDivElement>(null);
  const shown = hasProblems(problems);
  useEffect(() => {
    if (shown) summary.current?.focus();
  }, [problems, shown]);
  if (!shown) return null;
  const focusInput = (id: string) => {
    const input = document.getElementById(id);
    input?.focus();
    input?.scrollIntoView({ block: 'center' });
  };
  return (
    <div className="error-summary" ref={summary} tabIndex={-1} role="alert" aria-labelledby={`${idPrefix}-summary-title`}>
      <h2 id={`${idPrefix}-summary-title`} className="error-summary-title">
        {title}
      </h2>
      <ul className="error-summary-list">
        {problems.general.map((message) => (
          <li key={message}>{message}</li>
        ))}
        {problems.fields.map(({ field, message }) => (
          <li key={field}>
            <a
              href={`#${idPrefix}-${field}`}
              onClick={(event) => {
                event.preventDefault();
                focusInput(`${idPrefix}-${field}`);
              }}
            >
              {message}
            </a>
          </li>
        ))}
      </ul>
      {children}
    </div>
  );
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Renders the input with the attributes that tie it to its hint and error. */
  children: (described: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
  /** A checkbox puts its label after the box. */
  checkbox?: boolean;
}

/** One labelled input with its hint and inline error, both tied to it through aria-describedby. */
export function Field({ id, label, hint, error, children, checkbox = false }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const input = children({ id, ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(error ? { 'aria-invalid': true as const } : {}) });
  const labelElement = (
    <label htmlFor={id} className={checkbox ? 'checkbox-label' : 'field-label'}>
      {label}
    </label>
  );
  return (
    <div className={`form-group${error ? ' form-group-error' : ''}${checkbox ? ' form-group-checkbox' : ''}`}>
      {!checkbox && labelElement}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="error-message">
          <span className="visually-hidden">Error:</span> {error}
        </p>
      )}
      {checkbox ? (
        <div className="checkbox-row">
          {input}
          {labelElement}
        </div>
      ) : (
        input
      )}
    </div>
  );
}

/** One property's input, as its spec says: text, long text, a choice, a tick box, a year or a date. */
function PropertyInput({
  spec,
  idPrefix,
  value,
  error,
  onChange,
}: {
  spec: FieldSpec;
  idPrefix: string;
  value: string | boolean | undefined;
  error?: string | undefined;
  onChange: (value: string | boolean) => void;
}) {
  const id = `${idPrefix}-${spec.key}`;
  return (
    <Field id={id} label={spec.label} hint={spec.hint} error={error} checkbox={spec.type === 'checkbox'}>
      {(described) => {
        if (spec.type === 'checkbox')
          return <input type="checkbox" {...described} checked={value === true} onChange={(event) => onChange(event.target.checked)} />;
        const text = typeof value === 'string' ? value : '';
        if (spec.type === 'textarea') return <textarea {...described} rows={3} value={text} onChange={(event) => onChange(event.target.value)} />;
        if (spec.type === 'select') {
          return (
            <select {...described} value={text} onChange={(event) => onChange(event.target.value)}>
              <option value="">{spec.required ? 'Choose…' : 'None'}</option>
              <Options values={spec.options ?? []} name={optionLabel} />
            </select>
          );
        }
        return (
          <input
            type="text"
            {...described}
            value={text}
            inputMode={spec.type === 'year' ? 'numeric' : undefined}
            className={spec.type === 'year' || spec.type === 'date' ? 'input-short' : undefined}
            autoComplete="off"
            spellCheck={spec.type === 'text'}
            onChange={(event) => onChange(event.target.value)}
          />
        );
      }}
    </Field>
  );
}

/** Every property input of a kind of node. */
export function PropertyFields({
  label,
  idPrefix,
  values,
  problems,
  onChange,
}: {
  label: string;
  idPrefix: string;
  values: FormValues;
  problems: Problems;
  onChange: (key: string, value: string | boolean) => void;
}) {
  return (
    <>
      {(fieldSpecs[label] ?? []).map((spec) => (
        <PropertyInput
          key={spec.key}
          spec={spec}
          idPrefix={idPrefix}
          value={values[spec.key]}
          error={problemOf(problems, spec.key)}
          onChange={(value) => onChange(spec.key, value)}
        />
      ))}
    </>
  );
}

/** The optional "why" every write records in the history. */
export function WhyField({ id, value, onChange }: { id: string; value: string; onChange: (value: string) => void }) {
  return (
    <Field id={id} label="Why (optional)" hint="Recorded in the history with your name, for example: agreed at the March board.">
      {(described) => <input type="text" {...described} value={value} maxLength={500} autoComplete="off" onChange={(event) => onChange(event.target.value)} />}
    </Field>
  );
}

/** A form's submit button and its Cancel, side by side. */
export function SubmitOrCancel({ label, busy, onCancel }: { label: string; busy: boolean; onCancel: () => void }) {
  return (
    <div className="button-row">
      <button type="submit" className="primary-button" disabled={busy}>
        {label}
      </button>
      <button type="button" className="secondary-button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

/** The field labels of a kind, for mapping the API's field names to messages. */
export const fieldLabels = (label: string, extra: Record<string, string> = {}): Record<string, string> => ({
  ...Object.fromEntries((fieldSpecs[label] ?? []).map((spec) => [spec.key, spec.label])),
  ...extra,
});
