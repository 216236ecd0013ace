/** The property rules of each kind of node: the seed format's schemas (import/seed-format.ts). */
import type { z } from 'zod';
import type { ItemLabel } from '../../../schema/graph-model.ts';
import { Mention, NodeDefinition, nodeSchemas } from '../import/seed-format.ts';
import type { Fault } from './faults.ts';

// Fields of the seed format that become links or nodes of their own, or are the node's identity,
// rather than properties a person sets.
const notProperties = ['id', 'label', 'title', 'source', 'parent', 'owner', 'themes', 'observations'] as const;

/** What may be set on a node of `label` as properties: its schema without the fields that become links or nodes. */
export function propertySchema(label: ItemLabel): z.ZodObject {
  const schema = nodeSchemas[label] as unknown as z.ZodObject;
  const mask = Object.fromEntries(notProperties.filter((key) => key in schema.shape).map((key) => [key, true as const]));
  return schema.omit(mask as Record<string, true> & Record<number, never>);
}

const faultsOf = (issues: readonly z.core.$ZodIssue[], message: (issue: z.core.$ZodIssue) => string = (issue) => issue.message): Fault[] =>
  issues.map((issue) => ({ at: issue.path as (string | number)[], message: message(issue) }));

/**
 * Checks properties for a node of `label` against its kind's schema (`propertySchema`): unknown
 * keys and values of the wrong type or outside their closed list are faults at their key. With
 * `partial`, only the properties given are checked (a change to some of them); without, every
 * property the kind requires must be there, and one missing is "is required for a <label>".
 * Returns the checked properties, those given as undefined left out.
 */
export function checkNodeProperties(label: ItemLabel, props: unknown, { partial }: { partial: boolean }): { props: Record<string, unknown>; faults: Fault[] } {
  const schema = propertySchema(label);
  const parsed = (partial ? schema.partial() : schema).safeParse(props ?? {});
  if (parsed.success) {
    return { props: Object.fromEntries(Object.entries(parsed.data as Record<string, unknown>).filter(([, value]) => value !== undefined)), faults: [] };
  }
  const given = (props ?? {}) as Record<PropertyKey, unknown>;
  const missing = (issue: z.core.$ZodIssue) =>
    (issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.path.length === 1 && given[issue.path[0]!] === undefined;
  return { props: {}, faults: faultsOf(parsed.error.issues, (issue) => (missing(issue) ? `is required for a ${label}` : issue.message)) };
}

/**
 * Checks one entry of a seed file's `nodes` against the format: a mention of a node defined
 * elsewhere, or a node's full definition (its label's schema). Returns the entry as the format
 * reads it, or the faults, each at its path inside the entry.
 */
export function checkNodeEntry(entry: Record<string, unknown>): { entry?: NodeDefinition | Mention; faults: Fault[] } {
  const parsed = 'mention' in entry ? Mention.safeParse(entry) : NodeDefinition.safeParse(entry);
  return parsed.success ? { entry: parsed.data, faults: [] } : { faults: faultsOf(parsed.error.issues) };
}
