/**
 * What a person may write, as the API checks it (server/src/import/seed-format.ts): the
 * properties of each kind of node, with what sits under what and which kinds a link of each type
 * may join from the graph model (schema/graph-model.ts). The forms use these to offer only what
 * the API accepts and to catch simple slips before sending; the API remains the judge and its
 * messages are shown.
 */
import {
  authorityKinds,
  evidenceGrades,
  evidenceKinds,
  hierarchy,
  type ItemLabel,
  type LinkRule,
  linkRuleOf,
  linkRules as modelLinkRules,
  organisationKinds,
  type PlacedLabel,
  planKinds,
  planStatuses,
  polarities,
  type StatedLinkType,
} from '../../../../schema/graph-model.ts';

export type FieldType = 'text' | 'textarea' | 'select' | 'checkbox' | 'year' | 'date';

export interface FieldSpec {
  /** The property's name, as the API takes it. */
  key: string;
  label: string;
  type: FieldType;
  hint?: string;
  required?: boolean;
  /** The allowed values of a select, as the API spells them. */
  options?: readonly string[];
  /** The most characters the API accepts. */
  maxLength?: number;
}

/** FORM_CONSTANT → "Form constant", for option labels. */
export const optionLabel = (value: string) => {
  const words = value.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const title: FieldSpec = { key: 'title', label: 'Title', type: 'text', required: true, maxLength: 400, hint: 'As the source words it.' };
const code: FieldSpec = {
  key: 'code',
  label: 'Code',
  type: 'text',
  hint: 'The source’s own number or name for it, such as 1, A or Strategic Priority 1. Optional.',
};
const term: FieldSpec = {
  key: 'term',
  label: 'Term',
  type: 'text',
  hint: 'What the source calls this level, such as We will, Deliverable or Key action. Optional.',
};
const text: FieldSpec = { key: 'text', label: 'Full statement', type: 'textarea', hint: 'The full wording, where it is longer than the title. Optional.' };

/** The fields of each kind a person can create or edit, in the order the forms show them. */
export const fieldSpecs: Record<string, readonly FieldSpec[]> = {
  Plan: [
    title,
    {
      key: 'kind',
      label: 'Kind of plan',
      type: 'select',
      required: true,
      options: planKinds,
    },
    { key: 'status', label: 'Status', type: 'select', required: true, options: planStatuses },
    { key: 'periodStart', label: 'First year', type: 'year', hint: 'For example, 2024. Optional.' },
    { key: 'periodEnd', label: 'Last year', type: 'year', hint: 'For example, 2029. Optional.' },
    text,
  ],
  Priority: [title, code, term, text, { key: 'corporate', label: 'A council-wide priority, outcome or vision', type: 'checkbox' }],
  Objective: [title, code, term, text],
  Action: [
    title,
    code,
    term,
    text,
    { key: 'discretionary', label: 'Needs no statutory basis (discretionary)', type: 'checkbox' },
    { key: 'discretionaryReason', label: 'Why it needs no statutory basis', type: 'textarea', hint: 'Optional.' },
  ],
  Measure: [
    title,
    { key: 'unit', label: 'Unit', type: 'text', required: true, hint: 'For example, per cent or number of children.' },
    { key: 'polarity', label: 'Which way is better', type: 'select', required: true, options: polarities },
    { key: 'area', label: 'Area', type: 'text', hint: 'Optional.' },
    { key: 'note', label: 'Note', type: 'textarea', hint: 'Optional.' },
    text,
  ],
  Evidence: [
    title,
    {
      key: 'kind',
      label: 'Kind of evidence',
      type: 'select',
      required: true,
      options: evidenceKinds,
    },
    { key: 'grade', label: 'Grade', type: 'select', options: evidenceGrades },
    { key: 'date', label: 'Date', type: 'date', hint: 'YYYY, YYYY-MM or YYYY-MM-DD, for example 2024-03-15. Optional.' },
    text,
  ],
  Authority: [
    title,
    {
      key: 'kind',
      label: 'Kind of authority',
      type: 'select',
      required: true,
      options: authorityKinds,
    },
    { key: 'legislationId', label: 'legislation.gov.uk id', type: 'text', hint: 'For example, ukpga/2014/23. Optional.' },
    { key: 'year', label: 'Year', type: 'year', hint: 'Optional.' },
    { key: 'citedAs', label: 'Cited as', type: 'text', hint: 'Optional.' },
    text,
  ],
  Provision: [title, code, text],
  Organisation: [
    title,
    {
      key: 'kind',
      label: 'Kind of organisation',
      type: 'select',
      required: true,
      options: organisationKinds,
    },
    { key: 'shortName', label: 'Short name', type: 'text', hint: 'Optional.' },
    text,
  ],
  Role: [title, text],
  Theme: [title, text],
} satisfies Record<ItemLabel, readonly FieldSpec[]>;

/** Whether a person can edit nodes of this kind (documents and observations come only by import). */
export const isEditable = (label: string) => label in fieldSpecs;

/** The kinds that may be added under an item of this kind, in the order a plan nests them. */
export function childKinds(parentLabel: string): PlacedLabel[] {
  return (Object.keys(hierarchy) as PlacedLabel[]).filter((label) => (hierarchy[label].parents as readonly string[]).includes(parentLabel));
}

/** The kinds each link type a person can draw may join, by type (none for a link only the graph makes). */
export const linkRules: Readonly<Partial<Record<string, LinkRule>>> = modelLinkRules;

/** The link types a node of this kind can start. */
export const linkTypesFrom = (label: string): StatedLinkType[] =>
  (Object.keys(modelLinkRules) as StatedLinkType[]).filter((type) => (modelLinkRules[type].from as readonly string[]).includes(label));

/** Whether a link of this type can be removed on its own (links that place an item cannot). */
export const isRemovableLink = (type: string) => linkRuleOf(type) !== undefined;

/** Kinds the tool suggests links for. */
export const suggestionKinds = new Set(['Plan', 'Priority', 'Objective', 'Action', 'Evidence', 'Measure']);

export type FormValues = Record<string, string | boolean>;

/** A node's stored properties as form values: numbers as text, missing values empty. */
export function initialValues(label: string, properties: Record<string, unknown>): FormValues {
  return Object.fromEntries(
    (fieldSpecs[label] ?? []).map((spec) => {
      const value = properties[spec.key];
      if (spec.type === 'checkbox') return [spec.key, value === true];
      return [spec.key, value === null || value === undefined ? '' : String(value)];
    }),
  );
}

const yearPattern = /^\d{4}$/;
const datePattern = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Slips the form can catch before sending: a missing title or required value, a malformed year or date. */
export function checkValues(label: string, values: FormValues): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const spec of fieldSpecs[label] ?? []) {
    const value = values[spec.key];
    if (typeof value !== 'string') continue;
    const trimmed = value.trim();
    if (spec.required && !trimmed) {
      problems.push({ field: spec.key, message: spec.type === 'select' ? `Choose the ${spec.label.toLowerCase()}` : `Enter the ${spec.label.toLowerCase()}` });
    } else if (spec.maxLength && trimmed.length > spec.maxLength) {
      problems.push({ field: spec.key, message: `${spec.label} must be ${spec.maxLength} characters or fewer` });
    } else if (trimmed && spec.type === 'year' && (!yearPattern.test(trimmed) || Number(trimmed) < 1800 || Number(trimmed) > 2200)) {
      problems.push({ field: spec.key, message: `${spec.label} must be a year between 1800 and 2200, such as 2024` });
    } else if (trimmed && spec.type === 'date' && !datePattern.test(trimmed)) {
      problems.push({ field: spec.key, message: `${spec.label} must be written YYYY, YYYY-MM or YYYY-MM-DD` });
    }
  }
  const start = values.periodStart;
  const end = values.periodEnd;
  if (typeof start === 'string' && typeof end === 'string' && yearPattern.test(start.trim()) && yearPattern.test(end.trim()) && Number(end) < Number(start)) {
    problems.push({ field: 'periodEnd', message: 'Last year must be the same as or after the first year' });
  }
  return problems;
}

