import { requireRole } from '../../auth.ts';
import type { MutationResolvers } from '../../generated/graphql.ts';
import { importDocument as runImport } from '../../import/import-document.ts';

export const importDocument: MutationResolvers['importDocument'] = (_parent, { input, dryRun }, { gateway, user }) =>
  runImport(gateway, requireRole(user, 'editor'), { fileName: input.fileName, content: input.content, publisherId: input.publisherId }, dryRun ?? true);
