/**
 * The graph model, the one home of what the graph may hold: its node labels and relationship
 * types, the closed lists of values its properties take, what sits under what, which labels each
 * link may join, and the Cypher fragments that name the hierarchy. The server (queries, import
 * checks, the API's enums) and the client (authoring forms, graph layout) read it from here.
 *
 * Plain TypeScript with no imports, so the client bundle can take it as it is. Cypher cannot take
 * labels or relationship types as parameters: every fragment here is built from this module's
 * constants only, never from input.
 */

/** Every label a node carries beside `Entity`, which all nodes share. */
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

/** Whether a text is one of the model's labels. */
export function isNodeLabel(value: string): value is NodeLabel {
  return (nodeLabels as readonly string[]).includes(value);
}

/** Labels only the loader makes: a source document, and the data points of a measure. */
export const loaderOnlyLabels = ['Document', 'Observation'] as const satisfies readonly NodeLabel[];

/** An item a seed file or a person states: every label but the loader's own. */
export type ItemLabel = Exclude<NodeLabel, (typeof loaderOnlyLabels)[number]>;

/** Every {@link ItemLabel}, in the order of {@link nodeLabels}. */
export const itemLabels: readonly ItemLabel[] = nodeLabels.filter((label): label is ItemLabel => !(loaderOnlyLabels as readonly string[]).includes(label));

/**
 * Labels whose titles, statements and codes people search (the full-text index item_text):
 * every label but Observation, which is most of the nodes and found through its measure.
 */
export const searchableLabels: readonly NodeLabel[] = nodeLabels.filter((label) => label !== 'Observation');

/** Every relationship type of the graph. */
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

/** One link, named by its ends and its type (a graph holds at most one of each). */
export interface LinkKey {
  from: string;
  type: string;
  to: string;
}

/** Whether a text is one of the model's relationship types. */
export function isRelationshipType(value: string): value is RelationshipType {
  return (relationshipTypes as readonly string[]).includes(value);
}

/**
 * Labels and the link the legislation update keeps beside the model, as the history's `Change`
 * is kept: the statute catalogue, and the effects on the law joined by `AFFECTS` to the Authority
 * or Provision they touch. They carry no `Entity` label, so plans, search, exports and gap rules
 * never see them (server/src/queries/legislation.ts).
 */
export const referenceLabels = ['StatuteEntry', 'Effect'] as const;
export const referenceRelationshipTypes = ['AFFECTS'] as const;
/**
 * The types of effect (as legislation.gov.uk words them) that bring new law: a provision inserted
 * or added, or coming into force. The legislation update makes a Provision for one the graph does
 * not hold yet, so new duties show, with what gives effect to them.
 */
export const newLawEffectTypes = ['inserted', 'added', 'coming into force'] as const;

/** A Plan's `kind`. */
export const planKinds = ['CORPORATE_PLAN', 'STRATEGY', 'COMMISSIONING_FRAMEWORK', 'COMMUNITY_STRATEGY', 'ACTION_PLAN', 'BUSINESS_PLAN', 'OTHER'] as const;
/** A Plan's `status`. */
export const planStatuses = ['DRAFT', 'CONSULTATION', 'ADOPTED', 'EXPIRED', 'SUPERSEDED', 'UNKNOWN'] as const;
/** An Evidence node's `kind`: a report, and the judgements, findings and recommendations in it. */
export const evidenceKinds = ['INSPECTION_REPORT', 'JUDGEMENT', 'STRENGTH', 'FINDING', 'AREA_FOR_IMPROVEMENT', 'RECOMMENDATION', 'MONITORING_REPORT'] as const;
/** An Evidence node's `grade`, as inspectorates grade. */
export const evidenceGrades = ['OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE'] as const;
/**
 * An Authority's `kind`, law first, then policy, frameworks and data sources: the order is the
 * rank of each kind where answers list authorities.
 */