/** The value a field's text stands for: a number for years, null when empty. */
function fieldValue(spec: FieldSpec, value: string | boolean | undefined): unknown {
  if (spec.type === 'checkbox') return value === true ? true : null;
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (!trimmed) return null;
  return spec.type === 'year' ? Number(trimmed) : trimmed;
}

/**
 * The properties to send to updateNode: only those that changed, a cleared field as null (which
 * removes the property), an unticked box as null.
 */
export function propertyChanges(label: string, properties: Record<string, unknown>, values: FormValues): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const spec of fieldSpecs[label] ?? []) {
    const next = fieldValue(spec, values[spec.key]);
    const current = properties[spec.key];
    const was = current === undefined || current === '' || (spec.type === 'checkbox' && current === false) ? null : current;
    if (next !== was && String(next) !== String(was)) changes[spec.key] = next;
  }
  return changes;
}

/** The properties to send to createNode: the title apart, and only fields with a value. */
export function newNodeInput(label: string, values: FormValues): { title: string; properties: Record<string, unknown> } {
  const properties: Record<string, unknown> = {};
  for (const spec of fieldSpecs[label] ?? []) {
    if (spec.key === 'title') continue;
    const value = fieldValue(spec, values[spec.key]);
    if (value !== null) properties[spec.key] = value;
  }
  return { title: String(values.title ?? '').trim(), properties };
}

