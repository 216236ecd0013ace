/**
 * What `npm run bench:peer` asks the peer (@neo4j/graphql, peer-model.ts), and how its answers
 * are read to check them against the project's. Each operation asks for what the project's
 * counterpart in operations.ts answers, in the way an @neo4j/graphql user would ask it.
 */
import { hierarchy, type NodeLabel, type RelationshipType } from '../schema/graph-model.ts';
import { inField, outField, searchQueryOf } from './peer-model.ts';

const NODE = 'id title code kind status corporate discretionary planId';
const EDGE = 'properties { basis rationale }';
/** The project's rule for links: a suggestion nobody has accepted is not a basis. */
const ACCEPTED = '{ NOT: { basis: { eq: "SUGGESTED" } } }';
const accepted = (labels: readonly NodeLabel[], union: boolean) =>
  union ? `(where: { ${labels.map((label) => `${label}: { edge: ${ACCEPTED} }`).join(', ')} })` : `(where: { edge: ${ACCEPTED} })`;

/** The labels of a plan, top down: an item climbs only to labels above its own. */
const PLAN_ORDER: readonly NodeLabel[] = ['Plan', 'Priority', 'Objective', 'Action'];

/**
 * A connection field with its accepted edges, selecting one or several of the labels it reaches
 * (`union` when the model lets it reach several):
 * `givesEffectToConnection(where: …) { edges { properties { … } node { … } } }`.
 */
function connection(field: string, selections: [NodeLabel, string][], union = selections.length > 1): string {
  const node = union ? selections.map(([label, selection]) => `... on ${label} { __typename ${selection} }`).join(' ') : selections[0]![1];
  const where = accepted(
    selections.map(([label]) => label),
    union,
  );
  return `${field}Connection${where} { edges { ${EDGE} node { ${node} } } }`;
}

/**
 * The trace as nested selections: from an item up its plan (parent by parent, only to labels
 * above its own), along CONTRIBUTES_TO, and to the authorities (or provisions of them) each level
 * gives effect to, within `steps` links: the depth of the project's answers on the bench's data.
 */
function climb(label: NodeLabel, steps: number): string {
  if (steps === 0) return NODE;
  // A provision's authority is one link further up.
  const provision = steps >= 2 ? `${NODE} ${inField('HAS_PROVISION')} { __typename ${NODE} }` : NODE;
  const parts = [
    NODE,
    connection(outField('GIVES_EFFECT_TO'), [
      ['Authority', NODE],
      ['Provision', provision],
    ]),
    connection(outField('CONTRIBUTES_TO'), [['Priority', climb('Priority', steps - 1)]]),
  ];
  const rule = (hierarchy as Partial<Record<NodeLabel, { type: RelationshipType; parents: readonly NodeLabel[] }>>)[label];
  const above = rule?.parents.filter((parent) => PLAN_ORDER.indexOf(parent) < PLAN_ORDER.indexOf(label)) ?? [];
  if (rule && above.length)
    parts.push(
      connection(
        inField(rule.type),
        above.map((parent) => [parent, climb(parent, steps - 1)]),
        rule.parents.length > 1,
      ),
    );
  return parts.join(' ');
}

/** What the trace view shows around the item: its measures, owners, themes and evidence. */
const AROUND = [
  connection(outField('MEASURED_BY'), [['Measure', NODE]]),
  connection(outField('OWNED_BY'), [
    ['Role', NODE],
    ['Organisation', NODE],
  ]),
  connection(outField('CONCERNS'), [['Theme', NODE]]),
  connection(outField('RESPONDS_TO'), [['Evidence', NODE]]),
  `${inField('ABOUT')}Connection { edges { ${EDGE} node { ${NODE} } } }`,
].join(' ');

/** The peer's trace of an action, climbing `steps` links. */
export const peerTraceOperation = (steps: number) => /* GraphQL */ `
  query Peer_Trace($id: ID!) {
    actions(where: { id: { eq: $id } }) { ${climb('Action', steps)} ${AROUND} }
  }`;

/** The labels the peer searches: the plan and its items, where the bench's search words come from. */
const SEARCHED: readonly NodeLabel[] = ['Plan', 'Priority', 'Objective', 'Action'];

/** The peer's search: the project's Lucene query on the same full-text index, 20 hits per label. */
export const peerSearchOperation = /* GraphQL */ `
  query Peer_Search($phrase: String!) {
    ${SEARCHED.map((label) => `${label}: ${searchQueryOf(label)}(phrase: $phrase, first: 20, sort: [{ score: DESC }]) { edges { score node { ${NODE} } } }`).join('\n    ')}
  }`;

/** Actions of the plan with no accepted MEASURED_BY: the project's ACTION_WITHOUT_MEASURE. */
const UNMEASURED = `{ planId: { eq: $planId }, ${outField('MEASURED_BY')}Connection: { none: { edge: ${ACCEPTED} } } }`;

/** The peer's gaps of one plan for ACTION_WITHOUT_MEASURE: counts, and the first `$limit` failing actions. */
export const peerGapsOperation = /* GraphQL */ `
  query Peer_Gaps($planId: String!, $limit: Int!) {
    checked: actionsConnection(where: { planId: { eq: $planId } }) { aggregate { count { nodes } } }
    failing: actionsConnection(where: ${UNMEASURED}) { aggregate { count { nodes } } }
    findings: actions(where: ${UNMEASURED}, limit: $limit, sort: [{ id: ASC }]) { ${NODE} }
  }`;

/** The ends a trace reaches: authorities and corporate priorities, as sorted ids. */
export interface TraceEnds {
  authorities: string[];
  corporate: string[];
}

const sortedIds = (ids: Iterable<string>) => [...new Set(ids)].sort();

interface NodeRef {
  id?: unknown;
  __typename?: unknown;
  corporate?: unknown;
}

/** The ends of the project's trace answer (operations.ts traceOperation). */
export function projectTraceEnds(trace: { authorities: { id: string }[]; corporatePriorities: { id: string }[] }): TraceEnds {
  return { authorities: sortedIds(trace.authorities.map(({ id }) => id)), corporate: sortedIds(trace.corporatePriorities.map(({ id }) => id)) };
}

/** The ends of the peer's answer: every authority and every corporate priority anywhere under the item. */
export function peerTraceEnds(action: object): TraceEnds {
  const authorities: string[] = [];
  const corporate: string[] = [];
  const visit = (value: unknown, root: boolean) => {
    if (Array.isArray(value)) for (const item of value) visit(item, false);
    else if (value && typeof value === 'object') {
      const node = value as NodeRef;
      if (node.__typename === 'Authority' && typeof node.id === 'string') authorities.push(node.id);
      if (!root && node.corporate === true && typeof node.id === 'string') corporate.push(node.id);
      for (const child of Object.values(value)) visit(child, false);
    }
  };
  visit(action, true);
  return { authorities: sortedIds(authorities), corporate: sortedIds(corporate) };
}
