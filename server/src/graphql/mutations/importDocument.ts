import { requireRole } from '../../auth.ts';
import { ExpectedError } from '../../errors.ts';
import type { MutationResolvers } from '../../generated/graphql.ts';
import { importDocument as runImport, MAX_IMPORT_BYTES, tooLargeToImport } from '../../import/import-document.ts';

/** The file's text or bytes: exactly one of `content` and `contentBase64`, checked for size before decoding. */
function importContent({ content, contentBase64 }: { content?: string | null; contentBase64?: string | null }): string | Uint8Array {
  if ((content == null) === (contentBase64 == null))
    throw new ExpectedError('BAD_USER_INPUT', 'input: give exactly one of content (text) and contentBase64 (bytes).', { field: 'content' });
  if (content != null) return content;
  const base64 = contentBase64!.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 === 1)
    throw new ExpectedError('BAD_USER_INPUT', 'contentBase64: is not base64.', { field: 'contentBase64' });
  // Decoded size, worked out before decoding so an over-size upload is refused cheaply.
  if (Math.floor((base64.length * 3) / 4) - (base64.match(/=+$/)?.[0].length ?? 0) > MAX_IMPORT_BYTES) {
    throw new ExpectedError('BAD_USER_INPUT', `contentBase64: ${tooLargeToImport('the file')}`, { field: 'contentBase64' });
  }
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

/** At most this many choices, each at most this long: corrections are a few short sentences. */
const MAX_CHOICES = 100;
const MAX_CHOICE_LENGTH = 500;

function importChoices(choices: readonly string[] | null | undefined): readonly string[] | null {
  if (choices == null) return null;
  if (choices.length > MAX_CHOICES) throw new ExpectedError('BAD_USER_INPUT', `choices: at most ${MAX_CHOICES} choices can be given.`, { field: 'choices' });
  const long = choices.findIndex((choice) => choice.length > MAX_CHOICE_LENGTH);
  if (long >= 0) throw new ExpectedError('BAD_USER_INPUT', `choices[${long}]: a choice is at most ${MAX_CHOICE_LENGTH} characters.`, { field: 'choices' });
  return choices;
}

export const importDocument: MutationResolvers['importDocument'] = (_parent, { input, dryRun }, { gateway, user }) =>
  runImport(
    gateway,
    requireRole(user, 'editor'),
    { fileName: input.fileName, content: importContent(input), publisherId: input.publisherId, choices: importChoices(input.choices) },
    dryRun ?? true,
  );