export const authorityKinds = [
  'ACT',
  'REGULATION',
  'STATUTORY_GUIDANCE',
  'NATIONAL_POLICY',
  'NATIONAL_REVIEW',
  'FRAMEWORK',
  'INSPECTION_FRAMEWORK',
  'DATA_SOURCE',
] as const;
export type AuthorityKind = (typeof authorityKinds)[number];
/** An Organisation's `kind`. */
export const organisationKinds = [
  'COUNCIL',
  'DIRECTORATE',
  'NHS_BODY',
  'PARTNERSHIP',
  'BOARD',
  'GROUP',
  'INSPECTORATE',
  'PROVIDER',
  'GOVERNMENT',
  'VOLUNTARY',
  'BUSINESS',
  'EDUCATION',
] as const;
/** A Measure's `polarity`: which way is better. */
export const polarities = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER', 'NEUTRAL'] as const;
/** An Observation's `status`: a figure as it happened, estimated or projected. */
export const observationStatuses = ['ACTUAL', 'ESTIMATE', 'PROJECTION'] as const;
/** A source Document's `kind`. */
export const documentKinds = ['CONSULTATION', 'STRATEGY', 'CORPORATE_PLAN', 'MONITORING_REPORT', 'INSPECTION_REPORT', 'NEWS_REPORT', 'LEGISLATION'] as const;

/** How a link is known: the source says it, a person drew it, or the tool proposed it. */
export const bases = ['STATED', 'CURATED', 'SUGGESTED'] as const;
export type Basis = (typeof bases)[number];

/** Links whose truth a trace or gap answer depends on; each says how it is known. */
export const alignmentTypes = ['GIVES_EFFECT_TO', 'CONTRIBUTES_TO', 'UNDERMINES', 'RESPONDS_TO', 'CONCERNS'] as const satisfies readonly RelationshipType[];

/** The labels a link of one type may start and end at. */
export interface LinkRule {
  from: readonly NodeLabel[];
  to: readonly NodeLabel[];
}

/** Where an item of one label may sit, and the link from its parent that places it there. */
export interface HierarchyRule {
  type: RelationshipType;
  parents: readonly NodeLabel[];
}

/**
 * What sits under what: for each label that can have a parent, the link from the parent that
 * places it (a seed file's `parent`, the parent given when a person adds an item) and the labels
 * the parent may have. A plan's items nest in plan order: priorities, objectives, actions.
 */
export const hierarchy = {
  Priority: { type: 'HAS_PRIORITY', parents: ['Plan', 'Priority'] },
  Objective: { type: 'HAS_OBJECTIVE', parents: ['Plan', 'Priority', 'Objective'] },
  Action: { type: 'HAS_ACTION', parents: ['Plan', 'Priority', 'Objective', 'Action'] },
  Evidence: { type: 'HAS_FINDING', parents: ['Evidence'] },
  Provision: { type: 'HAS_PROVISION', parents: ['Authority'] },
} as const satisfies Partial<Record<NodeLabel, HierarchyRule>>;

/** A label that sits under a parent. */
export type PlacedLabel = keyof typeof hierarchy;
/** A link that places an item under its parent. */
export type HierarchyType = (typeof hierarchy)[PlacedLabel]['type'];

/** The hierarchy's rule for a label, if items of that label sit under anything. */
export const hierarchyRuleOf = (label: string): HierarchyRule | undefined => (hierarchy as Partial<Record<string, HierarchyRule>>)[label];

/** Every link that places an item under its parent, in the order of {@link hierarchy}. */
export const hierarchyTypes: readonly HierarchyType[] = [...new Set(Object.values(hierarchy).map(({ type }) => type))];

/** Whether a link of this type places an item under its parent. */
export const isHierarchyType = (type: string): type is HierarchyType => (hierarchyTypes as readonly string[]).includes(type);

/**
 * The labels of a plan's items: those that sit under a plan, or under such an item. The loader
 * records on each the plan it belongs to (`planId`) and its top-level priority.
 */
export const planItemLabels: readonly PlacedLabel[] = (() => {
  const inPlan = new Set<string>(['Plan']);
  for (let size = 0; size !== inPlan.size; ) {
    size = inPlan.size;
    for (const [label, rule] of Object.entries(hierarchy)) if (rule.parents.some((parent) => inPlan.has(parent))) inPlan.add(label);
  }
  return (Object.keys(hierarchy) as PlacedLabel[]).filter((label) => inPlan.has(label));
})();

const delivery = ['Plan', 'Priority', 'Objective', 'Action'] as const satisfies readonly NodeLabel[];

/**
 * The links a seed file states and a person draws, and the labels each may join (seed/FORMAT.md),
 * alignment links first: the order the authoring forms offer them in.
 */
