/**
 * What a failed write means for the person who tried it: the API's own message, mapped to the
 * form field it names (`extensions.field`, e.g. `input.properties.kind`) when the form has one,
 * otherwise shown above the form. Network failures and refusals (no or a wrong token, an editor
 * trying an admin's change) are told apart.
 */

/** The parts of urql's CombinedError these helpers read. */
export interface WriteError {
  networkError?: Error | undefined;
  graphQLErrors: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/** A message tied to one input of a form. */
export interface FieldMessage {
  /** The form's own name of the field: title, kind, parentId, rationale, … */
  field: string;
  message: string;
}

export interface FormErrors {
  /** Messages for inputs the form has. */
  fields: FieldMessage[];
  /** Messages about the write as a whole, or for fields the form does not show. */
  general: string[];
  /** The API's code for the first error: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, … */
  code: string | null;
}

const prefixes = ['input.properties.', 'input.source.', 'properties.', 'input.'];

/**
 * The form's name for a field the API names: `input.properties.kind` → `kind`,
 * `properties.title` → `title`, `input.parentId` → `parentId`, `to` → `to`.
 */
export function formField(apiField: string): string {
  for (const prefix of prefixes) if (apiField.startsWith(prefix)) return apiField.slice(prefix.length);
  return apiField;
}

/**
 * The API's message without the field path it starts with, as a sentence about the labelled
 * input: "properties.title: must be a non-empty text" → "Title must be a non-empty text".
 */
export function fieldMessage(message: string, apiField: string, label: string): string {
  const rest = message.startsWith(`${apiField}: `) ? message.slice(apiField.length + 2) : message;
  const sentence = /^(must|is|are|cannot|has|needs)\b/.test(rest) ? `${label} ${rest}` : `${label}: ${rest}`;
  return sentence.replace(/\.$/, '');
}

/** What to do about a refused token: sign in, or sign in again when the token held is not known. */
const signInHint = (message: string) =>
  /not recognised/i.test(message)
    ? 'Sign out, then sign in again with the token your administrator gave you.'
    : 'Sign in to edit with the token your administrator gave you, then try again.';

/**
 * Sorts the errors of a failed write into messages for the form's inputs (`labels` names each
 * input the form shows) and messages for the form as a whole.
 */
export function formErrors(error: WriteError, labels: Record<string, string>): FormErrors {
  if (error.networkError && error.graphQLErrors.length === 0) {
    return { fields: [], general: ['Could not reach the server, so nothing was saved. Check your connection and try again.'], code: null };
  }
  const fields: FieldMessage[] = [];
  const general: string[] = [];
  for (const { message, extensions } of error.graphQLErrors) {
    const code = typeof extensions?.code === 'string' ? extensions.code : null;
    const apiField = typeof extensions?.field === 'string' ? extensions.field : null;
    const field = apiField ? formField(apiField) : null;
    if (code === 'UNAUTHENTICATED') general.push(`${message} ${signInHint(message)}`);
    else if (apiField && field && labels[field] && !fields.some((existing) => existing.field === field)) {
      fields.push({ field, message: fieldMessage(message, apiField, labels[field]) });
    } else general.push(message);
  }
  const first = error.graphQLErrors[0]?.extensions?.code;
  return { fields, general, code: typeof first === 'string' ? first : null };
}

/** One plain message for a failed write that has no form of its own (a button such as Accept). */
export function writeErrorMessage(error: WriteError): string {
  const { fields, general } = formErrors(error, {});
  return [...general, ...fields.map(({ message }) => message)].join(' ');
}
