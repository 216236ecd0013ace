import { requireRole } from '../../auth.ts';
import type { MutationResolvers } from '../../generated/graphql.ts';
import {
  createLink as writeLink,
  createNode as writeNode,
  deleteLink as removeLink,
  deleteNode as removeNode,
  linkToCitedProvision as linkCited,
  updateNode as changeNode,
} from '../../services/editing.ts';

export const createNode: MutationResolvers['createNode'] = (_parent, { input, why }, { gateway, user }) =>
  writeNode(gateway, requireRole(user, 'editor'), input, why);

export const updateNode: MutationResolvers['updateNode'] = (_parent, { id, version, properties, why }, { gateway, user }) =>
  changeNode(gateway, requireRole(user, 'editor'), id, version, properties, why);

export const deleteNode: MutationResolvers['deleteNode'] = (_parent, { id, version, why, force }, { gateway, user }) =>
  removeNode(gateway, requireRole(user, force ? 'admin' : 'editor'), id, version, force ?? false, why);

export const createLink: MutationResolvers['createLink'] = (_parent, { input, why }, { gateway, user }) =>
  writeLink(gateway, requireRole(user, 'editor'), input, why);

export const deleteLink: MutationResolvers['deleteLink'] = (_parent, { from, type, to, version, why }, { gateway, user }) =>
  removeLink(gateway, requireRole(user, 'editor'), { from, type, to }, version, why);

export const linkToCitedProvision: MutationResolvers['linkToCitedProvision'] = (_parent, { from, citation, type, rationale, why }, { gateway, user }) =>
  linkCited(gateway, requireRole(user, 'editor'), { from, citation, type: type ?? 'GIVES_EFFECT_TO', rationale }, why);