export const linkRules = {
  GIVES_EFFECT_TO: { from: delivery, to: ['Authority', 'Provision'] },
  CONTRIBUTES_TO: { from: delivery, to: ['Priority'] },
  UNDERMINES: { from: delivery, to: ['Priority'] },
  RESPONDS_TO: { from: ['Priority', 'Objective', 'Action'], to: ['Evidence'] },
  MEASURED_BY: { from: ['Priority', 'Objective', 'Action'], to: ['Measure'] },
  OWNED_BY: { from: [...delivery, 'Measure'], to: ['Role', 'Organisation'] },
  PARTNERS_WITH: { from: [...delivery, 'Organisation'], to: ['Organisation'] },
  CONCERNS: { from: itemLabels, to: ['Theme'] },
  CITES: { from: ['Plan', 'Evidence'], to: ['Authority'] },
  INFORMED_BY: { from: ['Plan'], to: ['Plan', 'Authority', 'Evidence'] },
  SUPERSEDES: { from: ['Plan'], to: ['Plan'] },
  PUBLISHES: { from: ['Organisation'], to: ['Plan'] },
  OVERSEES: { from: ['Organisation', 'Role'], to: ['Plan', 'Organisation'] },
  PART_OF: { from: ['Organisation', 'Role'], to: ['Organisation'] },
  ABOUT: { from: ['Evidence'], to: itemLabels },
} as const satisfies Partial<Record<RelationshipType, LinkRule>>;

/** A link a seed file may state and a person may draw or remove on its own. */
export type StatedLinkType = keyof typeof linkRules;

/** The rule for a link a seed file may state, if that type is one. */
export const linkRuleOf = (type: string): LinkRule | undefined => (linkRules as Partial<Record<string, LinkRule>>)[type];

/**
 * Links only the loader makes, from a document's own fields: the document's publisher (a seed
 * file's PUBLISHES links join organisations to plans), a measure's data and every item's source.
 */
export const loaderLinkRules = {
  PUBLISHES: { from: ['Organisation'], to: ['Plan', 'Document'] },
  HAS_OBSERVATION: { from: ['Measure'], to: ['Observation'] },
  SOURCED_FROM: { from: nodeLabels.filter((label) => label !== 'Document'), to: ['Document'] },
} as const satisfies Partial<Record<RelationshipType, LinkRule>>;

/**
 * Every relationship type and the labels it may join, whoever makes it: the hierarchy, the
 * links a seed file states and the loader's own. A graph export is checked against these.
 */
export const allLinkRules: Readonly<Record<RelationshipType, LinkRule>> = (() => {
  const rules: Partial<Record<RelationshipType, { from: NodeLabel[]; to: NodeLabel[] }>> = {};
  for (const [child, rule] of Object.entries(hierarchy) as [PlacedLabel, HierarchyRule][]) {
    const existing = rules[rule.type] ?? { from: [], to: [] };
    rules[rule.type] = { from: [...new Set([...existing.from, ...rule.parents])], to: [...existing.to, child] };
  }
  for (const [type, rule] of [...Object.entries(linkRules), ...Object.entries(loaderLinkRules)] as [RelationshipType, LinkRule][]) {
    rules[type] = { from: [...rule.from], to: [...rule.to] };
  }
  return rules as Record<RelationshipType, LinkRule>;
})();

/**
 * Chains no link may close into a loop: the hierarchy (all its types together), plans
 * superseding plans, organisations within organisations.
 */
export const acyclicChains = {
  hierarchy: hierarchyTypes,
  supersedes: ['SUPERSEDES'],
  partOf: ['PART_OF'],
} as const satisfies Record<string, readonly RelationshipType[]>;

/**
 * The Cypher alternation of the links that place items of these labels under their parents, for
 * a relationship pattern: `placing('Priority', 'Objective')` is `HAS_PRIORITY|HAS_OBJECTIVE`.
 * Built from {@link hierarchy} only; a label with no parent is refused.
 */
export function placing(...labels: readonly PlacedLabel[]): string {
  const types = labels.map((label) => {
    const rule = hierarchyRuleOf(label);
    if (!rule) throw new Error(`${label} sits under nothing in the graph model`);
    return rule.type;
  });
  return [...new Set(types)].join('|');
}

/** Cypher alternation of every hierarchy link: `HAS_PRIORITY|HAS_OBJECTIVE|HAS_ACTION|HAS_FINDING|HAS_PROVISION`. */
export const HIERARCHY = hierarchyTypes.join('|');

/** Cypher alternation of the links that place a plan's items: `HAS_PRIORITY|HAS_OBJECTIVE|HAS_ACTION`. */
export const PLAN_HIERARCHY = placing(...planItemLabels);

/**
 * Cypher alternation of the links under which an element of an answer stands for everything
 * below it: a plan's items and an authority's provisions (not an inspection's findings).
 */
export const PLAN_AND_PROVISION_HIERARCHY = placing(...planItemLabels, 'Provision');