/** One field someone else changed while the form was open. */
export interface ChangedMeanwhile {
  key: string;
  label: string;
  /** The value the form was opened with, and the value now stored, as people read them. */
  before: string;
  now: string;
  /** What the person typed, kept over the new value; null when they left the field alone. */
  yours: string | null;
}

/** A form value as people read it: "none" for an empty one, "yes"/"no" for a tick box, an option in words. */
function shownValue(spec: FieldSpec, value: string | boolean | undefined): string {
  if (spec.type === 'checkbox') return value === true ? 'yes' : 'no';
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) return 'none';
  return spec.type === 'select' ? optionLabel(text) : text;
}

const sameValue = (a: string | boolean | undefined, b: string | boolean | undefined) =>
  typeof a === 'string' && typeof b === 'string' ? a.trim() === b.trim() : a === b;

/**
 * Moves an edit onto the current version of a node after someone else changed it: what the person
 * typed is kept, every field they left alone takes its current value (so saving does not undo the
 * other change), and each field changed meanwhile is listed with both values.
 *
 * @param read - the properties (with the title) the form was opened with
 * @param current - the properties (with the title) stored now
 * @param values - what the form holds
 */
export function rebaseValues(
  label: string,
  read: Record<string, unknown>,
  current: Record<string, unknown>,
  values: FormValues,
): { values: FormValues; changed: ChangedMeanwhile[] } {
  const was = initialValues(label, read);
  const now = initialValues(label, current);
  const next: FormValues = { ...values };
  const changed: ChangedMeanwhile[] = [];
  for (const spec of fieldSpecs[label] ?? []) {
    const typed = !sameValue(values[spec.key], was[spec.key]);
    if (!typed) next[spec.key] = now[spec.key]!;
    if (!sameValue(was[spec.key], now[spec.key])) {
      changed.push({
        key: spec.key,
        label: spec.label,
        before: shownValue(spec, was[spec.key]),
        now: shownValue(spec, now[spec.key]),
        yours: typed ? shownValue(spec, values[spec.key]) : null,
      });
    }
  }
  return { values: next, changed };
}
