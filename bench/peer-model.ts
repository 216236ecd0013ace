/**
 * The peer's type definitions: the graph model (schema/graph-model.ts) written as an
 * @neo4j/graphql user would write it, so the peer reads the same nodes and links the project does.
 *
 * One `@node` type per label; for every relationship type and every label it may start at, a
 * field out of that label (`givesEffectTo`), and for every label it may end at, a field into it
 * (`givesEffectToIn`); a link that may join several labels gets a union. Every link carries its
 * properties (basis, rationale, …) through one `@relationshipProperties` type, so the peer can
 * leave out SUGGESTED links as the project does. The item labels get `@fulltext` on the project's
 * `item_text` index.
 */
import { allLinkRules, itemLabels, nodeLabels, relationshipTypes, type NodeLabel, type RelationshipType } from '../schema/graph-model.ts';

/** What every node type offers: the properties the project's GraphNode reads (server/src/queries/shapes.ts). */
const NODE_FIELDS = `
  id: ID!
  title: String
  code: String
  term: String
  text: String
  kind: String
  status: String
  grade: String
  corporate: Boolean
  discretionary: Boolean
  planId: String
  topPriorityId: String`;

/** GIVES_EFFECT_TO → givesEffectTo. */
const camel = (type: RelationshipType) => type.toLowerCase().replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
const pascal = (type: RelationshipType) => camel(type).replace(/^[a-z]/, (letter) => letter.toUpperCase());

/** The field out of a node along `type`. */
export const outField = (type: RelationshipType) => camel(type);
/** The field into a node along `type`. */
export const inField = (type: RelationshipType) => `${camel(type)}In`;

/** The type a field reaches: the label itself, or a union when the link may reach several. */
function target(type: RelationshipType, labels: readonly NodeLabel[], side: 'Target' | 'Source', unions: Map<string, string>): string {
  if (labels.length === 1) return labels[0]!;
  const name = `${pascal(type)}${side}`;
  unions.set(name, `union ${name} = ${labels.join(' | ')}`);
  return name;
}

/** The fulltext query of a label: Action → actionsSearch. */
export const searchQueryOf = (label: NodeLabel) => `${label.charAt(0).toLowerCase()}${label.slice(1)}sSearch`;

/** The peer's SDL, built from the graph model. */
export function peerTypeDefs(): string {
  const unions = new Map<string, string>();
  const fields = new Map<NodeLabel, string[]>(nodeLabels.map((label) => [label, []]));
  for (const type of relationshipTypes) {
    const rule = allLinkRules[type];
    const to = target(type, rule.to, 'Target', unions);
    const from = target(type, rule.from, 'Source', unions);
    for (const label of new Set(rule.from)) {
      fields.get(label)!.push(`${outField(type)}: [${to}!]! @relationship(type: "${type}", direction: OUT, properties: "Link")`);
    }
    for (const label of new Set(rule.to)) {
      fields.get(label)!.push(`${inField(type)}: [${from}!]! @relationship(type: "${type}", direction: IN, properties: "Link")`);
    }
  }
  const searchable = new Set<NodeLabel>(itemLabels);
  const types = nodeLabels.map((label) => {
    const fulltext = searchable.has(label)
      ? ` @fulltext(indexes: [{ indexName: "item_text", queryName: "${searchQueryOf(label)}", fields: ["title", "text", "code"] }])`
      : '';
    return `type ${label} @node${fulltext} {${NODE_FIELDS}\n  ${fields.get(label)!.join('\n  ')}\n}`;
  });
  return [
    `type Link @relationshipProperties {
  basis: String
  rationale: String
  by: String
  at: String
  section: String
  excerpt: String
  documentId: String
}`,
    ...unions.values(),
    ...types,
  ].join('\n\n');
}
