/**
 * The closed lists of the graph model (schema/graph.cypher and seed/FORMAT.md describe them).
 * Cypher cannot take labels or relationship types as parameters, so every statement that
 * names one dynamically takes it from these lists only.
 */
export const nodeLabels = [
  'Document',
  'Authority',
  'Provision',
  'Organisation',
  'Plan',
  'Priority',
  'Objective',
  'Action',
  'Measure',
  'Observation',
  'Evidence',
  'Role',
  'Theme',
] as const;
export type NodeLabel = (typeof nodeLabels)[number];

export const relationshipTypes = [
  'PUBLISHES',
  'HAS_PRIORITY',
  'HAS_OBJECTIVE',
  'HAS_ACTION',
  'HAS_FINDING',
  'HAS_PROVISION',
  'MEASURED_BY',
  'HAS_OBSERVATION',
  'GIVES_EFFECT_TO',
  'CITES',
  'CONTRIBUTES_TO',
  'UNDERMINES',
  'SUPERSEDES',
  'INFORMED_BY',
  'OWNED_BY',
  'OVERSEES',
  'PART_OF',
  'PARTNERS_WITH',
  'RESPONDS_TO',
  'ABOUT',
  'CONCERNS',
  'SOURCED_FROM',
] as const;
export type RelationshipType = (typeof relationshipTypes)[number];

/** Links whose truth a trace or gap answer depends on; each says how it is known. */
export const alignmentTypes = ['GIVES_EFFECT_TO', 'CONTRIBUTES_TO', 'UNDERMINES', 'RESPONDS_TO', 'CONCERNS'] as const;

/** How a link is known: the source says it, a person drew it, or the tool proposed it. */
export const bases = ['STATED', 'CURATED', 'SUGGESTED'] as const;
export type Basis = (typeof bases)[number];

export function isNodeLabel(value: string): value is NodeLabel {
  return (nodeLabels as readonly string[]).includes(value);
}
