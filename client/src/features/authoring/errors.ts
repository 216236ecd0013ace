/**
 * What a failed write means for the person who tried it: the API's own message, mapped to the
 * form field it names (`extensions.field`, e.g. `input.properties.kind`) when the form has one,
 * otherwise shown above the form. Network failures, refusals (no or a wrong token, an editor
 * trying an admin's change) and conflicts (someone else changed it first) are told apart.
 */
import { formatTimeOn } from './history.ts';

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
  /** The API's code for the first error: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, CONFLICT, … */
  code: string | null;
  /** Set when the write was refused because someone else changed or deleted it first. */
  conflict: Conflict | null;
}

/**
 * A write refused with CONFLICT: what it would change is no longer as the person read it. The
 * person reloads the current version and applies the change again, unless it was deleted.
 */
export interface Conflict {
  /** Deleted meanwhile: there is nothing left to apply the change to. */
  deleted: boolean;
  /** Who changed or deleted it last, when the API knows. */
  changedBy: string | null;
  /** When, as an ISO date and time. */
  changedAt: string | null;
  /** The version the write named; null when it named none (a link that turned out to exist). */
  readVersion: number | null;
  currentVersion: number | null;
  /** In plain words: "Jane Smith changed it at 16:42 on 7 December 2026, after you opened it." */
  message: string;
}

const numberOrNull = (value: unknown) => (typeof value === 'number' ? value : null);
const textOrNull = (value: unknown) => (typeof value === 'string' && value ? value : null);

/**
 * The conflict a CONFLICT error's extensions describe, told in plain words with the time written
 * for people (in `timeZone`, the reader's own by default). The API's message is kept only when
 * it says nothing about who or when (two writers creating one id at the same moment).
 *
 * @example
 * describeConflict({ code: 'CONFLICT', readVersion: 3, currentVersion: 4, changedBy: 'Jane Smith', changedAt: '2026-12-07T16:42:00Z' }, 'The …', 'UTC').message
 * // → 'Jane Smith changed it at 16:42 on 7 December 2026, after you opened it.'
 */
export function describeConflict(extensions: Record<string, unknown>, apiMessage: string, timeZone?: string): Conflict {
  const deleted = extensions.deleted === true;
  const changedBy = textOrNull(extensions.changedBy);
  const changedAt = textOrNull(extensions.changedAt);
  const readVersion = numberOrNull(extensions.readVersion);
  const currentVersion = numberOrNull(extensions.currentVersion);
  const who = changedBy ?? 'Someone else';
  // A time that cannot be read is left out rather than shown raw.
  const when = changedAt && !Number.isNaN(Date.parse(changedAt)) ? ` at ${formatTimeOn(changedAt, 'en-GB', timeZone)}` : '';
  let message: string;
  if (deleted) message = `${who} deleted it${when}.`;
  else if (readVersion !== null) message = `${who} changed it${when}, after you opened it.`;
  else if (changedBy || changedAt) message = `It already exists: ${changedBy ?? 'someone else'} last changed it${when}.`;
  else message = apiMessage;
  return { deleted, changedBy, changedAt, readVersion, currentVersion, message };
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
    return { fields: [], general: ['Could not reach the server, so nothing was saved. Check your connection and try again.'], code: null, conflict: null };
  }
  const fields: FieldMessage[] = [];
  const general: string[] = [];
  let conflict: Conflict | null = null;
  for (const { message, extensions } of error.graphQLErrors) {
    const code = typeof extensions?.code === 'string' ? extensions.code : null;
    const apiField = typeof extensions?.field === 'string' ? extensions.field : null;
    const field = apiField ? formField(apiField) : null;
    if (code === 'UNAUTHENTICATED') general.push(`${message} ${signInHint(message)}`);
    else if (code === 'CONFLICT') {
      // About the whole item, never one input: its field names the version that was stale.
      const described = describeConflict(extensions ?? {}, message);
      conflict ??= described;
      general.push(described.message);
    } else if (apiField && field && labels[field] && !fields.some((existing) => existing.field === field)) {
      fields.push({ field, message: fieldMessage(message, apiField, labels[field]) });
    } else general.push(message);
  }
  const first = error.graphQLErrors[0]?.extensions?.code;
  return { fields, general, code: typeof first === 'string' ? first : null, conflict };
}

/** A failed write that has no form of its own (a button such as Accept): one plain message, and the conflict if it was one. */
export function writeFailure(error: WriteError): { message: string; conflict: Conflict | null } {
  const { fields, general, conflict } = formErrors(error, {});
  return { message: [...general, ...fields.map(({ message }) => message)].join(' '), conflict };
}

/** One plain message for a failed write that has no form of its own. */
export const writeErrorMessage = (error: WriteError): string => writeFailure(error).message;

/**
 * Reads an item again after a conflict, with `busy` on meanwhile. Resolves with what it read
 * (null: the item is gone), or undefined once a failure's message has gone to `failed`.
 */
export async function reloadFor<T>(
  reload: () => Promise<T | null>,
  busy: (on: boolean) => void,
  failed: (message: string) => void,
): Promise<T | null | undefined> {
  busy(true);
  try {
    return await reload();
  } catch (error) {
    failed(error instanceof Error ? error.message : String(error));
    return undefined;
  } finally {
    busy(false);
  }
}
